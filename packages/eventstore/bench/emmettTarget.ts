// The reference implementation: @event-driven-io/emmett-postgresql on the same database, used as
// its documentation shows: appendToStream with expectedStreamVersion; readMessagesBatch (the
// global read under its consumer) for page replays; the consumer API with a reactor for
// subscriber replays and live subscribers. Emmett counts stream versions from 1, so our revision
// r is its version r + 1. dumbo is Emmett's own connection layer (a dependency of it).
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { dumbo } from '@event-driven-io/dumbo';
import {
  getPostgreSQLEventStore,
  postgreSQLEventStoreConsumer,
  readMessagesBatch,
} from '@event-driven-io/emmett-postgresql';
import { Client } from 'pg';
import type { NewEvent } from '../src/eventStore';
import type { BenchTarget } from './benchTarget';
import { emptyReplayState, foldReplay, type BenchEventData, type ReplayState } from './workload';

const foldMessage = (
  state: ReplayState,
  message: { data: unknown; metadata: unknown },
): ReplayState =>
  foldReplay(
    state,
    (message.metadata as { messageId: string }).messageId,
    message.data as { step?: unknown },
  );

export interface EmmettBenchSettings {
  /** Batch size of the consumer's puller (Emmett's default is 100). */
  batchSize: number;
  /** Pause between pulls while messages are left (Emmett's default is 50 ms). */
  pullingFrequencyInMs: number;
}

export const emmettLiveSettings: EmmettBenchSettings = { batchSize: 100, pullingFrequencyInMs: 50 };

let processorSequence = 0;

export async function createEmmettTarget(
  url: string,
  replaySettings: EmmettBenchSettings,
  liveSettings = emmettLiveSettings,
): Promise<BenchTarget> {
  const eventStore = getPostgreSQLEventStore(url, { schema: { autoMigration: 'CreateOrUpdate' } });
  await eventStore.schema.migrate();
  const pool = dumbo({ connectionString: url });
  let appended = 0;

  const subscribe = async (onEvent: (data: BenchEventData) => void) => {
    // From the current end, read here: once the call resolves nothing appended can be missed.
    const client = new Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ last: string }>(
      'SELECT COALESCE(MAX(global_position), 0) AS last FROM emt_messages',
    );
    await client.end();
    const consumer = postgreSQLEventStoreConsumer({
      connectionString: url,
      pulling: liveSettings,
    });
    consumer.reactor({
      processorId: `bench-live-${(processorSequence += 1)}`,
      startFrom: { lastCheckpoint: BigInt(rows[0]!.last) },
      eachMessage: async (message) => onEvent(message.data as BenchEventData),
    });
    const running = consumer.start();
    return {
      async stop() {
        await consumer.close();
        await running;
      },
    };
  };

  return {
    name: 'Emmett',
    async appendOne(streamId: string, revision: number, event: NewEvent) {
      await eventStore.appendToStream(
        streamId,
        [{ type: event.type, data: event.data, metadata: { ...event.metadata } }],
        { expectedStreamVersion: revision < 0 ? STREAM_DOES_NOT_EXIST : BigInt(revision + 1) },
      );
      appended += 1;
    },
    async appendBatch(streamId: string, events: NewEvent[]) {
      await eventStore.appendToStream(
        streamId,
        events.map((event) => ({
          type: event.type,
          data: event.data,
          metadata: { ...event.metadata },
        })),
        { expectedStreamVersion: STREAM_DOES_NOT_EXIST },
      );
      appended += events.length;
    },
    async replay(count: number): Promise<ReplayState> {
      // readMessagesBatch is the global-order read under Emmett's consumer, without its
      // per-message checkpoint writes: the closest equivalent of our readAll pages.
      const state = emptyReplayState();
      let after = 0n;
      // An empty page before the end can be the visibility horizon: retry briefly, as its puller would.
      for (let emptyPages = 0; state.events < count && emptyPages < 20;) {
        const { messages, currentGlobalPosition } = await readMessagesBatch(pool.execute, {
          after,
          batchSize: Math.min(replaySettings.batchSize, count - state.events),
        });
        if (messages.length === 0) {
          emptyPages += 1;
          await new Promise((resolve) => setTimeout(resolve, 5));
          continue;
        }
        for (const message of messages) foldMessage(state, message);
        after = currentGlobalPosition;
      }
      return state;
    },
    async replayBySubscriber(count: number): Promise<ReplayState> {
      const state = emptyReplayState();
      const consumer = postgreSQLEventStoreConsumer({
        connectionString: url,
        pulling: replaySettings,
        stopWhen: { noMessagesLeft: true },
      });
      let seen = 0;
      consumer.reactor({
        processorId: `bench-replay-${(processorSequence += 1)}`,
        startFrom: 'BEGINNING',
        stopAfter: () => (seen += 1) >= count,
        eachMessage: async (message) => {
          if (state.events < count) foldMessage(state, message);
        },
      });
      await consumer.start();
      await consumer.close();
      return state;
    },
    async eventCount() {
      return appended;
    },
    subscribe,
    // Its consumer always pulls through a pool of its own: already what another process does.
    subscribeOnOwnConnection: subscribe,
    async close() {
      await pool.close();
      await eventStore.close();
    },
  };
}
