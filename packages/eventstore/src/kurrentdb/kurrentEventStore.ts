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
import { fromKurrentEvent, toKurrentEventData, type KurrentRead } from './eventMapping';
import {
  AppendFailedError,
  EventStoreClosedError,
  EventStoreError,
  EventTooLargeError,
} from '../errors';
import { MAX_APPEND_BYTES } from '../limits';
import { eventHash, verifyHashChain } from '../integrity';
import { assertStreamId, prepareAppend, type PreparedEvent } from '../prepareAppend';
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
  isWrongExpectedVersion,
  userEventsOnly,
  type KurrentAppendResult,
  type KurrentClient,
  type KurrentResolvedEvent,
} from './kurrentClient';
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
  /** Attempts of an 'any' or 'exists' append while other writers keep getting in between (default 10). */
  maxAppendAttempts?: number;
  /** Batch size of subscriptions that do not set one (default 100). */
  subscriptionBatchSize?: number;
  /** Whether close() disposes the client (default: only when this store created it). */
  disposeClientOnClose?: boolean;
}

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
    maxAppendAttempts = 10,
    subscriptionBatchSize = 100,
    disposeClientOnClose = ownsClient,
  } = options;
  const subscriptions = new Set<Subscription>();
  let closed = false;

  function assertOpen(): void {
    if (closed) throw new EventStoreClosedError();
  }

  /** Collects mapped events until `keep` says stop; a stream that does not exist reads as empty. */
  async function collect(
    source: AsyncIterable<KurrentResolvedEvent>,
    read: KurrentRead,
    keep: (event: RecordedEvent) => boolean = () => true,
  ): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of source) {
        if (!resolved.event) continue;
        const event = fromKurrentEvent(resolved.event, read);
        if (!keep(event)) break;
        events.push(event);
      }
    } catch (error) {
      if (!isStreamNotFound(error)) throw error;
    }
    return events;
  }

  /**
   * The newest events of a stream, newest first: just the last one, or, to find an earlier copy of
   * an append, up to the idempotency window, stopping at the event with `untilEventId`.
   */
  async function readRecentEvents(
    streamId: string,
    untilEventId: string | null,
  ): Promise<RecordedEvent[]> {
    let reached = false;
    return collect(
      client.readStream(streamId, {
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

  async function readEventAt(streamId: string, revision: number): Promise<RecordedEvent> {
    const [event] = await collect(
      client.readStream(streamId, { fromRevision: BigInt(revision), maxCount: 1 }),
      'stream',
    );
    if (!event) throw new Error(`KurrentDB has no revision ${revision} in stream ${streamId}`);
    return event;
  }

  async function readHeadPosition(): Promise<number> {
    const [head] = await collect(
      client.readAll({
        direction: BACKWARDS,
        fromPosition: END,
        maxCount: 1,
        filter: userEventsOnly,
      }),
      'all',
    );
    return head?.position ?? 0;
  }

  /** The events as they will be stored after `last`: revisions, recordedAt and the hash chain. */
  function chainAfter(
    last: RecordedEvent | null,
    streamId: string,
    events: readonly NewEvent[],
    prepared: readonly PreparedEvent[],
  ): Omit<RecordedEvent, 'position'>[] {
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
      return recorded;
    });
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
   * What a successful append returns. Whether KurrentDB wrote the events or recognised a retry,
   * they sit right after the expected revision (that is KurrentDB's idempotency rule), so the
   * revision follows from what was sent rather than from the server's answer.
   */
  async function resultOf(
    streamId: string,
    result: KurrentAppendResult,
    expected: number,
    eventCount: number,
    wroteNewEvents: boolean,
  ): Promise<AppendResult> {
    const nextExpectedRevision = expected + eventCount;
    const { position } = result;
    // One event: commit = prepare = its position. Several: the commit position is the last
    // event's when it differs from the prepare (first) position. Otherwise, and for a
    // recognised retry, read the last event's position back.
    if (wroteNewEvents && position && (eventCount === 1 || position.commit > position.prepare)) {
      return { streamId, nextExpectedRevision, lastPosition: toSafeNumber(position.commit) };
    }
    const last = await readEventAt(streamId, nextExpectedRevision);
    return { streamId, nextExpectedRevision, lastPosition: last.position };
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
    const eventIds = prepared.map((event) => event.eventId);
    const exact = typeof expectedRevision === 'number' || expectedRevision === 'no_stream';
    for (let attempt = 1; ; attempt++) {
      const recent = await readRecentEvents(streamId, exact ? null : eventIds[0]!);
      const last = recent[0] ?? null;
      const current = last?.revision ?? -1;
      if (expectedRevision === 'exists' && !last) {
        throw wrongExpectedRevision(streamId, expectedRevision, 'no_stream');
      }
      if (!exact) {
        const earlier = findEarlierAppend(streamId, eventIds, recent);
        if (earlier) return earlier;
      }
      // For numeric and 'no_stream' expectations the server decides: a mismatch is either a
      // conflict or, when the same event ids already follow the expected revision, an idempotent
      // retry; the hashes computed here are then never stored.
      const expected =
        typeof expectedRevision === 'number' ? expectedRevision : exact ? -1 : current;
      try {
        const result = await client.appendToStream(
          streamId,
          chainAfter(last, streamId, events, prepared).map(toKurrentEventData),
          { streamState: expected < 0 ? NO_STREAM : BigInt(expected) },
        );
        return await resultOf(streamId, result, expected, events.length, expected === current);
      } catch (error) {
        if (isMaximumAppendSizeExceeded(error)) {
          // The port allows MAX_APPEND_BYTES; KurrentDB's MaxAppendSize (1 MiB by default) is lower.
          const bytes = prepared.reduce((sum, event) => sum + Buffer.byteLength(event.body), 0);
          throw new EventTooLargeError(null, bytes, error.maxAppendSize ?? MAX_APPEND_BYTES);
        }
        if (error instanceof EventStoreError) throw error;
        if (!isWrongExpectedVersion(error)) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new AppendFailedError(streamId, reason, { cause: error });
        }
        if (!exact && attempt < maxAppendAttempts) continue;
        throw wrongExpectedRevision(streamId, expectedRevision, actualRevisionOf(error, current));
      }
    }
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
    const source = client.readStream(streamId, {
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
    const source = client.readAll({
      fromPosition: fromPosition > 0 ? toKurrentPosition(fromPosition) : START,
      filter: userEventsOnly,
      ...(limit !== undefined && { maxCount: limit + 1 }),
    });
    const events = await collect(source, 'all');
    const after = events.filter((event) => event.position > fromPosition);
    return limit === undefined ? after : after.slice(0, limit);
  }

  function subscribeToAll(subscribeOptions: SubscribeToAllOptions): Subscription {
    assertOpen();
    assertSubscribeOptions(subscribeOptions);
    const subscription = subscribeToKurrentAll(
      { client, readHeadPosition, defaultBatchSize: subscriptionBatchSize },
      subscribeOptions,
    );
    subscriptions.add(subscription);
    subscription.done.then(
      () => subscriptions.delete(subscription),
      () => subscriptions.delete(subscription),
    );
    return subscription;
  }

  async function getStreamMetadata(streamId: string): Promise<StreamMetadata | null> {
    assertOpen();
    assertStreamId(streamId);
    try {
      const { metadata } = await client.getStreamMetadata(streamId);
      return metadata ?? null;
    } catch (error) {
      if (isStreamNotFound(error)) return null;
      throw error;
    }
  }

  async function setStreamMetadata(streamId: string, metadata: StreamMetadata): Promise<void> {
    assertOpen();
    assertStreamId(streamId);
    await client.setStreamMetadata(streamId, metadata);
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
