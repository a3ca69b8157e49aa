// A test double: an in-memory model of the KurrentDB server behind the client interface, written
// from KurrentDB's documented semantics (expected revisions and their idempotency checks, $all
// positions, inclusive $all reads, exclusive subscription starts, metadata in `$$<stream>`). It
// lets the adapter's own logic run in milliseconds; it proves nothing about the real server, which
// the container-based integration test covers where a container runtime exists.
import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  type KurrentAllSubscription,
  type KurrentAppendResult,
  type KurrentClient,
  type KurrentEventData,
  type KurrentEventTypeFilter,
  type KurrentPosition,
  type KurrentRecordedEvent,
  type KurrentResolvedEvent,
  type KurrentStreamState,
} from './kurrentClient';

/** Copies through JSON text, as the wire does (and keeps objects in the caller's realm). */
const viaJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

interface StoredRecord extends KurrentRecordedEvent {
  position: KurrentPosition;
}

class ModelError extends Error {
  constructor(
    readonly type: string,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message);
    Object.assign(this, details);
  }
}

export interface InMemoryKurrentClient extends KurrentClient {
  /** Every record in $all order, system events included. */
  readonly log: readonly StoredRecord[];
  /** What an operator with access to the data files could do; KurrentDB's API cannot. */
  tamper: {
    alterData(streamId: string, revision: number, data: Record<string, unknown>): void;
    remove(streamId: string, revision: number): void;
    swap(streamId: string, revisionA: number, revisionB: number): void;
  };
}

