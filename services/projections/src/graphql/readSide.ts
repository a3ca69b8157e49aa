import type { EventStore, SqlDatabase } from '../eventStorePort';
import type { RunningProjections } from '../generations/startProjections';

/** What the resolvers read from: the live read models, the log itself, and the clock. */
export interface ReadSide {
  /** The log with personal fields decrypted, for the views that may show them. */
  store: EventStore;
  /** The log as stored, personal fields still encrypted: for checks that need none of them. */
  log: EventStore;
  db: SqlDatabase;
  clock: () => Date;
  projections: RunningProjections;
}
