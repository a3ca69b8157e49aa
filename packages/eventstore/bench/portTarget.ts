// Any EventStore behind the port (ours on PGlite or PostgreSQL) as a bench target, used exactly
// as the services use it: append with an expected revision, readAll pages, subscribeToAll. Given a
// second store on the same data (its own connections), it also subscribes there, as a subscriber
// in another process would.
import type { EventStore, NewEvent } from '../src/eventStore';
import type { BenchTarget } from './benchTarget';
import { emptyReplayState, foldReplay, type BenchEventData, type ReplayState } from './workload';

export function createPortTarget(
  name: string,
  store: EventStore,
  pageSize: number,
  subscriberStore: EventStore | null = null,
): BenchTarget {
  let lastPosition = 0;
  let appended = 0;
  const subscribeThrough = async (through: EventStore, onEvent: (data: BenchEventData) => void) => {
    const subscription = through.subscribeToAll({
      fromCheckpoint: lastPosition,
      batchSize: pageSize,
      handler: async (events) => {
        for (const event of events) onEvent(event.data as BenchEventData);
      },
    });
    await subscription.whenCaughtUp();
    return { stop: () => subscription.stop() };
  };
  return {
    name,
    async appendOne(streamId: string, revision: number, event: NewEvent) {
      const result = await store.append(streamId, [event], {
        expectedRevision: revision < 0 ? 'no_stream' : revision,
      });
      lastPosition = Math.max(lastPosition, result.lastPosition);
      appended += 1;
    },
    async appendBatch(streamId: string, events: NewEvent[]) {
      await store.append(streamId, events, { expectedRevision: 'no_stream' });
      appended += events.length;
    },
    async replay(count: number): Promise<ReplayState> {
      const state = emptyReplayState();
      let fromPosition = 0;
      while (state.events < count) {
        const page = await store.readAll({
          fromPosition,
          limit: Math.min(pageSize, count - state.events),
        });
        if (page.length === 0) break;
        for (const event of page) foldReplay(state, event.eventId, event.data);
        fromPosition = page[page.length - 1]!.position;
      }
      return state;
    },
    async replayBySubscriber(count: number): Promise<ReplayState> {
      const state = emptyReplayState();
      let reached: () => void = () => undefined;
      const done = new Promise<void>((resolve) => (reached = resolve));
      const subscription = store.subscribeToAll({
        fromCheckpoint: 0,
        batchSize: pageSize,
        handler: async (events) => {
          for (const event of events) {
            if (state.events < count) foldReplay(state, event.eventId, event.data);
          }
          if (state.events >= count) reached();
        },
      });
      await Promise.race([done, subscription.done]);
      await subscription.stop();
      return state;
    },
    async eventCount() {
      return appended;
    },
    subscribe: (onEvent) => subscribeThrough(store, onEvent),
    ...(subscriberStore && {
      subscribeOnOwnConnection: (onEvent: (data: BenchEventData) => void) =>
        subscribeThrough(subscriberStore, onEvent),
    }),
    async close() {
      await Promise.all([store.close(), subscriberStore?.close()]);
    },
  };
}
