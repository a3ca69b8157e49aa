// HMAC-SHA256 over the exact body bytes with the subscription's secret. Receivers verify before
// they parse; this file is also what a receiver written in TypeScript can copy.

import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-kot-signature';
const PREFIX = 'sha256=';

export const signBody = (secret: string, body: string): string =>
  PREFIX + createHmac('sha256', secret).update(body, 'utf8').digest('hex');

export function verifySignature(secret: string, body: string, header: string | undefined): boolean {
  if (!header?.startsWith(PREFIX)) return false;
  const expected = Buffer.from(signBody(secret, body), 'utf8');
  const given = Buffer.from(header, 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
