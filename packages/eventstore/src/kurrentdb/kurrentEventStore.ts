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
import { partialRetry, wrongExpectedRevision, type ActualRevision } from './conflictError';
import {
  fromKurrentEvent,
  isPlatformEvent,
  platformMetadataKey,
  toKurrentEventData,
  type KurrentRead,
} from './eventMapping';
import {
  AppendFailedError,
  EventStoreClosedError,
  EventStoreError,
  EventTooLargeError,
  StreamDeletedError,
} from '../errors';
import { eventHash, verifyHashChain } from '../integrity';
import {
  assertStreamId,
  assertStreamMetadata,
  prepareAppend,
  type PreparedEvent,
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
  NO_STREAM,
  START,
  connectKurrentClient,
  isMaximumAppendSizeExceeded,
  isStreamNotFound,
  isStreamTombstoned,
  isTransientFailure,
  isWrongExpectedVersion,
  kurrentErrorType,
  platformEventsFilter,
  type KurrentAppendResult,
  type KurrentClient,
  type KurrentDirection,
  type KurrentEventData,
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
  /** 'any' and 'exists' appends of this process queue per stream, so they never race each other. */
  const headAppends = new Map<string, Promise<unknown>>();
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

  /** The events as they will be stored after `last`: revisions, recordedAt and the hash chain. */
  function chainAfter(
    last: RecordedEvent | null,
    streamId: string,
    events: readonly NewEvent[],
    prepared: readonly PreparedEvent[],
  ): KurrentEventData[] {
    const recordedAt = now().toISOString();
    let prevHash = last?.metadata.hash ?? null;
    let revision = last?.revision ?? -1;
    return events.map(({ type, schemaVersion, data, metadata }, index) => {
      const { eventId, body } = prepared[index]!;
      revision += 1;
      const hash = eventHash({ body, prevHash, recordedAt, revision });
      const recorded = {
        eventId,
        streamId,
        revision,
        type,
        schemaVersion,
        data,
        metadata: { ...metadata, recordedAt, hash, prevHash },
      };
      prevHash = hash;
      return toKurrentEventData(recorded);
    });
  }

  /** Refuses, before sending, an append over the server's MaxAppendSize. */
  function assertWithinMaxAppendSize(events: readonly KurrentEventData[]): void {
    const bytes = events.reduce(
      (sum, event) =>
        sum +
        Buffer.byteLength(JSON.stringify(event.data)) +
        Buffer.byteLength(JSON.stringify(event.metadata)) +
        Buffer.byteLength(event.type),
      0,
    );
    if (bytes > maxAppendBytes) throw new EventTooLargeError(null, bytes, maxAppendBytes);
  }

  /**
   * An 'any' or 'exists' append is sent with the exact current revision, to keep the hash chain
   * linear, so the server's own deduplication (which compares ids only after an older expected
   * revision) does not apply: look for an earlier copy of the batch among the recent events.
   */
  function findEarlierAppend(
    streamId: string,
    eventIds: string[],
    recent: RecordedEvent[],
  ): AppendResult | null {
    const ids = new Set(eventIds);
    if (!recent.some((event) => ids.has(event.eventId))) return null;
    const first = recent.find((event) => event.eventId === eventIds[0]);
    const byRevision = new Map(recent.map((event) => [event.revision, event]));
    const stored = eventIds.map((_, index) =>
      first ? byRevision.get(first.revision + index) : undefined,
    );
    const last = stored[stored.length - 1];
    if (!last || stored.some((event, index) => event?.eventId !== eventIds[index])) {
      throw partialRetry(streamId, eventIds);
    }
    return { streamId, nextExpectedRevision: last.revision, lastPosition: last.position };
  }

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
    assertWithinMaxAppendSize(chained);
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
      return await send(streamId, chainAfter(previous, streamId, events, prepared), expected, true);
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
        return await send(streamId, chainAfter(last, streamId, events, prepared), expected, true);
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

  async function append(
    streamId: string,
    events: NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    assertOpen();
    const { expectedRevision, events: prepared } = prepareAppend(streamId, events, options);
    if (expectedRevision === 'any' || expectedRevision === 'exists') {
      return oneAtATime(streamId, () => appendAtHead(streamId, events, prepared, expectedRevision));
    }
    return appendAfter(streamId, events, prepared, expectedRevision);
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

  // The port's stream metadata lives under one custom key of KurrentDB's stream metadata, so no
  // key of the platform's can ever set KurrentDB's own (maxAge, maxCount, truncateBefore, acl),
  // which would truncate or hide the log; the operator's settings are kept on every write.
  async function readKurrentMetadata(streamId: string) {
    try {
      return await withTransientRetry('read', () =>
        client.getStreamMetadata(streamId, { requiresLeader: true }),
      );
    } catch (error) {
      if (isStreamNotFound(error)) return { metadata: undefined, metastreamRevision: undefined };
      throw error;
    }
  }

  async function getStreamMetadata(streamId: string): Promise<StreamMetadata | null> {
    assertOpen();
    assertStreamId(streamId);
    const { metadata } = await readKurrentMetadata(streamId);
    const platform = metadata?.[platformMetadataKey];
    return typeof platform === 'object' && platform !== null && !Array.isArray(platform)
      ? (platform as StreamMetadata)
      : null;
  }

  async function setStreamMetadata(streamId: string, metadata: StreamMetadata): Promise<void> {
    assertOpen();
    assertStreamId(streamId);
    assertStreamMetadata(metadata);
    for (let attempt = 1; ; attempt++) {
      const { metadata: current, metastreamRevision } = await readKurrentMetadata(streamId);
      try {
        await withTransientRetry('metadata', () =>
          client.setStreamMetadata(
            streamId,
            { ...current, [platformMetadataKey]: metadata },
            {
              expectedRevision: metastreamRevision === undefined ? NO_STREAM : metastreamRevision,
              requiresLeader: true,
            },
          ),
        );
        return;
      } catch (error) {
        if (!isWrongExpectedVersion(error) || attempt >= raceRetry.attempts) throw error;
        await timing.sleep(pauseAfter(raceRetry, attempt, timing));
      }
    }
  }

  return {
    append,
    readStream,
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
