// What the caseload is seeded through: the write side and the read models on the bench database,
// composed from their factories as in a distributed set-up without a notifications service.
//
// Seeding writes years of history in minutes (about 900 commands/s here); the notifications of that
// history would take the notifications service far longer to plan, deliver and record, and the
// launcher measured next would spend the measurement delivering them. So the seeded history counts
// as notified: the notifications' rules subscriber folds every seeded case's state as if it had run
// all along, plans nothing, and ends at the head of the seeded log; the measured launcher notifies
// everything that happens after it. Today's deadline check counts as done, as a service that had run
// all along would have done it this morning: otherwise the launcher would start by sending every
// escalation of the seeded years at once (hundreds of thousands at 100,000 cases).
import {
  loadConfig,
  createAuthenticator,
  createLogger,
  openProtectedEventStore,
} from '@kot/platform';
import type { Environment } from '@kot/platform';
import type { SqlDatabase } from '@kot/eventstore';
import { createProjectionsService, type ProjectionsService } from '@kot/projections';
import { createReferralsService, type ReferralsService } from '@kot/referrals';
import { adoptHistoryAsNotified } from '@kot/notifications';

export interface SeedingPlatform {
  referrals: ReferralsService;
  projections: ProjectionsService;
  database: SqlDatabase;
  /** Folds the seeded history into the notifications' case states, notifying nothing; returns the head. */
  countHistoryAsNotified(): Promise<number>;
  close(): Promise<void>;
}

export async function startSeedingPlatform(
  env: Environment,
  clock: () => Date,
): Promise<SeedingPlatform> {
  const config = loadConfig(env);
  const logger = createLogger({ service: 'bench-seeder', level: 'silent' });
  const opened = await openProtectedEventStore(config, { logger });
  const authenticate = createAuthenticator(config.authentication);
  const referrals = await createReferralsService({
    store: opened.store,
    authenticate,
    logger,
    clock,
  });
  const projections = await createProjectionsService({
    store: opened.store,
    logStore: opened.logStore,
    db: opened.database,
    authenticate,
    logger,
    clock,
  });
  return {
    referrals,
    projections,
    database: opened.database,
    countHistoryAsNotified: () =>
      adoptHistoryAsNotified(opened.logStore, opened.database, clock, { checkedToday: true }),
    async close() {
      await projections.close();
      await referrals.close();
      await opened.close();
    },
  };
}
