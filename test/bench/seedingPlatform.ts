// What the caseload is seeded through: the write side and the read models on the bench database,
// composed from their factories as in a distributed set-up without a notifications service.
//
// Seeding writes years of history in minutes (about 600 commands/s here); the notifications of that
// history would take the notifications service far longer to plan, deliver and record, and the
// launcher measured next would spend the measurement delivering them. So the seeded history counts
// as notified: the notifications subscriber's checkpoint is put at the head of the seeded log, as
// if the service had run all along, and the measured launcher notifies everything that happens
// after it. Cases seeded this way have no deadline timers until their next event.
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
import { RULES_SUBSCRIBER } from '@kot/notifications';

export interface SeedingPlatform {
  referrals: ReferralsService;
  projections: ProjectionsService;
  database: SqlDatabase;
  /** Puts the notifications subscriber at the head of the log; returns that position. */
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
    async countHistoryAsNotified() {
      const [head] = await opened.database.query<{ position: string | null }>(
        'SELECT max(position)::text AS position FROM events',
      );
      const position = Number(head?.position ?? 0);
      await opened.database.query(
        `INSERT INTO subscriber_checkpoints (name, position) VALUES ($1, $2)
         ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = now()`,
        [RULES_SUBSCRIBER, position],
      );
      return position;
    },
    async close() {
      await projections.close();
      await referrals.close();
      await opened.close();
    },
  };
}
