// Test support: a FAKE of one KurrentDB cluster behind the client interface, for the unit tests of
// the adapter. It is not KurrentDB and nothing tested only against it counts as tested against a
// server. It reproduces what the server and `@kurrent/kurrentdb-client` do in the cases the adapter
// must handle, and throws the client's own error classes:
// - the commit check of an append (the server's IndexWriter.CheckCommit): the expected revision
//   equal to the head writes; an older one whose next revisions hold the same ids is an idempotent
//   retry answered with the original result; anything else is a WrongExpectedVersionError;
// - IdempotentNotReady: a retry that arrives while the original is not yet replicated is dropped
//   by the server, and the client sees the server's timeout (TimeoutError);
// - followers: a read without `requiresLeader` may be served by a follower that lags behind;
// - soft delete (truncate before past the last event: reads say StreamNotFound, revisions go on
//   where they stopped) and tombstones (StreamDeletedError on every read and write);
// - MaxAppendSize (MaxAppendSizeExceededError), NotLeaderError, UnavailableError;
// - $all holding other applications' events and KurrentDB's own `$` events, filtered server-side
//   by event type or stream-name prefix; subscriptions that the server drops.
import {
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamDeletedError,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import type {
  KurrentAllSubscription,
  KurrentClient,
  KurrentEventData,
  KurrentFilter,
  KurrentPosition,
  KurrentRecordedEvent,
  KurrentResolvedEvent,
  KurrentStreamMetadata,
  KurrentStreamState,
} from './kurrentClient';

export type AppendFault =
  'not-leader' | 'unavailable' | 'timeout-before-write' | 'timeout-after-write';

interface StreamState {
  events: KurrentRecordedEvent[];
  tombstoned: boolean;
}

const POSITION_STEP = 128n;

export class FakeKurrentServer {
  readonly log: KurrentRecordedEvent[] = [];
  private readonly streams = new Map<string, StreamState>();
  private readonly metadata = new Map<string, { revision: bigint; value: KurrentStreamMetadata }>();
  private nextPosition = POSITION_STEP;
  private readonly appendFaults: AppendFault[] = [];
  private readonly subscribers = new Set<() => void>();
  private dropError: Error | null = null;
  /** Appends not yet replicated: a retry of one of them within this many checks is dropped. */
  private readonly notReplicated = new Map<string, number>();
  /** How many of the newest log entries a follower has not seen yet. */
  followerLag = 0;
  maxAppendSize = 1024 * 1024;
  /** Retries of an unreplicated append that the server drops before it counts as replicated. */
  replicationDelay = 0;
  appendCalls = 0;

  /** The next appends fail this way, in order. */
  failNextAppends(...faults: AppendFault[]): void {
    this.appendFaults.push(...faults);
  }

  /** Every open subscription fails with an UnavailableError, as when the connection is lost. */
  dropSubscriptions(): void {
    this.dropError = new UnavailableError();
    for (const wake of this.subscribers) wake();
  }

  client(): KurrentClient {
    return {
      appendToStream: async (stream, events, options) =>
        this.appendToStream(stream, events, options?.streamState ?? 'any'),
      readStream: (stream, options = {}) => this.readStream(stream, options),
      readAll: (options = {}) => this.readAll(options),
      subscribeToAll: (options = {}) => this.subscribeToAll(options),
      getStreamMetadata: async (stream) => {
        const stored = this.metadata.get(stream);
        return stored
          ? { metadata: stored.value, metastreamRevision: stored.revision }
          : { metadata: undefined };
      },
      setStreamMetadata: async (stream, value, options) => {
        const stored = this.metadata.get(stream);
        const expected = options?.expectedRevision ?? 'any';
        const current = stored?.revision ?? -1n;
        if (expected !== 'any' && (expected === 'no_stream' ? -1n : expected) !== current) {
          throw new WrongExpectedVersionError(undefined, {
            streamName: `$$${stream}`,
            expected: expected === 'no_stream' ? 'no_stream' : BigInt(expected as bigint),
            current: stored ? current : 'no_stream',
          });
        }
        this.metadata.set(stream, { revision: current + 1n, value: { ...value } });
        return { success: true };
      },
      dispose: async () => undefined,
    };
  }

  /** An event written by another application (or KurrentDB itself) straight into the log. */
  writeForeign(stream: string, type: string, isJson = true): void {
    const state = this.stream(stream);
    this.store(state, stream, [
      { id: crypto.randomUUID(), contentType: 'application/json', type, data: {}, metadata: {} },
    ]);
    if (!isJson) this.log[this.log.length - 1]!.isJson = false;
  }

  softDelete(stream: string): void {
    const last = this.stream(stream).events.at(-1)?.revision ?? -1n;
    this.metadata.set(stream, {
      revision: (this.metadata.get(stream)?.revision ?? -1n) + 1n,
      value: { ...this.metadata.get(stream)?.value, truncateBefore: Number(last + 1n) },
    });
  }

  tombstone(stream: string): void {
    this.stream(stream).tombstoned = true;
  }

  private stream(name: string): StreamState {
    let state = this.streams.get(name);
    if (!state) {
      state = { events: [], tombstoned: false };
      this.streams.set(name, state);
    }
    return state;
  }

  private store(state: StreamState, stream: string, events: KurrentEventData[]): KurrentPosition {
    let revision = state.events.at(-1)?.revision ?? -1n;
    const first = this.nextPosition;
    for (const event of events) {
      revision += 1n;
      const position = { commit: this.nextPosition, prepare: this.nextPosition };
      this.nextPosition += POSITION_STEP;
      const recorded: KurrentRecordedEvent = {
        streamId: stream,
        id: event.id,
        revision,
        type: event.type,
        isJson: true,
        data: JSON.parse(JSON.stringify(event.data)),
        metadata: JSON.parse(JSON.stringify(event.metadata)),
        position,
      };
      state.events.push(recorded);
      this.log.push(recorded);
    }
    for (const wake of this.subscribers) wake();
    return { commit: this.nextPosition - POSITION_STEP, prepare: first };
  }

  private async appendToStream(
    stream: string,
    events: KurrentEventData[],
    streamState: KurrentStreamState,
  ) {
    this.appendCalls += 1;
    const fault = this.appendFaults.shift();
    if (fault === 'not-leader') {
      throw new NotLeaderError({
        metadata: { 'leader-endpoint-host': '127.0.0.1', 'leader-endpoint-port': '2113' },
      } as never);
    }
    if (fault === 'unavailable') throw new UnavailableError();
    if (fault === 'timeout-before-write') throw new TimeoutError();
    const state = this.stream(stream);
    if (state.tombstoned) throw StreamDeletedError.fromStreamName(stream);
    const size = events.reduce(
      (sum, event) =>
        sum + JSON.stringify(event.data).length + JSON.stringify(event.metadata).length,
      0,
    );
    if (size > this.maxAppendSize) {
      throw MaxAppendSizeExceededError.fromMaxAppendSize(this.maxAppendSize);
    }
    const current = state.events.at(-1)?.revision ?? -1n;
    const expected =
      streamState === 'any'
        ? current
        : streamState === 'no_stream'
          ? -1n
          : streamState === 'stream_exists'
            ? current
            : streamState;
    const softDeleted = this.metadata.get(stream)?.value.truncateBefore !== undefined;
    const accepts = expected === current || (expected === -1n && softDeleted);
    if (!accepts) {
      const result = this.idempotentAnswer(state, stream, events, expected);
      if (result) return result;
      throw new WrongExpectedVersionError(undefined, {
        streamName: stream,
        expected: streamState === 'no_stream' ? 'no_stream' : expected,
        current: current < 0n ? 'no_stream' : current,
      });
    }
    const position = this.store(state, stream, events);
    this.notReplicated.set(events[0]!.id, this.replicationDelay);
    if (fault === 'timeout-after-write') throw new TimeoutError();
    return {
      success: true,
      nextExpectedRevision: state.events.at(-1)!.revision,
      position,
    };
  }

  private idempotentAnswer(
    state: StreamState,
    stream: string,
    events: KurrentEventData[],
    expected: bigint,
  ) {
    const start = Number(expected + 1n);
    const matches = events.every((event, index) => state.events[start + index]?.id === event.id);
    if (!matches || expected < -1n) return null;
    const waiting = this.notReplicated.get(events[0]!.id) ?? 0;
    if (waiting > 0) {
      // IdempotentNotReady: the server drops the write; the client times out.
      this.notReplicated.set(events[0]!.id, waiting - 1);
      throw new TimeoutError();
    }
    const last = state.events[start + events.length - 1]!;
    void stream;
    return { success: true, nextExpectedRevision: last.revision, position: last.position };
  }

  private visibleLog(requiresLeader: boolean | undefined): KurrentRecordedEvent[] {
    return requiresLeader ? this.log : this.log.slice(0, this.log.length - this.followerLag);
  }

  private readStream(
    stream: string,
    options: {
      fromRevision?: 'start' | 'end' | bigint;
      direction?: 'forwards' | 'backwards';
      maxCount?: number | bigint;
      requiresLeader?: boolean;
    },
  ): AsyncIterable<KurrentResolvedEvent> {
    const state = this.streams.get(stream);
    const truncateBefore = BigInt(
      (this.metadata.get(stream)?.value.truncateBefore as number | undefined) ?? 0,
    );
    const visible = new Set(this.visibleLog(options.requiresLeader));
    const events = (state?.events ?? []).filter(
      (event) => visible.has(event) && event.revision >= truncateBefore,
    );
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? 'end' : 'start');
    let selected = backwards
      ? events.filter((event) => from === 'end' || from === 'start' || event.revision <= from)
      : events.filter((event) => from === 'start' || from === 'end' || event.revision >= from);
    if (backwards) selected = selected.reverse();
    selected = selected.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER));
    return {
      async *[Symbol.asyncIterator]() {
        if (state?.tombstoned) throw StreamDeletedError.fromStreamName(stream);
        if (events.length === 0) throw new StreamNotFoundError(undefined, stream);
        for (const event of selected) yield { event };
      },
    };
  }

  private readAll(options: {
    fromPosition?: 'start' | 'end' | KurrentPosition;
    direction?: 'forwards' | 'backwards';
    maxCount?: number | bigint;
    filter?: KurrentFilter;
  }): AsyncIterable<KurrentResolvedEvent> {
    const backwards = options.direction === 'backwards';
    const from = options.fromPosition;
    let selected = this.log.filter((event) => passes(options.filter, event));
    if (from && typeof from === 'object') {
      selected = selected.filter((event) =>
        backwards ? event.position!.commit <= from.commit : event.position!.commit >= from.commit,
      );
    }
    if (backwards) selected = [...selected].reverse();
    selected = selected.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER));
    return {
      async *[Symbol.asyncIterator]() {
        for (const event of selected) yield { event };
      },
    };
  }

  private subscribeToAll(options: {
    fromPosition?: 'start' | 'end' | KurrentPosition;
    filter?: KurrentFilter;
  }): KurrentAllSubscription {
    const from = options.fromPosition;
    let next = from && typeof from === 'object' ? from.commit + 1n : 0n;
    let ended = false;
    let wake: (() => void) | null = null;
    const notify = () => wake?.();
    this.subscribers.add(notify);
    const dropped = () => this.dropError;
    const log = this.log;
    this.dropError = null;
    return {
      async *[Symbol.asyncIterator]() {
        while (!ended) {
          const error = dropped();
          if (error) throw error;
          const event = log.find((candidate) => candidate.position!.commit >= next);
          if (!event) {
            await new Promise<void>((resolve) => (wake = resolve));
            continue;
          }
          next = event.position!.commit + 1n;
          if (passes(options.filter, event)) yield { event };
        }
      },
      unsubscribe: async () => {
        ended = true;
        this.subscribers.delete(notify);
        notify();
      },
    };
  }
}

function passes(filter: KurrentFilter | undefined, event: KurrentRecordedEvent): boolean {
  if (!filter) return true;
  if (filter.filterOn === 'eventType') return new RegExp(filter.regex).test(event.type);
  return filter.prefixes.some((prefix) => event.streamId.startsWith(prefix));
}
