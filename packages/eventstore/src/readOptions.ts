// The port's rules for read and subscription options, checked by every adapter before any I/O so
// that a bad option is the same InvalidOptionsError on every engine.
import type { ReadAllOptions, ReadStreamOptions, SubscribeToAllOptions } from './eventStore';
import { InvalidOptionsError } from './errors';

export function assertReadStreamOptions({ from, to, limit, direction }: ReadStreamOptions): void {
  assertPosition('from', from);
  assertPosition('to', to);
  assertLimit(limit);
  if (direction !== undefined && direction !== 'forwards' && direction !== 'backwards') {
    throw new InvalidOptionsError(`unknown direction ${String(direction)}`);
  }
}

export function assertReadAllOptions({ fromPosition, limit }: ReadAllOptions): void {
  assertPosition('fromPosition', fromPosition);
  assertLimit(limit);
}

export function assertSubscribeOptions({
  batchSize,
  fromCheckpoint,
  handler,
}: SubscribeToAllOptions): void {
  if (batchSize !== undefined && (!Number.isSafeInteger(batchSize) || batchSize < 1)) {
    throw new InvalidOptionsError(`batchSize must be a positive integer, got ${batchSize}`);
  }
  assertPosition('fromCheckpoint', fromCheckpoint ?? undefined);
  if (typeof handler !== 'function') {
    throw new InvalidOptionsError('a handler function is required');
  }
}

function assertPosition(name: string, value: unknown): void {
  if (value !== undefined && (!Number.isSafeInteger(value) || (value as number) < 0)) {
    throw new InvalidOptionsError(`${name} must be an integer >= 0, got ${String(value)}`);
  }
}

function assertLimit(limit: unknown): void {
  if (limit !== undefined && (!Number.isSafeInteger(limit) || (limit as number) < 1)) {
    throw new InvalidOptionsError(`limit must be an integer >= 1, got ${String(limit)}`);
  }
}
