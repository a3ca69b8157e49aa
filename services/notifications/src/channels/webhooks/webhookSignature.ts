// Deliveries are signed per the Standard Webhooks scheme (standardwebhooks.com), which receivers'
// libraries already verify: `webhook-id` (the CloudEvent id, the same on every retry),
// `webhook-timestamp` (seconds since 1970, the moment of this attempt) and `webhook-signature`
// (`v1,<base64 HMAC-SHA256 of "id.timestamp.body">`). The timestamp inside the signature lets a
// receiver refuse a captured delivery sent again later: outside the replay window it is refused.
// verifyWebhook is what a receiver written in TypeScript can copy.

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const webhookHeaders = {
  id: 'webhook-id',
  timestamp: 'webhook-timestamp',
  signature: 'webhook-signature',
} as const;

/** A receiver accepts a delivery signed at most this long before or after its own clock. */
export const REPLAY_WINDOW_SECONDS = 5 * 60;

const SECRET_PREFIX = 'whsec_';

/** A new subscription's secret: `whsec_` and 32 random bytes in base64, as the scheme writes it. */
export const newWebhookSecret = (): string => SECRET_PREFIX + randomBytes(32).toString('base64');

// Subscriptions made before the scheme have a secret without the prefix: its characters are the key.
const keyOf = (secret: string): Buffer =>
  secret.startsWith(SECRET_PREFIX)
    ? Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64')
    : Buffer.from(secret, 'utf8');

export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const digest = createHmac('sha256', keyOf(secret))
    .update(`${id}.${timestamp}.${body}`, 'utf8')
    .digest('base64');
  return `v1,${digest}`;
}

/** The three headers of one attempt to deliver `body` (the CloudEvent, as sent) at `at`. */
export function webhookSignatureHeaders(
  secret: string,
  id: string,
  at: Date,
  body: string,
): Record<string, string> {
  const timestamp = Math.floor(at.getTime() / 1000);
  return {
    [webhookHeaders.id]: id,
    [webhookHeaders.timestamp]: String(timestamp),
    [webhookHeaders.signature]: signWebhook(secret, id, timestamp, body),
  };
}

export type WebhookVerification =
  | { ok: true; id: string }
  | { ok: false; reason: 'headers-missing' | 'outside-replay-window' | 'signature-mismatch' };

/**
 * A receiver's check, before it parses the body: the headers are there, the timestamp lies within
 * the replay window around `now`, and one of the signatures (several, space-separated, while a
 * secret is rotated) is ours over exactly these bytes.
 */
export function verifyWebhook(
  secret: string,
  headers: Readonly<Record<string, string | string[] | undefined>>,
  body: string,
  now: Date,
  windowSeconds = REPLAY_WINDOW_SECONDS,
): WebhookVerification {
  const id = single(headers[webhookHeaders.id]);
  const timestampText = single(headers[webhookHeaders.timestamp]);
  const signatures = single(headers[webhookHeaders.signature]);
  if (!id || !timestampText || !signatures || !/^\d{1,12}$/.test(timestampText)) {
    return { ok: false, reason: 'headers-missing' };
  }
  const timestamp = Number(timestampText);
  if (Math.abs(now.getTime() / 1000 - timestamp) > windowSeconds) {
    return { ok: false, reason: 'outside-replay-window' };
  }
  const expected = Buffer.from(signWebhook(secret, id, timestamp, body), 'utf8');
  const matches = signatures.split(' ').some((given) => {
    const candidate = Buffer.from(given, 'utf8');
    return candidate.length === expected.length && timingSafeEqual(candidate, expected);
  });
  return matches ? { ok: true, id } : { ok: false, reason: 'signature-mismatch' };
}

const single = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;
