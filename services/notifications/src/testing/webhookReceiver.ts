// A real HTTP server on 127.0.0.1 that receives webhooks the way a partner system should: verify
// the Standard Webhooks signature over the raw body, then deduplicate on the CloudEvent id (at-least-once delivery
// can bring the same notification twice). It can be told to fail the first attempts.

import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CloudEvent } from '../channels/webhooks/cloudEvent';
import { verifyWebhook } from '../channels/webhooks/webhookSignature';

export interface WebhookReceiver {
  url: string;
  /** Every request, in order, whether accepted or not. */
  requests: Array<{
    event: CloudEvent;
    signatureValid: boolean;
    status: number;
    contentType: string;
    /** The Host header: the callback URL's host, whatever address the connection went to. */
    host: string;
  }>;
  /** Accepted events, one per CloudEvent id (duplicates counted apart). */
  accepted: Map<string, CloudEvent>;
  duplicates: number;
  /** The subscription secret to verify with (known after the subscription was created). */
  secret: string | null;
  /** Answer 503 to this many requests that are not test deliveries. */
  failNext: number;
  close(): Promise<void>;
}

const readBody = (request: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

export async function startWebhookReceiver(path = '/kot/notifications'): Promise<WebhookReceiver> {
  const receiver: Omit<WebhookReceiver, 'url' | 'close'> = {
    requests: [],
    accepted: new Map(),
    duplicates: 0,
    secret: null,
    failNext: 0,
  };
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    const event = JSON.parse(body) as CloudEvent;
    const isTest = event.type.endsWith('.subscription-test');
    // The secret is not known before the subscription exists; the test delivery is accepted unverified.
    const signatureValid =
      receiver.secret === null
        ? isTest
        : verifyWebhook(receiver.secret, request.headers, body, new Date()).ok;
    let status = 204;
    if (!signatureValid) status = 401;
    else if (!isTest && receiver.failNext > 0) {
      receiver.failNext--;
      status = 503;
    } else if (!isTest) {
      if (receiver.accepted.has(event.id)) receiver.duplicates++;
      else receiver.accepted.set(event.id, event);
    }
    receiver.requests.push({
      event,
      signatureValid,
      status,
      contentType: request.headers['content-type'] ?? '',
      host: request.headers.host ?? '',
    });
    response.writeHead(status).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
