// Appends that run at the same time. The SQL engines write them together, in one transaction
// (group commit); whatever an engine does, each append must stay atomic and get its own answer.

import { WrongExpectedRevisionError } from '../errors';
import { newEvent, newEvents, uniqueStreamId } from './contractFixtures';
import type { EventStoreContractSubject } from './contractSubject';

export function describeConcurrentAppendContract(subject: () => EventStoreContractSubject): void {
  describe('appending concurrently', () => {
    it('refuses only the concurrent append whose expected revision is wrong, writing nothing of it', async () => {
      const { store } = subject();
      const [existing, missing, longer, fresh] = ['a', 'b', 'c', 'd'].map(uniqueStreamId);
      await store.append(existing!, [newEvent()]);
      await store.append(longer!, newEvents(2));

      const [first, refused, second, third] = await Promise.allSettled([
        store.append(existing!, [newEvent()], { expectedRevision: 0 }),
        store.append(missing!, newEvents(2), { expectedRevision: 'exists' }),
        store.append(longer!, [newEvent()], { expectedRevision: 1 }),
        store.append(fresh!, newEvents(3), { expectedRevision: 'no_stream' }),
      ]);

      expect(first).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 1 } });
      expect(second).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 2 } });
      expect(third).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 2 } });
      expect(refused).toMatchObject({ status: 'rejected' });
      expect((refused as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
      expect((refused as PromiseRejectedResult).reason).toMatchObject({ actual: 'no_stream' });
      expect(await store.readStream(missing!)).toEqual([]);
      for (const streamId of [existing!, longer!, fresh!]) {
        expect(await store.verifyStream(streamId)).toMatchObject({ valid: true });
      }
      const results = [first, second, third].map(
        (outcome) => (outcome as PromiseFulfilledResult<{ lastPosition: number }>).value,
      );
      expect(new Set(results.map((result) => result.lastPosition)).size).toBe(3);
    });

    it('lets one of concurrent appends for the same revision win while appends expecting any revision continue the stream', async () => {
      const { store } = subject();
      const streamId = uniqueStreamId('case');
      await store.append(streamId, [newEvent()]);

      const outcomes = await Promise.allSettled([
        ...Array.from({ length: 5 }, () =>
          store.append(streamId, [newEvent()], { expectedRevision: 0 }),
        ),
        store.append(streamId, newEvents(2), { expectedRevision: 'any' }),
        store.append(streamId, [newEvent()], { expectedRevision: 'exists' }),
      ]);

      const racing = outcomes.slice(0, 5);
      expect(racing.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      for (const outcome of racing.filter((outcome) => outcome.status === 'rejected')) {
        expect(outcome.reason).toBeInstanceOf(WrongExpectedRevisionError);
      }
      expect(outcomes.slice(5).map((outcome) => outcome.status)).toEqual([
        'fulfilled',
        'fulfilled',
      ]);
      const stored = await store.readStream(streamId);
      expect(stored.map((event) => event.revision)).toEqual([0, 1, 2, 3, 4]);
      expect(await store.verifyStream(streamId)).toMatchObject({ valid: true, eventCount: 5 });
    });

    it('answers a retry that runs at the same time as its original with the original result, writing the events once', async () => {
      const { store } = subject();
      const streamId = uniqueStreamId('case');
      const events = newEvents(2);

      const [original, retry, retryWithoutExpectation] = await Promise.all([
        store.append(streamId, events, { expectedRevision: 'no_stream' }),
        store.append(streamId, events, { expectedRevision: 'no_stream' }),
        store.append(streamId, events),
      ]);

      expect(retry).toEqual(original);
      expect(retryWithoutExpectation).toEqual(original);
      expect(await store.readStream(streamId)).toHaveLength(2);
    });
  });
}
