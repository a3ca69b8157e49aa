import type { Text } from '@kot/domain';

/**
 * The request collided with other writes and could not be completed after retrying (or reused an
 * idempotency key for something else). Sending it again later is safe.
 */
export class ConflictError extends Error {
  constructor(
    readonly reason: Text,
    /** A stable name for the kind of conflict, e.g. `concurrent-update`. */
    readonly problem: string,
  ) {
    super(reason.en);
    this.name = 'ConflictError';
  }
}
