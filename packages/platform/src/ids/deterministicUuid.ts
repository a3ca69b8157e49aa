import { createHash } from 'node:crypto';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * A UUIDv7-shaped id that is the same every time for the same parts, so a retried command
 * produces the very same event ids and case id (and the store's own idempotency recognises them).
 * The time field is taken from `timeFrom` when that is a UUIDv7 (a client's or our own command
 * id), keeping ids roughly time-ordered; otherwise it is part of the hash.
 */
export function deterministicUuid(parts: readonly string[], timeFrom?: string): string {
  const bytes = createHash('sha256').update(JSON.stringify(parts)).digest().subarray(0, 16);
  if (timeFrom !== undefined && UUID_V7.test(timeFrom)) {
    Buffer.from(timeFrom.replace(/-/g, '').slice(0, 12), 'hex').copy(bytes, 0);
  }
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
