// Appending: revisions, expected-revision conflicts, atomic batches, idempotent retries.

import { IdempotencyConflictError, WrongExpectedRevisionError } from '../errors';
import { newEvent, newEvents, uniqueStreamId } from './contractFixtures';
import type { EventStoreContractSubject } from './contractSubject';

export function describeAppendContract(subject: () => EventStoreContractSubject): void {
  describe('appending', () => {
    it('stores events with revisions from 0, increasing positions and the writer metadata', async () => {
      const { store } = subject();
      const streamId = uniqueStreamId('case');
      const events = newEvents(3);
      const result = await store.append(streamId, events, { expectedRevision: 'no_stream' });
      const stored = await store.readStream(streamId);

      expect(result.nextExpectedRevision).toBe(2);
      expect(stored.map((event) => event.revision)).toEqual([0, 1, 2]);
      expect(stored.map((event) => event.eventId)).toEqual(events.map((event) => event.eventId));
      expect(result.lastPosition).toBe(stored[2]?.position);
      expect(stored[0]?.position).toBeGreaterThan(0);
      expect(stored[0]?.metadata.actor).toEqual(events[0]?.metadata.actor);
      expect(stored[0]?.metadata.prevHash).toBeNull();
      expect(stored[1]?.metadata.prevHash).toBe(stored[0]?.metadata.hash);
      expect(Number.isNaN(Date.parse(stored[0]?.metadata.recordedAt ?? ''))).toBe(false);
    });

    it('honours every kind of expected revision and reports the actual one on a conflict', async () => {
      const { store } = subject();
      const streamId = uniqueStreamId('case');

      await expect(
        store.append(streamId, [newEvent()], { expectedRevision: 'exists' }),
      ).rejects.toMatchObject({
        constructor: WrongExpectedRevisionError,
        streamId,
        expected: 'exists',
        actual: 'no_stream',
      });
      await store.append(streamId, [newEvent()], { expectedRevision: 'no_stream' });
      await expect(
        store.append(streamId, [newEvent()], { expectedRevision: 'no_stream' }),
      ).rejects.toMatchObject({
        constructor: WrongExpectedRevisionError,
        actual: 0,
      });
      await expect(
        store.append(streamId, [newEvent()], { expectedRevision: 5 }),
      ).rejects.toMatchObject({
        expected: 5,
        actual: 0,
      });
      await store.append(streamId, [newEvent()], { expectedRevision: 'exists' });
      await store.append(streamId, [newEvent()], { expectedRevision: 1 });
      const result = await store.append(streamId, [newEvent()]);

      expect(result.nextExpectedRevision).toBe(3);
      expect(await store.readStream(streamId)).toHaveLength(4);
    });

    it('lets exactly one of ten racing writers with the same expected revision win', async () => {
      const { store } = subject();
      const streamId = uniqueStreamId('case');
      await store.append(streamId, newEvents(2));

      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, () =>
          store.append(streamId, [newEvent()], { expectedRevision: 1 }),
        ),
      );

      const winners = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      const losers = outcomes.flatMap((outcome) =>
        outcome.status === 'rejected' ? [outcome.reason] : [],
      );
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(9);
      for (const loser of losers) {
        expect(loser).toBeInstanceOf(WrongExpectedRevisionError);
        expect(loser).toMatchObject({ expected: 1, actual: 2 });
      }
      expect(await store.readStream(streamId)).toHaveLength(3);
    });

    it('lets exactly one of ten writers racing to create a stream win', async () => {
      const { store } = subject();
      const streamId = uniqueStreamId('case');

      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, () =>
          store.append(streamId, newEvents(2), { expectedRevision: 'no_stream' }),
        ),
      );

      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      expect(await store.readStream(streamId)).toHaveLength(2);
    });

    it('writes a multi-event append as one unit with consecutive revisions and increasing positions', async () => {
      const { store } = subject();
      const streamId = uniqueStreamId('case');
      await store.append(streamId, newEvents(50));

      const stored = await store.readStream(streamId);
      expect(stored.map((event) => event.revision)).toEqual(
        Array.from({ length: 50 }, (_, i) => i),
      );
      for (let i = 1; i < stored.length; i++) {
        expect(stored[i]?.position).toBeGreaterThan(stored[i - 1]?.position ?? Infinity);
      }
    });

    it('treats re-appending the same events as a no-op that returns the original result', async () => {
      const { store } = subject();
      const streamId = uniqueStreamId('case');
      const events = newEvents(2);
      const original = await store.append(streamId, events, { expectedRevision: 'no_stream' });
      await store.append(streamId, [newEvent()]);

      const retry = await store.append(streamId, events, { expectedRevision: 'no_stream' });
      const retryWithoutExpectation = await store.append(streamId, events);

      expect(retry).toEqual(original);
      expect(retryWithoutExpectation).toEqual(original);
      expect(await store.readStream(streamId)).toHaveLength(3);
    });

    it('refuses a retry that only partly repeats an earlier append, writing nothing', async () => {
      const { store } = subject();
      const streamId = uniqueStreamId('case');
      const [first, second] = newEvents(2);
      if (!first || !second) throw new Error('fixture');
      await store.append(streamId, [first]);

      await expect(store.append(streamId, [first, second])).rejects.toBeInstanceOf(
        IdempotencyConflictError,
      );
      expect(await store.readStream(streamId)).toHaveLength(1);
    });

    it('refuses an event id that is already stored in another stream', async () => {
      const { store } = subject();
      const event = newEvent();
      await store.append(uniqueStreamId('case'), [event]);
      const otherStream = uniqueStreamId('case');

      await expect(store.append(otherStream, [event])).rejects.toBeInstanceOf(
        IdempotencyConflictError,
      );
      expect(await store.readStream(otherStream)).toEqual([]);
    });

    it('keeps stream metadata beside the stream and replaces it on set', async () => {
      const { store } = subject();
      const streamId = uniqueStreamId('case');

      expect(await store.getStreamMetadata(streamId)).toBeNull();
      await store.setStreamMetadata(streamId, { retention: 'case-closed+7y', tags: ['kot'] });
      await store.setStreamMetadata(streamId, { retention: 'case-closed+10y' });

      expect(await store.getStreamMetadata(streamId)).toEqual({ retention: 'case-closed+10y' });
    });
  });
}
