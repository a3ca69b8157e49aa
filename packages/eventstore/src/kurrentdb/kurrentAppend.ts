// The append path on KurrentDB. A numeric or 'no_stream' append continues the hash chain from the
// event at exactly the expected revision, read from the leader, and lets the server decide
// (written, a recognised retry, or a conflict). An 'any' or 'exists' append is sent after the head
// as read from the leader, and again after a back-off when another writer took it first. Every
// send is repeated after a transient failure with the very same events and expectation, so the
// server answers a repeat of a stored append with the original result.
import type { AppendResult, ExpectedRevision, NewEvent, RecordedEvent } from '../eventStore';
import {
  AppendFailedError,
  EventStoreError,
  EventTooLargeError,
  StreamDeletedError,
} from '../errors';
import type { PreparedEvent } from '../prepareAppend';
import { assertWithinMaxAppendSize, chainAfter, findEarlierAppend } from './appendChain';
import { wrongExpectedRevision, type ActualRevision } from './conflictError';
import {
  NO_STREAM,
  isMaximumAppendSizeExceeded,
  isStreamTombstoned,
  isTransientFailure,
  isWrongExpectedVersion,
  type KurrentAppendResult,
  type KurrentClient,
  type KurrentEventData,
} from './kurrentClient';
import type { KurrentMetrics } from './kurrentMetrics';
import { toSafeNumber } from './positionMapping';
import { pauseAfter, type RetryPolicy, type RetryTiming } from './retryPolicy';

export interface KurrentAppendDependencies {
  client: KurrentClient;
  now(): Date;
  maxAppendBytes: number;
  raceRetry: RetryPolicy;
  transientRetry: RetryPolicy;
  timing: RetryTiming;
  metrics: KurrentMetrics;
  withTransientRetry<T>(what: string, call: () => Promise<T>): Promise<T>;
  /** The event at exactly `revision` on the leader, or null. */
  readEventAt(streamId: string, revision: number): Promise<RecordedEvent | null>;
  /** The newest events on the leader, newest first (see kurrentEventStore.ts). */
  readRecentEvents(streamId: string, untilEventId: string | null): Promise<RecordedEvent[]>;
  /** Refuses a stream KurrentDB holds as soft-deleted or truncated. */
  assertNotDeleted(streamId: string): Promise<void>;
}

