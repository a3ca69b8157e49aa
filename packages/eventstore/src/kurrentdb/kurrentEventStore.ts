// The EventStore port on KurrentDB (`@kurrent/kurrentdb-client`). KurrentDB already has the
// port's semantics for streams, expected revisions, $all and catch-up subscriptions; this adapter
// adds the per-stream hash chain and maps revisions and positions to JS numbers.
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamMetadata,
  SubscribeToAllOptions,
  Subscription,
} from '../eventStore';
import { fromKurrentEvent, isPlatformEvent, type KurrentRead } from './eventMapping';
import { EventStoreClosedError, StreamDeletedError } from '../errors';
import { verifyHashChain } from '../integrity';
import {
  assertStreamId,
  assertStreamIds,
  assertStreamMetadata,
  prepareAppend,
} from '../prepareAppend';
import {
  assertReadAllOptions,
  assertReadStreamOptions,
  assertSubscribeOptions,
} from '../readOptions';
import {
  BACKWARDS,
  END,
  FORWARDS,
  START,
  connectKurrentClient,
  isStreamNotFound,
  isStreamTombstoned,
  isTransientFailure,
  kurrentErrorType,
  platformEventsFilter,
  type KurrentClient,
  type KurrentDirection,
  type KurrentPosition,
  type KurrentRecordedEvent,
  type KurrentResolvedEvent,
} from './kurrentClient';
import { withDefaultMetrics, type KurrentMetrics } from './kurrentMetrics';
import {
  assertRetryPolicy,
  defaultRaceRetry,
  defaultTransientRetry,
  pauseAfter,
  systemTiming,
  type RetryPolicy,
  type RetryTiming,
} from './retryPolicy';
import { toKurrentPosition, toSafeNumber } from './positionMapping';
import { createKurrentAppend } from './kurrentAppend';
import { createKurrentStreamMetadata } from './kurrentStreamMetadata';
import { subscribeToKurrentAll } from './kurrentSubscription';

export interface KurrentEventStoreOptions {
  /** The store's clock for `recordedAt` (default: the system clock). */
  now?: () => Date;
  /**
   * How many of a stream's most recent events an 'any' or 'exists' append searches for an earlier
   * copy of its event ids (default 1000). Numeric and 'no_stream' appends are deduplicated by the
   * server itself, without a limit.
   */
  idempotencyWindow?: number;
  /** Retries of an 'any' or 'exists' append while other writers keep taking the head first. */
  raceRetry?: RetryPolicy;
  /** Retries of a call that failed with a timeout, a lost connection or a leader change. */
  transientRetry?: RetryPolicy;
  /** Pauses and jitter (tests pass instant ones). */
  timing?: RetryTiming;
  /**
   * The server's MaxAppendSize in bytes (KurrentDB's default: 1 MiB). An append whose events are
   * larger together is refused before it is sent, with an EventTooLargeError naming this limit.
   */
  maxAppendBytes?: number;
  /**
   * Prefixes of the platform's stream names (e.g. `case-`, `notifications-`). When given, $all is
   * read through a server-side stream-name filter, so other applications' events never arrive.
   */
  streamPrefixes?: readonly string[];
  /** Batch size of subscriptions that do not set one (default 100). */
  subscriptionBatchSize?: number;
  /** Resubscriptions after the server dropped a subscription (default: 10 in a row). */
  maxResubscribes?: number;
  /** Counters and gauges for the operator (retries, skipped foreign events, subscription lag). */
  metrics?: Partial<KurrentMetrics>;
  /** Whether close() disposes the client (default: only when this store created it). */
  disposeClientOnClose?: boolean;
}

/** KurrentDB's default MaxAppendSize. */
export const KURRENTDB_MAX_APPEND_BYTES = 1024 * 1024;

