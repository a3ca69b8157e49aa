// What group commit adds on the SQL engines (see groupCommit.ts and eventstore_append_batch):
// appends made at the same time share one transaction, and each one still stands alone. Run by
// the PGlite and PostgreSQL test files.

import { AppendFailedError, IdempotencyConflictError } from '../errors';
import { newEvent, newEvents, uniqueStreamId } from '../contract/contractFixtures';
import type { ContractFactory, EventStoreContractSubject } from '../contract/contractSubject';
import { MAX_EVENTS_PER_APPEND } from '../limits';

/** Positions are `transaction id * 4096 + index` (see eventStoreSchema.ts). */
const transactionOf = (position: number) => Math.floor(position / MAX_EVENTS_PER_APPEND);

export function describeGroupCommitContract(
  name: string,
  factory: ContractFactory,
  skipReason: string | null,
): void {
  (skipReason ? describe.skip : describe)(`Group commit on ${name}`, () => {
    let current: EventStoreContractSubject | null = null;
    const subject = () => {
      if (!current) throw new Error('The subject is not open');
      return current;
    };
    beforeAll(async () => {
      current = await factory();
    });
    afterAll(async () => {
      await current?.close();
    });

    it('writes appends made at the same time in one transaction, in the order they were made', async () => {
      const { store } = subject();
      const streams = Array.from({ length: 6 }, () => uniqueStreamId('grouped'));

      const results = await Promise.all(
        streams.map((streamId, i) => store.append(streamId, newEvents(1 + (i % 3)))),
      );

      const positions = results.map((result) => result.lastPosition);
      expect(new Set(positions.map(transactionOf)).size).toBe(1);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      for (const streamId of streams) {
        expect(await store.verifyStream(streamId)).toMatchObject({ valid: true });
      }
    });

    it('refuses only the append that partly repeats another one made at the same time', async () => {
      const { store } = subject();
      const streamId = uniqueStreamId('case');
      const otherStream = uniqueStreamId('case');
      const [first, second] = newEvents(2);

      const [original, partial, other] = await Promise.allSettled([
        store.append(streamId, [first!]),
        store.append(streamId, [first!, second!]),
        store.append(otherStream, [newEvent()]),
      ]);

      expect(original.status).toBe('fulfilled');
      expect(partial).toMatchObject({ status: 'rejected' });
      expect((partial as PromiseRejectedResult).reason).toBeInstanceOf(IdempotencyConflictError);
      expect(other.status).toBe('fulfilled');
      expect((await store.readStream(streamId)).map((event) => event.eventId)).toEqual([
        first!.eventId,
      ]);
      expect(await store.readStream(otherStream)).toHaveLength(1);
    });

    it('refuses only the append of an event id stored in another stream', async () => {
      const { store } = subject();
      const event = newEvent();
      await store.append(uniqueStreamId('case'), [event]);
      const [misplaced, unrelated] = [uniqueStreamId('case'), uniqueStreamId('case')];

      const [refused, written] = await Promise.allSettled([
        store.append(misplaced, [newEvent(), event]),
        store.append(unrelated, newEvents(2)),
      ]);

      expect((refused as PromiseRejectedResult).reason).toBeInstanceOf(IdempotencyConflictError);
      expect(written.status).toBe('fulfilled');
      expect(await store.readStream(misplaced)).toEqual([]);
      expect(await store.readStream(unrelated)).toHaveLength(2);
    });

    it('rejects every append of a batch whose transaction fails as a whole with a typed error, writing none of them', async () => {
      const { store, database } = subject();
      const streams = [uniqueStreamId('doomed'), uniqueStreamId('case'), uniqueStreamId('case')];
      const appends = streams.map((streamId) => ({ streamId, events: newEvents(2) }));
      // A deferred trigger fails the commit itself, after every append of the batch went through.
      const trigger = `refuse_commit_${streams[0]!.replaceAll('-', '_')}`.slice(0, 60);
      await database.executeScript(`
        CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'the commit is refused for this test'; END $$;
        CREATE CONSTRAINT TRIGGER ${trigger} AFTER INSERT ON events
          DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
          WHEN (NEW.stream_id = '${streams[0]}') EXECUTE FUNCTION ${trigger}();`);
      try {
        const outcomes = await Promise.allSettled(
          appends.map(({ streamId, events }) => store.append(streamId, events)),
        );

        for (const outcome of outcomes) {
          expect(outcome.status).toBe('rejected');
          expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(AppendFailedError);
        }
        for (const streamId of streams) expect(await store.readStream(streamId)).toEqual([]);
      } finally {
        await database.executeScript(
          `DROP TRIGGER ${trigger} ON events; DROP FUNCTION ${trigger}();`,
        );
      }
      // Nothing was written, so the very same appends (same event ids) now go through.
      const retried = await Promise.all(
        appends.map(({ streamId, events }) => store.append(streamId, events)),
      );
      expect(retried.map((result) => result.nextExpectedRevision)).toEqual([1, 1, 1]);
    });

    it('never deadlocks two stores that write the same streams in opposite orders', async () => {
      const { store } = subject();
      const other = await subject().openAnotherStore();
      try {
        const [x, y] = [uniqueStreamId('x'), uniqueStreamId('y')];
        for (let round = 0; round < 25; round++) {
          await Promise.all([
            store.append(x, [newEvent()]),
            store.append(y, [newEvent()]),
            other.append(y, [newEvent()]),
            other.append(x, [newEvent()]),
          ]);
        }
        expect(await store.readStream(x)).toHaveLength(50);
        expect(await store.verifyStream(y)).toMatchObject({ valid: true, eventCount: 50 });
      } finally {
        await other.close();
      }
    });

    it('still answers appends made before close', async () => {
      const store = await subject().openAnotherStore();
      const streamId = uniqueStreamId('closing');

      const appends = [store.append(streamId, [newEvent()]), store.append(streamId, [newEvent()])];
      await store.close();

      await expect(Promise.all(appends)).resolves.toHaveLength(2);
      expect(await subject().store.readStream(streamId)).toHaveLength(2);
    });
  });
}
