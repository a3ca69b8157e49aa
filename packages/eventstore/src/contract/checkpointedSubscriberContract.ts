// A checkpointed subscriber that fails or stops mid-way resumes from its checkpoint: every event
// is applied exactly once, whatever happened in between.

import { v7 as uuidv7 } from 'uuid';
import type { EventStore, RecordedEvent } from '../eventStore';
import type { SqlClient } from '../sql/sqlDatabase';
import { toNumber } from '../sql/sqlDatabase';
import {
  CheckpointConflictError,
  loadCheckpoint,
  runCheckpointedSubscriber,
} from '../subscriptions/runCheckpointedSubscriber';
import {
  ids,
  newEvents,
  ofStreams,
  readAllIncluding,
  uniqueStreamId,
  waitFor,
} from './contractFixtures';
import type { EventStoreContractSubject } from './contractSubject';

const APPLIED_TABLE = `CREATE TABLE IF NOT EXISTS contract_applied_events (
  subscriber text   NOT NULL,
  event_id   uuid   NOT NULL,
  position   bigint NOT NULL
)`;

async function apply(tx: SqlClient, subscriber: string, events: RecordedEvent[]) {
  await tx.query(
    `INSERT INTO contract_applied_events (subscriber, event_id, position)
     SELECT $1, e.id, e.position FROM unnest($2::uuid[], $3::bigint[]) AS e(id, position)`,
    [subscriber, events.map((event) => event.eventId), events.map((event) => event.position)],
  );
}

