// Typed errors of the event store. Every adapter throws these (never a driver error for a
// condition the caller can act on), so services can map them to CONFLICT / BAD_USER_INPUT.

import type { ExpectedRevision } from './eventStore';

export class EventStoreError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The stream is not at the revision the writer expected: reload and decide again. */
export class WrongExpectedRevisionError extends EventStoreError {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's current revision, or 'no_stream' when it has no events. */
    readonly actual: number | 'no_stream',
  ) {
    super(
      `Wrong expected revision for stream ${streamId}: expected ${String(expected)}, actual ${String(actual)}`,
    );
  }
}

/**
 * Some of the appended event ids are already stored and some are not (a retry that is not the
 * same append), or an id is stored in another stream. Nothing was written.
 */
export class IdempotencyConflictError extends EventStoreError {
  constructor(
    readonly streamId: string,
    readonly eventIds: string[],
    reason: string,
  ) {
    super(`Idempotency conflict on stream ${streamId}: ${reason}`);
  }
}

/** The append's input is unusable: not JSON, a bad id, an unknown expected revision, … */
export class InvalidEventError extends EventStoreError {
  constructor(
    reason: string,
    readonly eventId: string | null = null,
  ) {
    super(eventId === null ? reason : `Event ${eventId}: ${reason}`);
  }
}

/** An event (or a whole append) is larger than the store accepts; see limits.ts. */
export class EventTooLargeError extends EventStoreError {
  constructor(
    readonly eventId: string | null,
    readonly sizeInBytes: number,
    readonly limitInBytes: number,
  ) {
    super(
      `${eventId === null ? 'Append' : `Event ${eventId}`} is ${sizeInBytes} bytes; the limit is ${limitInBytes} bytes`,
    );
  }
}

/**
 * The database could not complete the append: its transaction failed (a lost connection, a failed
 * commit) or the database refused it for a reason of its own. The driver's error is the `cause`.
 * Retrying the same append, with the same event ids, is always safe: should it have been written
 * after all (a connection lost during the commit leaves that open), the retry is recognised and
 * answered with the original result.
 */
export class AppendFailedError extends EventStoreError {
  constructor(
    readonly streamId: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`The append to stream ${streamId} could not be completed: ${reason}`, options);
  }
}

/** Read or subscription options out of range (negative positions, zero limits, …). */
export class InvalidOptionsError extends EventStoreError {}

export class EventStoreClosedError extends EventStoreError {
  constructor() {
    super('The event store is closed');
  }
}

/** whenCaughtUp() on a subscription that was stopped before it caught up. */
export class SubscriptionStoppedError extends EventStoreError {
  constructor() {
    super('The subscription was stopped');
  }
}

/**
 * The engine holds the stream as deleted or truncated, which only happens outside the platform
 * (an operator on KurrentDB). Nothing more is written to it: new events would not continue the
 * hash chain from revision 0, and a deleted stream's revisions continue where they left off.
 */
export class StreamDeletedError extends EventStoreError {
  constructor(
    readonly streamId: string,
    reason: string,
  ) {
    super(`Stream ${streamId} ${reason}; the platform does not write to it`);
  }
}
