// Taking over a log whose history needs no notifications any more: a log imported from elsewhere,
// or a caseload seeded for a benchmark. The rules subscriber folds every case's state as it would
// have, plans nothing, and ends at the head; the service, started next, notifies only what happens
// after. The day's deadline check runs when the service starts, unless `checkedToday` says it was
// done already (as a service that had run all along would have done it this morning). Run it while
// no notifications service runs: both would move the same checkpoint, and the second one is
// refused (CheckpointConflictError) rather than folding a batch twice.
import { addDays, dateInAmsterdam } from '@kot/domain';
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
  options: { checkedToday?: boolean } = {},
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
  if (options.checkedToday) {
    // What the deadline scan does to a case it has checked: due again tomorrow.
    const today = dateInAmsterdam(clock().toISOString());
    await db.query(
      'UPDATE notification_case_states SET next_check_on = $2::date WHERE next_check_on <= $1::date',
      [today, addDays(today, 1)],
    );
  }
  return loadCheckpoint(db, RULES_SUBSCRIBER);
}
