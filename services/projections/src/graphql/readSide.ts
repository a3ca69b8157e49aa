import type { EventStore, SqlDatabase } from '../eventStorePort';
import type { RunningProjections } from '../generations/startProjections';

/** What the resolvers read from: the live read models, the log itself, and the clock. */
export interface ReadSide {
  store: EventStore;
  db: SqlDatabase;
  clock: () => Date;
  projections: RunningProjections;
}
