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

    it('delivers every event of 8 concurrent writers exactly once, in one consistent global order', async () => {
      const { store } = subject();
      const prefix = uniqueStreamId('concurrent');
      const received: RecordedEvent[] = [];
      const allPositions: number[] = [];
      const subscription = store.subscribeToAll({
        batchSize: 17,
        handler: async (events) => {
          allPositions.push(...events.map((event) => event.position));
          received.push(...ofStreams(prefix, events));
        },
      });
      const written: string[] = [];
      const writers = Array.from({ length: 8 }, async (_, writer) => {
        for (let append = 0; append < 25; append++) {
          // Every fifth append carries three events, so batches and appends do not line up.
          const events = append % 5 === 0 ? newEvents(3) : [newEvent({ writer, append })];
          written.push(...events.map((event) => event.eventId));
          await store.append(`${prefix}-${writer}`, events);
        }
      });

      await Promise.all(writers);
      await subscription.whenCaughtUp();
      await subscription.stop();

      const receivedIds = received.map((event) => event.eventId);
      expect(receivedIds).toHaveLength(written.length);
      expect(new Set(receivedIds)).toEqual(new Set(written));
      expect(isStrictlyIncreasing(allPositions)).toBe(true);
      expect(receivedIds).toEqual(
        ofStreams(prefix, await store.readAll()).map((event) => event.eventId),
      );
      for (let writer = 0; writer < 8; writer++) {
        const revisions = received
          .filter((event) => event.streamId === `${prefix}-${writer}`)
          .map((event) => event.revision);
        expect(revisions).toEqual(Array.from({ length: revisions.length }, (_, i) => i));
      }
    });
  });
}
