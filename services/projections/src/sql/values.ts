// Values as the drivers hand them back: int8 as string (pg) or number (PGlite), timestamptz as Date.
import type { Instant } from '@kot/domain';
export { toNumber } from '../eventStorePort';

export function toInstant(value: unknown): Instant {
  if (value instanceof Date) return value.toISOString();
  return new Date(String(value)).toISOString();
}
