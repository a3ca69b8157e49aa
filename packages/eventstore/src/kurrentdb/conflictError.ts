// The one place this adapter names the port's conflict errors, so that the mapping from
// KurrentDB's WrongExpectedVersion stays a one-line change if the port's errors move.
import type { ExpectedRevision } from '../eventStore';
import { IdempotencyConflictError, WrongExpectedRevisionError } from '../errors';

/** The stream's revision when the append was refused: 'no_stream' when it has no events yet. */
export type ActualRevision = number | 'no_stream';

export function wrongExpectedRevision(
  streamId: string,
  expected: ExpectedRevision,
  actual: ActualRevision,
): Error {
  return new WrongExpectedRevisionError(streamId, expected, actual);
}

export function partialRetry(streamId: string, eventIds: string[]): Error {
  return new IdempotencyConflictError(
    streamId,
    eventIds,
    'some of these event ids are already stored and some are not',
  );
}