export function createKurrentEventStore(
  clientOrConnectionString: KurrentClient | string,
  options: KurrentEventStoreOptions = {},
): EventStore {
  const ownsClient = typeof clientOrConnectionString === 'string';
  const client = ownsClient
    ? connectKurrentClient(clientOrConnectionString)
    : clientOrConnectionString;
  const {
    now = () => new Date(),
    idempotencyWindow = 1000,
    raceRetry = defaultRaceRetry,
    transientRetry = defaultTransientRetry,
    timing = systemTiming,
    maxAppendBytes = KURRENTDB_MAX_APPEND_BYTES,
    streamPrefixes = null,
    subscriptionBatchSize = 100,
    maxResubscribes = 10,
    disposeClientOnClose = ownsClient,
  } = options;
  assertRetryPolicy('raceRetry', raceRetry);
  assertRetryPolicy('transientRetry', transientRetry);
  const metrics = withDefaultMetrics(options.metrics);
  const allFilter = platformEventsFilter(streamPrefixes);
  const subscriptions = new Set<Subscription>();
  let closed = false;

  function assertOpen(): void {
    if (closed) throw new EventStoreClosedError();
  }

  /**
   * Runs a call, repeating it after a transient failure (see isTransientFailure) with back-off.
   * An append repeated this way carries the same ids and expectation, so the server answers a
   * repeat of a stored append with the original result.
   */
  async function withTransientRetry<T>(what: string, call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        if (!isTransientFailure(error) || attempt >= transientRetry.attempts) throw error;
        metrics.retried(what, kurrentErrorType(error) ?? 'unknown');
        await timing.sleep(pauseAfter(transientRetry, attempt, timing));
      }
    }
  }

  /** Collects mapped events until `keep` says stop; a stream that does not exist reads as empty. */
  async function collect(
    source: () => AsyncIterable<KurrentResolvedEvent>,
    read: KurrentRead,
    keep: (event: RecordedEvent) => boolean = () => true,
  ): Promise<RecordedEvent[]> {
    return withTransientRetry('read', async () => {
      const events: RecordedEvent[] = [];
      try {
        for await (const resolved of source()) {
          if (!resolved.event) continue;
          if (read === 'all' && !isPlatformEvent(resolved.event)) {
            metrics.foreignEventSkipped();
            continue;
          }
          const event = fromKurrentEvent(resolved.event, read);
          if (!keep(event)) break;
          events.push(event);
        }
      } catch (error) {
        if (isStreamTombstoned(error)) {
          throw new StreamDeletedError(
            streamId(error),
            'was deleted for good (tombstoned) in KurrentDB',
          );
        }
        if (!isStreamNotFound(error)) throw error;
      }
      return events;
    });
  }

  function streamId(error: unknown): string {
    const { streamName } = error as { streamName?: unknown };
    return typeof streamName === 'string' ? streamName : '(unknown)';
  }

  /** A stream read on the append path: always from the leader, never from a follower behind it. */
  function readFromLeader(
    streamId: string,
    options: { fromRevision: typeof END | bigint; direction?: KurrentDirection; maxCount: number },
  ): () => AsyncIterable<KurrentResolvedEvent> {
    return () => client.readStream(streamId, { ...options, requiresLeader: true });
  }

  /** The event at exactly `revision`, read from the leader; null when the leader has none there. */
  async function readEventAt(streamId: string, revision: number): Promise<RecordedEvent | null> {
    const [event] = await collect(
      readFromLeader(streamId, { fromRevision: BigInt(revision), maxCount: 1 }),
      'stream',
    );
    // A truncated stream answers from its first readable revision: only an exact hit counts.
    return event?.revision === revision ? event : null;
  }

  /**
   * The newest events of a stream on the leader, newest first: just the last one, or, to find an
   * earlier copy of an append, up to the idempotency window, stopping at `untilEventId`.
   */
  async function readRecentEvents(
    streamId: string,
    untilEventId: string | null,
  ): Promise<RecordedEvent[]> {
    let reached = false;
    return collect(
      readFromLeader(streamId, {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: untilEventId === null ? 1 : idempotencyWindow,
      }),
      'stream',
      (event) => {
        if (reached) return false;
        reached = event.eventId === untilEventId;
        return true;
      },
    );
  }

  /**
   * A stream that reads as empty may still be soft-deleted or truncated in KurrentDB (by an
   * operator): its revisions would go on where they stopped, not at 0. Such a stream is refused.
   */
  async function assertNotDeleted(streamId: string): Promise<void> {
    const { metadata } = await withTransientRetry('read', () =>
      client.getStreamMetadata(streamId, { requiresLeader: true }).catch((error: unknown) => {
        if (isStreamNotFound(error)) return { metadata: undefined };
        throw error;
      }),
    );
    if (metadata?.truncateBefore !== undefined) {
      throw new StreamDeletedError(
        streamId,
        `was deleted or truncated in KurrentDB (truncate before ${String(metadata.truncateBefore)})`,
      );
    }
  }

  /**
   * The position of the last event in $all that the platform wrote (0 when there is none). Foreign
   * events at the end of $all are passed over: a subscription never delivers them, so waiting for
   * one would never end.
   */
  async function readHeadPosition(): Promise<number> {
    const pageSize = 100;
    let before: KurrentPosition | typeof END = END;
    for (;;) {
      const page = await withTransientRetry('read', async () => {
        const read: KurrentRecordedEvent[] = [];
        const source = client.readAll({
          direction: BACKWARDS,
          fromPosition: before,
          maxCount: pageSize,
          filter: allFilter,
        });
        for await (const { event } of source) if (event?.position) read.push(event);
        return read;
      });
      const head = page.find((event) => isPlatformEvent(event));
      if (head) return fromKurrentEvent(head, 'all').position;
      const oldest = page[page.length - 1];
      if (page.length < pageSize || !oldest?.position || oldest.position.commit === 0n) return 0;
      // Backwards reads include their start position: continue just before the oldest one read.
      const next = oldest.position.commit - 1n;
      before = { commit: next, prepare: next };
    }
  }

  const appendPath = createKurrentAppend({
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
  });

  async function append(
    streamId: string,
    events: NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    assertOpen();
    const { expectedRevision, events: prepared } = prepareAppend(streamId, events, options);
    return appendPath.append(streamId, events, prepared, expectedRevision);
  }

  async function readStream(
    streamId: string,
    { from, to, direction = 'forwards', limit }: ReadStreamOptions = {},
  ): Promise<RecordedEvent[]> {
    assertOpen();
    assertStreamId(streamId);
    assertReadStreamOptions({ from, to, direction, limit });
    const backwards = direction === 'backwards';
    const start = from ?? (backwards ? undefined : 0);
    let maxCount = limit;
    if (start !== undefined && to !== undefined) {
      const span = backwards ? start - to + 1 : to - start + 1;
      maxCount = Math.min(maxCount ?? span, span);
    }
    if (maxCount !== undefined && maxCount <= 0) return [];
    const source = () =>
      client.readStream(streamId, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: start === undefined ? END : BigInt(start),
        ...(maxCount !== undefined && { maxCount }),
      });
    return collect(
      source,
      'stream',
      (event) => to === undefined || (backwards ? event.revision >= to : event.revision <= to),
    );
  }

  async function readAll({ fromPosition = 0, limit }: ReadAllOptions = {}): Promise<
    RecordedEvent[]
  > {
    assertOpen();
    assertReadAllOptions({ fromPosition, limit });
    // KurrentDB reads $all from a position inclusively; the port's fromPosition is exclusive.
    // Foreign events are skipped, so a page may come back short: read on until the limit is
    // reached or $all ends.
    const events: RecordedEvent[] = [];
    let after = fromPosition;
    for (;;) {
      const wanted = limit === undefined ? undefined : limit - events.length + 1;
      const page = await withTransientRetry('read', async () => {
        const read: { event: RecordedEvent | null; position: number }[] = [];
        const source = client.readAll({
          fromPosition: after > 0 ? toKurrentPosition(after) : START,
          filter: allFilter,
          ...(wanted !== undefined && { maxCount: wanted }),
        });
        for await (const { event } of source) {
          if (!event?.position) continue;
          const position = toSafeNumber(event.position.commit);
          if (!isPlatformEvent(event)) {
            metrics.foreignEventSkipped();
            read.push({ event: null, position });
          } else {
            read.push({ event: fromKurrentEvent(event, 'all'), position });
          }
        }
        return read;
      });
      for (const { event, position } of page) {
        if (event && position > after) events.push(event);
      }
      const last = page[page.length - 1];
      const exhausted =
        wanted === undefined || page.length < wanted || !last || last.position <= after;
      if (exhausted || (limit !== undefined && events.length >= limit)) break;
      after = last.position;
    }
    return limit === undefined ? events : events.slice(0, limit);
  }

  function subscribeToAll(subscribeOptions: SubscribeToAllOptions): Subscription {
    assertOpen();
    assertSubscribeOptions(subscribeOptions);
    const subscription = subscribeToKurrentAll(
      {
        client,
        readHeadPosition,
        defaultBatchSize: subscriptionBatchSize,
        filter: allFilter,
        maxResubscribes,
        retry: transientRetry,
        timing,
        metrics,
        now,
      },
      subscribeOptions,
    );
    subscriptions.add(subscription);
    subscription.done.then(
      () => subscriptions.delete(subscription),
      () => subscriptions.delete(subscription),
    );
    return subscription;
  }

  const streamMetadata = createKurrentStreamMetadata({
    client,
    withTransientRetry,
    raceRetry,
    timing,
  });

  async function getStreamMetadata(streamId: string): Promise<StreamMetadata | null> {
    assertOpen();
    assertStreamId(streamId);
    return streamMetadata.get(streamId);
  }

  async function setStreamMetadata(streamId: string, metadata: StreamMetadata): Promise<void> {
    assertOpen();
    assertStreamId(streamId);
    assertStreamMetadata(metadata);
    await streamMetadata.set(streamId, metadata);
  }

  return {
    append,
    readStream,
    // KurrentDB reads one stream per call: the first events are read side by side.
    async readStreamStarts(streamIds) {
      assertStreamIds(streamIds);
      const starts = await Promise.all(streamIds.map((id) => readStream(id, { limit: 1 })));
      return starts.flat();
    },
    readAll,
    subscribeToAll,
    getStreamMetadata,
    setStreamMetadata,
    async verifyStream(streamId) {
      return verifyHashChain(streamId, await readStream(streamId));
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([...subscriptions].map((subscription) => subscription.stop()));
      if (disposeClientOnClose) await client.dispose();
    },
  };
}
