// subscribeToAll: catch-up then live, batches in global order, nothing skipped or repeated even
// with many concurrent writers.

import type { RecordedEvent } from '../eventStore';
import { SubscriptionStoppedError } from '../errors';
import {
  isStrictlyIncreasing,
  newEvent,
  newEvents,
  ofStreams,
  uniqueStreamId,
  waitFor,
} from './contractFixtures';
import type { EventStoreContractSubject } from './contractSubject';

const WRITERS = 8;

export function describeSubscriptionContract(subject: () => EventStoreContractSubject): void {
  describe('subscribing to all', () => {
    it('catches up on stored events, then delivers new ones live, in batches no larger than asked', async () => {
      const { store } = subject();
      const prefix = uniqueStreamId('live');
      await store.append(`${prefix}-1`, newEvents(7));
      const received: RecordedEvent[] = [];
      const batchSizes: number[] = [];
      const subscription = store.subscribeToAll({
        batchSize: 3,
        handler: async (events) => {
          batchSizes.push(events.length);
          received.push(...ofStreams(prefix, events));
        },
      });

      await subscription.whenCaughtUp();
      expect(received).toHaveLength(7);
      await store.append(`${prefix}-2`, newEvents(2));
      await waitFor('live events', () => received.length === 9, 5_000);
      await subscription.stop();
      await expect(subscription.done).resolves.toBeUndefined();

      expect(Math.max(...batchSizes)).toBeLessThanOrEqual(3);
      expect(isStrictlyIncreasing(received.map((event) => event.position))).toBe(true);
      expect(received.map((event) => event.eventId)).toEqual(
        ofStreams(prefix, await store.readAll()).map((event) => event.eventId),
      );
    });

    it('starts after the given checkpoint', async () => {
      const { store } = subject();
      const streamId = uniqueStreamId('checkpoint');
      await store.append(streamId, newEvents(4));
      const stored = await store.readStream(streamId);
      const received: RecordedEvent[] = [];
      const subscription = store.subscribeToAll({
        fromCheckpoint: stored[1]?.position ?? 0,
        handler: async (events) => {
          received.push(...events.filter((event) => event.streamId === streamId));
        },
      });

      await subscription.whenCaughtUp();
      await subscription.stop();

      expect(received.map((event) => event.revision)).toEqual([2, 3]);
    });

    it('stops with the handler error when the handler throws, and says so to whoever waits', async () => {
      const { store } = subject();
      await store.append(uniqueStreamId('failing'), [newEvent()]);
      const failure = new Error('projection bug');
      const subscription = store.subscribeToAll({
        handler: async () => {
          throw failure;
        },
      });

      await expect(subscription.done).rejects.toBe(failure);
      await expect(subscription.whenCaughtUp()).rejects.toBe(failure);
      await subscription.stop();
    });

    it('refuses to wait for catching up once stopped', async () => {
      const subscription = subject().store.subscribeToAll({ handler: async () => undefined });
      await subscription.stop();

      await expect(subscription.whenCaughtUp()).rejects.toBeInstanceOf(SubscriptionStoppedError);
    });

    it('delivers every event of 8 writers on their own connections exactly once, in one consistent global order', async () => {
      // Each writer is its own store (its own connection and transactions, as separate processes
      // would be), so their commits race and land out of order; the subscriber is on yet another.
      const writerStores = await Promise.all(
        Array.from({ length: WRITERS }, () => subject().openAnotherStore()),
      );
      const reader = await subject().openAnotherStore();
      const prefix = uniqueStreamId('concurrent');
      const received: RecordedEvent[] = [];
      const allPositions: number[] = [];
      const subscription = reader.subscribeToAll({
        batchSize: 17,
        handler: async (events) => {
          allPositions.push(...events.map((event) => event.position));
          received.push(...ofStreams(prefix, events));
        },
      });
      const written: string[] = [];
      try {
        await Promise.all(
          writerStores.map(async (writerStore, writer) => {
            for (let append = 0; append < 25; append++) {
              // Every fifth append carries three events, so batches and appends do not line up.
              const events = append % 5 === 0 ? newEvents(3) : [newEvent({ writer, append })];
              written.push(...events.map((event) => event.eventId));
              await writerStore.append(`${prefix}-${writer}`, events);
            }
          }),
        );
        await subscription.whenCaughtUp();
      } finally {
        await subscription.stop();
        await Promise.all([...writerStores, reader].map((store) => store.close()));
      }

      const receivedIds = received.map((event) => event.eventId);
      expect(receivedIds).toHaveLength(written.length);
      expect(new Set(receivedIds)).toEqual(new Set(written));
      expect(isStrictlyIncreasing(allPositions)).toBe(true);
      expect(receivedIds).toEqual(
        ofStreams(prefix, await subject().store.readAll()).map((event) => event.eventId),
      );
      for (let writer = 0; writer < WRITERS; writer++) {
        const revisions = received
          .filter((event) => event.streamId === `${prefix}-${writer}`)
          .map((event) => event.revision);
        expect(revisions).toEqual(Array.from({ length: revisions.length }, (_, i) => i));
      }
    });
  });
}
