// Taking over a log whose history needs no notifications any more: a log imported from elsewhere,
// or a caseload seeded for a benchmark. The rules subscriber folds every case's state as it would
// have, plans nothing, and ends at the head; the service, started next, notifies only what happens
// after. Run it while no notifications service runs: both would move the same checkpoint, and the
// second one is refused (CheckpointConflictError) rather than folding a batch twice.
import {
  loadCheckpoint,
  runCheckpointedSubscriber,
  type EventStore,
  type SqlDatabase,
} from '@kot/eventstore';
import { migrateNotifications } from '../storage/notificationsSchema';
import { foldCaseEvents } from './applyCaseEvents';
import { RULES_SUBSCRIBER } from './subscribeToStore';

/** Returns the position the rules subscriber now starts after. */
export async function adoptHistoryAsNotified(
  store: EventStore,
  db: SqlDatabase,
  clock: () => Date,
): Promise<number> {
  await migrateNotifications(db);
  const subscription = await runCheckpointedSubscriber(store, db, {
    name: RULES_SUBSCRIBER,
    batchSize: 1000,
    handle: async (tx, events) => void (await foldCaseEvents(tx, events, clock())),
  });
  try {
    await subscription.whenCaughtUp();
  } finally {
    await subscription.stop();
  }
  return loadCheckpoint(db, RULES_SUBSCRIBER);
}
