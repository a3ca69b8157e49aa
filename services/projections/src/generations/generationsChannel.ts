import type { SqlDatabase } from '../eventStorePort';

/** Wake-ups after a switch, scoped by schema like the event store's own channel. */
export const generationsChannel = (db: SqlDatabase): string => `projections_${db.schema}`;