export function describeCheckpointedSubscriberContract(
  subject: () => EventStoreContractSubject,
): void {
  describe('checkpointed subscribers', () => {
    let applied: (subscriber: string) => Promise<{ eventId: string; copies: number }[]>;
    beforeAll(async () => {
      const { database } = subject();
      await database.query(APPLIED_TABLE);
      applied = async (subscriber) => {
        const rows = await database.query<{ event_id: string; copies: unknown }>(
          `SELECT event_id, count(*) AS copies FROM contract_applied_events
            WHERE subscriber = $1 GROUP BY event_id`,
          [subscriber],
        );
        return rows.map((row) => ({ eventId: row.event_id, copies: toNumber(row.copies) }));
      };
    });

    it('resumes after a handler failure without losing or repeating an event', async () => {
      const { store, database } = subject();
      const prefix = uniqueStreamId('resume');
      const written = [0, 1, 2].map(() => newEvents(10));
      for (const [stream, events] of written.entries())
        await store.append(`${prefix}-${stream}`, events);
      const ours = ofStreams(prefix, await readAllIncluding(store, ids(written.flat())));
      const name = `contract-${uuidv7()}`;
      let batches = 0;
      const failing = await runCheckpointedSubscriber(store, database, {
        name,
        batchSize: 4,
        handle: async (tx, events) => {
          await apply(tx, name, ofStreams(prefix, events));
          // Fails after writing, in the batch that holds our 13th event: those writes must roll back.
          if (events.some((event) => event.eventId === ours[12]?.eventId)) throw new Error('crash');
          batches++;
        },
      });

      await expect(failing.done).rejects.toThrow('crash');
      const checkpoint = await loadCheckpoint(database, name);
      const appliedBeforeRestart = await applied(name);
      expect(batches).toBeGreaterThan(0);
      expect(appliedBeforeRestart.every((row) => row.copies === 1)).toBe(true);
      expect(new Set(appliedBeforeRestart.map((row) => row.eventId))).toEqual(
        new Set(ours.filter((event) => event.position <= checkpoint).map((event) => event.eventId)),
      );
      expect(checkpoint).toBeLessThan(ours[12]?.position ?? 0);

      const resumed = await runCheckpointedSubscriber(store, database, {
        name,
        batchSize: 4,
        handle: (tx, events) => apply(tx, name, ofStreams(prefix, events)),
      });
      await resumed.whenCaughtUp();
      await resumed.stop();

      const appliedAfterRestart = await applied(name);
      expect(appliedAfterRestart).toHaveLength(ours.length);
      expect(appliedAfterRestart.every((row) => row.copies === 1)).toBe(true);
    });

    it('resumes after being stopped mid-way without losing or repeating an event', async () => {
      const { store, database } = subject();
      const prefix = uniqueStreamId('stop');
      const written = newEvents(20);
      await store.append(prefix, written);
      const ours = ofStreams(prefix, await readAllIncluding(store, ids(written)));
      const name = `contract-${uuidv7()}`;
      let stopRequested: Promise<void> | null = null;
      const first = await runCheckpointedSubscriber(store, database, {
        name,
        batchSize: 3,
        handle: async (tx, events) => {
          await apply(tx, name, ofStreams(prefix, events));
          // The process is told to stop while a batch is in progress.
          if (events.some((event) => event.eventId === ours[5]?.eventId))
            stopRequested ??= first.stop();
        },
      });
      await first.done;
      await stopRequested;
      const second = await runCheckpointedSubscriber(store, database, {
        name,
        batchSize: 3,
        handle: (tx, events) => apply(tx, name, ofStreams(prefix, events)),
      });
      await second.whenCaughtUp();
      await second.stop();

      const rows = await applied(name);
      expect(rows).toHaveLength(ours.length);
      expect(rows.every((row) => row.copies === 1)).toBe(true);
    });

    it('tells of a batch as handled only once its writes and checkpoint are visible to other readers', async () => {
      const { store, database } = subject();
      const prefix = uniqueStreamId('committed');
      const written = newEvents(12);
      await store.append(prefix, written);
      const ours = ofStreams(prefix, await readAllIncluding(store, ids(written)));
      const name = `contract-${uuidv7()}`;
      const seenWhenTold: Array<{ toldSoFar: number; visible: number }> = [];
      const pending: Promise<void>[] = [];
      let toldSoFar = 0;
      const subscriber = await runCheckpointedSubscriber(store, database, {
        name,
        batchSize: 5,
        handle: (tx, events) => apply(tx, name, ofStreams(prefix, events)),
        onCommitted(events) {
          toldSoFar += ofStreams(prefix, events).length;
          const told = toldSoFar;
          const last = events[events.length - 1]?.position ?? 0;
          // Read as someone else would, at the moment of being told.
          pending.push(
            Promise.all([applied(name), loadCheckpoint(database, name)]).then(
              ([rows, checkpoint]) => {
                seenWhenTold.push({ toldSoFar: told, visible: rows.length });
                expect(checkpoint).toBeGreaterThanOrEqual(last);
              },
            ),
          );
        },
      });
      await subscriber.whenCaughtUp();
      await subscriber.stop();
      await Promise.all(pending);

      expect(seenWhenTold.length).toBeGreaterThan(1);
      for (const seen of seenWhenTold) expect(seen.visible).toBeGreaterThanOrEqual(seen.toldSoFar);
      expect(toldSoFar).toBe(ours.length);
    });

    it('refuses to let a second instance under the same name apply a batch twice', async () => {
      const { store, database } = subject();
      const prefix = uniqueStreamId('twins');
      await store.append(prefix, newEvents(3));
      const name = `contract-${uuidv7()}`;
      const handle = (tx: SqlClient, events: RecordedEvent[]) =>
        apply(tx, name, ofStreams(prefix, events));
      // Both instances have loaded checkpoint 0 before either may handle a batch.
      let openGate = () => undefined as void;
      const gate = new Promise<void>((resolve) => (openGate = resolve));
      const gatedStore = delayingHandlers(store, gate);
      const one = await runCheckpointedSubscriber(gatedStore, database, { name, handle });
      const two = await runCheckpointedSubscriber(gatedStore, database, { name, handle });
      openGate();

      // The loser's `done` rejects; the winner carries on and catches up.
      const failures = new Map<typeof one, unknown>();
      for (const instance of [one, two])
        instance.done.catch((error) => failures.set(instance, error));
      await waitFor('one instance to fail', () => failures.size > 0, 5_000);
      const winner = failures.has(one) ? two : one;
      await winner.whenCaughtUp();
      await Promise.all([one.stop(), two.stop()]);

      expect(failures.size).toBe(1);
      expect([...failures.values()][0]).toBeInstanceOf(CheckpointConflictError);
      const rows = await applied(name);
      expect(rows).toHaveLength(3);
      expect(rows.every((row) => row.copies === 1)).toBe(true);
    });
  });
}

function delayingHandlers(store: EventStore, gate: Promise<void>): EventStore {
  return {
    append: (...args) => store.append(...args),
    readStream: (...args) => store.readStream(...args),
    readStreamStarts: (...args) => store.readStreamStarts(...args),
    readAll: (...args) => store.readAll(...args),
    subscribeToAll: (options) =>
      store.subscribeToAll({
        ...options,
        handler: async (events) => gate.then(() => options.handler(events)),
      }),
    getStreamMetadata: (...args) => store.getStreamMetadata(...args),
    setStreamMetadata: (...args) => store.setStreamMetadata(...args),
    verifyStream: (...args) => store.verifyStream(...args),
    close: () => store.close(),
  };
}
