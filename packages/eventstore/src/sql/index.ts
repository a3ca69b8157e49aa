// The SQL engines: a small database port (PGlite, PostgreSQL) with migrations, and the event
// store on top of it. Projections reuse SqlDatabase and runMigrations for their read models.

export type { SqlClient, SqlDatabase, SqlQuery, SqlStatement } from './sqlDatabase';
export { toNumber } from './sqlDatabase';
export {
  openPgliteDatabase,
  isPgliteInstalled,
  type PgliteDatabaseOptions,
} from './openPgliteDatabase';
export { openPostgresDatabase, type PostgresDatabaseOptions } from './openPostgresDatabase';
export { runMigrations, MigrationChecksumError, type Migration } from './migrations';
export { createSqlEventStore, type SqlEventStoreOptions } from './createSqlEventStore';
export type { DeliveryHeldBack } from './deliveryHeldBack';