export function createKurrentAppend({
  client,
  now,
  maxAppendBytes,
  raceRetry,
  transientRetry,
  timing,
  metrics,
  withTransientRetry,
  readEventAt,
  readRecentEvents,
  assertNotDeleted,
}: KurrentAppendDependencies) {
  /** 'any' and 'exists' appends of this process queue per stream, so they never race each other. */
  const headAppends = new Map<string, Promise<unknown>>();

  /**
   * Sends the chained events right after `expected` (-1: a new stream) and returns the port's
   * result. Whether KurrentDB wrote them or recognised a retry, it answers with the revision of the
   * append's last event (`nextExpectedRevision`); anything but the revision the chain was built
   * for means the events did not land where they were hashed, which is reported, never hidden.
   */
  async function send(
    streamId: string,
    chained: KurrentEventData[],
    expected: number,
    wroteNewEvents: boolean,
  ): Promise<AppendResult> {
    assertWithinMaxAppendSize(chained, maxAppendBytes);
    let result: KurrentAppendResult;
    try {
      result = await withTransientRetry('append', () =>
        client.appendToStream(streamId, chained, {
          streamState: expected < 0 ? NO_STREAM : BigInt(expected),
          requiresLeader: true,
        }),
      );
    } catch (error) {
      throw appendFailure(streamId, chained, error);
    }
    const chainedLast = expected + chained.length;
    const nextExpectedRevision = toSafeNumber(result.nextExpectedRevision);
    if (nextExpectedRevision !== chainedLast) {
      throw new AppendFailedError(
        streamId,
        `KurrentDB stored the append up to revision ${nextExpectedRevision}, but its hash chain was built for revision ${chainedLast}; verify the stream`,
      );
    }
    const { position } = result;
    // One event: commit = prepare = its position. Several: the commit position is the last
    // event's when it differs from the prepare (first) position. Otherwise, and for a
    // recognised retry, read the last event's position back from the leader.
    if (
      wroteNewEvents &&
      position &&
      (chained.length === 1 || position.commit > position.prepare)
    ) {
      return { streamId, nextExpectedRevision, lastPosition: toSafeNumber(position.commit) };
    }
    const last = await readEventAt(streamId, nextExpectedRevision);
    return { streamId, nextExpectedRevision, lastPosition: last?.position ?? 0 };
  }

  /** Maps what the client threw on an append to the port's errors (never a raw driver error). */
  function appendFailure(streamId: string, chained: KurrentEventData[], error: unknown): unknown {
    if (error instanceof EventStoreError) return error;
    if (isWrongExpectedVersion(error)) return error; // the caller knows the expectation
    if (isMaximumAppendSizeExceeded(error)) {
      const bytes = chained.reduce(
        (sum, event) => sum + Buffer.byteLength(JSON.stringify(event.data)),
        0,
      );
      return new EventTooLargeError(null, bytes, error.maxAppendSize ?? maxAppendBytes);
    }
    if (isStreamTombstoned(error)) {
      return new StreamDeletedError(streamId, 'was deleted for good (tombstoned) in KurrentDB');
    }
    const reason = error instanceof Error ? error.message : String(error);
    const unknownOutcome = isTransientFailure(error)
      ? `; the outcome is not known after ${transientRetry.attempts} attempts, and repeating the same append (same event ids) is safe`
      : '';
    return new AppendFailedError(streamId, `${reason}${unknownOutcome}`, { cause: error });
  }

  /**
   * A numeric or 'no_stream' append: the chain continues from the event at exactly the expected
   * revision, read from the leader. KurrentDB then decides: written, a recognised retry (the same
   * ids right after the expected revision; the hashes computed here are never stored), or a
   * conflict.
   */
  async function appendAfter(
    streamId: string,
    events: NewEvent[],
    prepared: PreparedEvent[],
    expectedRevision: number | 'no_stream',
  ): Promise<AppendResult> {
    const expected = expectedRevision === 'no_stream' ? -1 : expectedRevision;
    let previous: RecordedEvent | null = null;
    if (expected < 0) {
      await assertNotDeleted(streamId);
    } else {
      previous = await readEventAt(streamId, expected);
      if (!previous) throw await missingRevision(streamId, expectedRevision, expected);
    }
    try {
      return await send(
        streamId,
        chainAfter(now().toISOString(), previous, streamId, events, prepared),
        expected,
        true,
      );
    } catch (error) {
      if (!isWrongExpectedVersion(error)) throw error;
      throw wrongExpectedRevision(streamId, expectedRevision, actualRevisionOf(error, expected));
    }
  }

  /** Why the leader has no event at the expected revision: the stream is shorter, or truncated. */
  async function missingRevision(
    streamId: string,
    expectedRevision: number | 'no_stream',
    expected: number,
  ): Promise<Error> {
    const [head] = await readRecentEvents(streamId, null);
    if (head && head.revision >= expected) {
      return new StreamDeletedError(
        streamId,
        `has no readable revision ${expected} in KurrentDB (truncated before it)`,
      );
    }
    if (!head) await assertNotDeleted(streamId);
    return wrongExpectedRevision(streamId, expectedRevision, head?.revision ?? 'no_stream');
  }

  /**
   * An 'any' or 'exists' append: sent after the head as read from the leader, again after a
   * back-off when another writer took the head first, up to `raceRetry.attempts` times. A caller
   * who said "any revision" never gets a conflict; only when the stream stays that contended is
   * the append given up, as an AppendFailedError that says so.
   */
  async function appendAtHead(
    streamId: string,
    events: NewEvent[],
    prepared: PreparedEvent[],
    expectedRevision: 'any' | 'exists',
  ): Promise<AppendResult> {
    const eventIds = prepared.map((event) => event.eventId);
    for (let attempt = 1; ; attempt++) {
      const recent = await readRecentEvents(streamId, eventIds[0]!);
      const last = recent[0] ?? null;
      const earlier = findEarlierAppend(streamId, eventIds, recent);
      if (earlier) return earlier;
      if (!last) await assertNotDeleted(streamId);
      if (expectedRevision === 'exists' && !last) {
        throw wrongExpectedRevision(streamId, expectedRevision, 'no_stream');
      }
      const expected = last?.revision ?? -1;
      try {
        return await send(
          streamId,
          chainAfter(now().toISOString(), last, streamId, events, prepared),
          expected,
          true,
        );
      } catch (error) {
        if (!isWrongExpectedVersion(error)) throw error;
        if (attempt >= raceRetry.attempts) {
          throw new AppendFailedError(
            streamId,
            `other writers took the head of the stream ${attempt} times in a row; try again later`,
            { cause: error },
          );
        }
        metrics.retried('append', 'race');
        await timing.sleep(pauseAfter(raceRetry, attempt, timing));
      }
    }
  }

  /** Runs 'any'/'exists' appends to one stream one after another within this process. */
  function oneAtATime<T>(streamId: string, run: () => Promise<T>): Promise<T> {
    const previous = headAppends.get(streamId) ?? Promise.resolve();
    const next = previous.then(run, run);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    headAppends.set(streamId, settled);
    void settled.then(() => {
      if (headAppends.get(streamId) === settled) headAppends.delete(streamId);
    });
    return next;
  }

  function actualRevisionOf(error: unknown, fallback: number): ActualRevision {
    const actual = (error as { actualState?: unknown }).actualState;
    if (typeof actual === 'bigint') return toSafeNumber(actual);
    if (actual === NO_STREAM) return 'no_stream';
    return fallback < 0 ? 'no_stream' : fallback;
  }

  return {
    append(
      streamId: string,
      events: NewEvent[],
      prepared: PreparedEvent[],
      expectedRevision: ExpectedRevision,
    ): Promise<AppendResult> {
      if (expectedRevision === 'any' || expectedRevision === 'exists') {
        return oneAtATime(streamId, () =>
          appendAtHead(streamId, events, prepared, expectedRevision),
        );
      }
      return appendAfter(streamId, events, prepared, expectedRevision);
    },
  };
}
