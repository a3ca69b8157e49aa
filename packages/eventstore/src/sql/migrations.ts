// Versioned migrations, recorded per component in `schema_migrations`, applied on open. Each
// component (event store, subscriber checkpoints, key store, a projection) owns its list; versions
// only grow and an applied migration is never edited: its checksum is checked on every open.

import { createHash } from 'node:crypto';
import type { SqlClient, SqlDatabase } from './sqlDatabase';
import { toNumber } from './sqlDatabase';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export class MigrationChecksumError extends Error {
  constructor(component: string, migration: Migration) {
    super(
      `Migration ${component} v${migration.version} (${migration.name}) was changed after it was ` +
        'applied: add a new migration instead of editing an applied one',
    );
    this.name = 'MigrationChecksumError';
  }
}

// A fixed advisory-lock key: processes starting together migrate one after the other.
const MIGRATION_LOCK = 4_242_001;

export async function runMigrations(
  db: SqlDatabase,
  component: string,
  migrations: readonly Migration[],
): Promise<void> {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.executeScript(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        component  text        NOT NULL,
        version    integer     NOT NULL,
        name       text        NOT NULL,
        checksum   text        NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (component, version)
      )`);
    const applied = await appliedChecksums(tx, component);
    for (const migration of ordered) {
      const checksum = createHash('sha256').update(migration.sql).digest('hex');
      const appliedChecksum = applied.get(migration.version);
      if (appliedChecksum !== undefined) {
        if (appliedChecksum !== checksum) throw new MigrationChecksumError(component, migration);
        continue;
      }
      await tx.executeScript(migration.sql);
      await tx.query(
        'INSERT INTO schema_migrations (component, version, name, checksum) VALUES ($1, $2, $3, $4)',
        [component, migration.version, migration.name, checksum],
      );
    }
  });
}

async function appliedChecksums(tx: SqlClient, component: string): Promise<Map<number, string>> {
  const rows = await tx.query<{ version: unknown; checksum: string }>(
    'SELECT version, checksum FROM schema_migrations WHERE component = $1',
    [component],
  );
  return new Map(rows.map((row) => [toNumber(row.version), row.checksum]));
}
