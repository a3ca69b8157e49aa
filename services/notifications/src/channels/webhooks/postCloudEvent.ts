// One webhook call: POST the CloudEvent, signed per Standard Webhooks, over a connection whose address was checked
// against the callback policy at this very moment (guardedLookup). Any 2xx is delivered; anything
// else (a redirect included: it is not followed) or no answer in time is a failed attempt that the
// delivery ledger retries with back-off.

import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { text, type Text } from '@kot/domain';
import { CLOUDEVENTS_CONTENT_TYPE, type CloudEvent } from './cloudEvent';
import {
  resolveWithDns,
  type CallbackAddressPolicy,
  type ResolveHost,
} from './callbackAddressPolicy';
import { guardedLookup, literalAddressAllowed } from './guardedLookup';
import { webhookSignatureHeaders } from './webhookSignature';

export type PostOutcome =
  | { ok: true; status: number }
  /** `error`: our own short note for the ledger; `reason`: the same in words, Dutch and English. */
  | { ok: false; error: string; reason: Text };

export interface WebhookPoster {
  post(url: string, secret: string, event: CloudEvent): Promise<PostOutcome>;
  close(): void;
}

export interface WebhookPosterOptions {
  policy: CallbackAddressPolicy;
  timeoutMs: number;
  resolveHost?: ResolveHost;
  /**
   * The real time of each attempt, for the signed timestamp: receivers compare it with their own
   * clock, so it is never the injected business clock.
   */
  wallClock?: () => Date;
}

const failed = (error: string, nl: string, en: string): PostOutcome => ({
  ok: false,
  error,
  reason: text(nl, en),
});

const tlsProblem = /^(ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|ERR_SSL_)/;

/** A failed connection in words; never the receiver's own text. */
function describeFailure(error: unknown, timeoutMs: number): PostOutcome {
  const code = (error as NodeJS.ErrnoException).code ?? (error as Error).name;
  if (code === 'EBLOCKEDADDRESS')
    return failed(
      'address not allowed',
      'het adres van de ontvanger is hier niet toegestaan (geen openbaar adres)',
      "the receiver's address is not allowed here (not a public address)",
    );
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return failed(
      'host not found',
      'de ontvanger is niet te vinden',
      'the receiver could not be found',
    );
  if (code === 'ECONNREFUSED')
    return failed(
      'connection refused',
      'de ontvanger weigerde de verbinding',
      'the receiver refused the connection',
    );
  if (code === 'TIMEOUT' || code === 'ETIMEDOUT')
    return failed(
      `no answer within ${timeoutMs} ms`,
      `de ontvanger antwoordde niet binnen ${timeoutMs} ms`,
      `the receiver did not answer within ${timeoutMs} ms`,
    );
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH')
    return failed(
      'host unreachable',
      'de ontvanger is niet bereikbaar',
      'the receiver cannot be reached',
    );
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'HPE_INVALID_CONSTANT')
    return failed(
      'connection broken',
      'de ontvanger verbrak de verbinding',
      'the receiver broke off the connection',
    );
  if (tlsProblem.test(code))
    return failed(
      'TLS certificate not accepted',
      'het TLS-certificaat van de ontvanger is niet geldig voor dit adres',
      "the receiver's TLS certificate is not valid for this address",
    );
  return failed(
    `connection failed (${code})`,
    'de verbinding met de ontvanger is mislukt',
    'the connection to the receiver failed',
  );
}

const statusOutcome = (status: number): PostOutcome =>
  status >= 200 && status < 300
    ? { ok: true, status }
    : failed(
        `HTTP ${status}`,
        `de ontvanger antwoordde met HTTP ${status} in plaats van 2xx`,
        `the receiver answered HTTP ${status} instead of 2xx`,
      );

export function createWebhookPoster(options: WebhookPosterOptions): WebhookPoster {
  const wallClock = options.wallClock ?? (() => new Date());
  const lookup = guardedLookup(options.policy, options.resolveHost ?? resolveWithDns);
  // Kept-alive connections per poster; a pooled socket was opened to a checked address.
  const agents = {
    'http:': new HttpAgent({ keepAlive: true, maxSockets: 64 }),
    'https:': new HttpsAgent({ keepAlive: true, maxSockets: 64 }),
  };

  function post(url: string, secret: string, event: CloudEvent): Promise<PostOutcome> {
    const target = new URL(url);
    const host = target.hostname.replace(/^\[|\]$/g, '');
    if (target.protocol !== 'http:' && target.protocol !== 'https:')
      return Promise.resolve(
        failed('not http(s)', 'het adres is geen http(s)-adres', 'the address is not http(s)'),
      );
    if (!literalAddressAllowed(host, options.policy)) {
      return Promise.resolve(describeFailure({ code: 'EBLOCKEDADDRESS' }, options.timeoutMs));
    }
    const body = JSON.stringify(event);
    const signature = webhookSignatureHeaders(secret, event.id, wallClock(), body);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<PostOutcome>((settle) => {
      let settled = false;
      const done = (outcome: PostOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        settle(outcome);
      };
      const request = send(
        target,
        {
          method: 'POST',
          agent: agents[target.protocol as 'http:' | 'https:'],
          lookup,
          headers: {
            'content-type': CLOUDEVENTS_CONTENT_TYPE,
            'content-length': Buffer.byteLength(body),
            ...signature,
            // W3C Trace Context over HTTP, beside the CloudEvent's own traceparent attribute.
            ...(event.traceparent ? { traceparent: event.traceparent } : {}),
            'user-agent': 'kot-referral-notifications/1',
          },
        },
        (response) => {
          // The body is not needed; reading it frees the connection for reuse.
          response.resume();
          response.on('end', () => done(statusOutcome(response.statusCode ?? 0)));
          response.on('error', (error) => done(describeFailure(error, options.timeoutMs)));
        },
      );
      const timer = setTimeout(() => {
        done(describeFailure({ code: 'TIMEOUT' }, options.timeoutMs));
        request.destroy();
      }, options.timeoutMs);
      request.on('error', (error) => done(describeFailure(error, options.timeoutMs)));
      request.end(body);
    });
  }

  return {
    post,
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}