export function createInMemoryKurrentClient(): InMemoryKurrentClient {
  const log: StoredRecord[] = [];
  const streams = new Map<string, StoredRecord[]>();
  const listeners = new Set<() => void>();
  // The log does not start at 0: KurrentDB writes its own epoch records first.
  let nextOffset = 4096n;

  function write(streamName: string, events: KurrentEventData[]): KurrentAppendResult {
    const stream = streams.get(streamName) ?? [];
    streams.set(streamName, stream);
    const written = events.map((event) => {
      const offset = nextOffset;
      nextOffset += BigInt(128 + JSON.stringify(event).length);
      const record: StoredRecord = {
        streamId: streamName,
        id: event.id,
        revision: BigInt(stream.length),
        type: event.type,
        isJson: true,
        data: viaJson(event.data),
        metadata: viaJson(event.metadata),
        position: { commit: offset, prepare: offset },
      };
      stream.push(record);
      log.push(record);
      return record;
    });
    for (const notify of listeners) notify();
    const first = written[0]!;
    const last = written[written.length - 1]!;
    return {
      success: true,
      nextExpectedRevision: last.revision,
      position: { commit: last.position.commit, prepare: first.position.prepare },
    };
  }

  /** KurrentDB's idempotency check: the same ids, in order, right after `after`. */
  function idempotent(
    stream: StoredRecord[],
    after: number,
    events: KurrentEventData[],
  ): KurrentAppendResult | null {
    const stored = events.map((_, index) => stream[after + 1 + index]);
    if (!stored.every((record, index) => record?.id === events[index]?.id)) return null;
    return { success: true, nextExpectedRevision: stored[stored.length - 1]!.revision };
  }

  function wrongExpectedVersion(
    streamName: string,
    expected: KurrentStreamState,
    stream: StoredRecord[],
  ): ModelError {
    const actualState = stream.length === 0 ? NO_STREAM : BigInt(stream.length - 1);
    return new ModelError('wrong-expected-version', `WrongExpectedVersion on ${streamName}`, {
      streamName,
      expectedState: expected,
      actualState,
    });
  }

  const matches = (filter: KurrentEventTypeFilter | undefined, record: StoredRecord) =>
    !filter || new RegExp(filter.regex).test(record.type);

  const resolved = (record: StoredRecord): KurrentResolvedEvent => ({
    event: { ...record, data: viaJson(record.data) },
    commitPosition: record.position.commit,
  });

  async function appendToStream(
    streamName: string,
    events: KurrentEventData[],
    { streamState = ANY }: { streamState?: KurrentStreamState } = {},
  ): Promise<KurrentAppendResult> {
    await Promise.resolve();
    const stream = streams.get(streamName) ?? [];
    const current = stream.length - 1;
    if (streamState === ANY || streamState === STREAM_EXISTS) {
      if (streamState === STREAM_EXISTS && current < 0) {
        throw wrongExpectedVersion(streamName, streamState, stream);
      }
      const at = stream.findIndex((record) => record.id === events[0]?.id);
      if (at >= 0) {
        const repeat = idempotent(stream, at - 1, events);
        if (repeat) return repeat;
        throw wrongExpectedVersion(streamName, streamState, stream);
      }
      return write(streamName, events);
    }
    const expected = streamState === NO_STREAM ? -1 : Number(streamState);
    if (expected === current) return write(streamName, events);
    const repeat = expected < current ? idempotent(stream, expected, events) : null;
    if (repeat) return repeat;
    throw wrongExpectedVersion(streamName, streamState, stream);
  }

  async function* readStream(
    streamName: string,
    {
      fromRevision = 'start',
      direction = 'forwards',
      maxCount = Number.MAX_SAFE_INTEGER,
    }: {
      fromRevision?: 'start' | 'end' | bigint;
      direction?: 'forwards' | 'backwards';
      maxCount?: number | bigint;
    } = {},
  ): AsyncGenerator<KurrentResolvedEvent> {
    await Promise.resolve();
    const stream = streams.get(streamName);
    if (!stream) {
      throw new ModelError('stream-not-found', `${streamName} not found`, { streamName });
    }
    const backwards = direction === 'backwards';
    const from =
      fromRevision === 'start'
        ? 0
        : fromRevision === 'end'
          ? stream.length - 1
          : Number(fromRevision);
    const selected = backwards
      ? stream.slice(0, from + 1).reverse()
      : stream.slice(Math.max(from, 0));
    for (const record of selected.slice(0, Number(maxCount))) yield resolved(record);
  }

  async function* readAll({
    fromPosition = 'start',
    direction = 'forwards',
    maxCount = Number.MAX_SAFE_INTEGER,
    filter,
  }: {
    fromPosition?: 'start' | 'end' | KurrentPosition;
    direction?: 'forwards' | 'backwards';
    maxCount?: number | bigint;
    filter?: KurrentEventTypeFilter;
  } = {}): AsyncGenerator<KurrentResolvedEvent> {
    await Promise.resolve();
    const backwards = direction === 'backwards';
    // Forwards reads include the record at the position; backwards reads stop before it.
    const selected = log.filter((record) => {
      if (fromPosition === 'start') return !backwards;
      if (fromPosition === 'end') return backwards;
      return backwards
        ? record.position.commit < fromPosition.commit
        : record.position.commit >= fromPosition.commit;
    });
    if (backwards) selected.reverse();
    let count = 0;
    for (const record of selected) {
      if (count >= Number(maxCount)) break;
      if (!matches(filter, record)) continue;
      count += 1;
      yield resolved(record);
    }
  }

  function subscribeToAll({
    fromPosition = 'start',
    filter,
  }: {
    fromPosition?: 'start' | 'end' | KurrentPosition;
    filter?: KurrentEventTypeFilter;
  } = {}): KurrentAllSubscription {
    // Subscriptions start after the given position.
    let next =
      fromPosition === 'start'
        ? 0
        : fromPosition === 'end'
          ? log.length
          : log.filter((record) => record.position.commit <= fromPosition.commit).length;
    let ended = false;
    let wake: (() => void) | null = null;
    const notify = () => wake?.();
    listeners.add(notify);
    return {
      async unsubscribe() {
        ended = true;
        listeners.delete(notify);
        notify();
      },
      async *[Symbol.asyncIterator]() {
        while (!ended) {
          const record = log[next];
          if (!record) {
            await new Promise<void>((resolve) => (wake = resolve));
            wake = null;
            continue;
          }
          next += 1;
          if (matches(filter, record)) yield resolved(record);
        }
      },
    };
  }

  const recordAt = (streamId: string, revision: number) => {
    const record = streams
      .get(streamId)
      ?.find((candidate) => candidate.revision === BigInt(revision));
    if (!record) throw new Error(`no revision ${revision} in ${streamId}`);
    return record;
  };

  return {
    log,
    tamper: {
      alterData(streamId, revision, data) {
        recordAt(streamId, revision).data = viaJson(data);
      },
      remove(streamId, revision) {
        const record = recordAt(streamId, revision);
        const stream = streams.get(streamId)!;
        stream.splice(stream.indexOf(record), 1);
        log.splice(log.indexOf(record), 1);
      },
      swap(streamId, revisionA, revisionB) {
        const a = recordAt(streamId, revisionA);
        const b = recordAt(streamId, revisionB);
        [a.revision, b.revision] = [b.revision, a.revision];
        streams.get(streamId)!.sort((x, y) => (x.revision < y.revision ? -1 : 1));
      },
    },
    appendToStream,
    readStream,
    readAll,
    subscribeToAll,
    async getStreamMetadata(streamName) {
      const stored = streams.get(`$$${streamName}`);
      const last = stored?.[stored.length - 1];
      return { metadata: last ? viaJson(last.data as Record<string, unknown>) : undefined };
    },
    async setStreamMetadata(streamName, metadata) {
      return write(`$$${streamName}`, [
        {
          id: crypto.randomUUID(),
          contentType: 'application/json',
          type: '$metadata',
          data: metadata,
          metadata: {},
        },
      ]);
    },
    async dispose() {
      for (const notify of listeners) notify();
    },
  };
}
