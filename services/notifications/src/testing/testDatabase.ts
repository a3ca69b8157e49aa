// Real databases for the integration tests: PGlite in a temporary directory when the package is
// installed, otherwise (and always for the PostgreSQL tests) a fresh schema on the local
// PostgreSQL, dropped afterwards.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import {
  isPgliteInstalled,
  openEventStore,
  type EventStore,
  type SqlDatabase,
} from '@kot/eventstore';

export const TEST_POSTGRES_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  store: EventStore;
  db: SqlDatabase;
  engine: 'pglite' | 'postgres';
  close(): Promise<void>;
}

let warned = false;

export async function openTestDatabase(
  prefer: 'pglite' | 'postgres' = 'pglite',
): Promise<TestDatabase> {
  if (prefer === 'pglite' && isPgliteInstalled()) {
    const dataDir = mkdtempSync(join(tmpdir(), 'kot-notifications-'));
    const { store, database } = await openEventStore({ kind: 'pglite', dataDir });
    return {
      store,
      db: database!,
      engine: 'pglite',
      async close() {
        await store.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  if (prefer === 'pglite' && !warned) {
    warned = true;
    console.warn(
      'PGLITE NOT INSTALLED: @electric-sql/pglite cannot be loaded, so the PGlite integration tests run on PostgreSQL instead',
    );
  }
  const schema = `notifications_test_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const { store, database } = await openEventStore({
    kind: 'postgres',
    url: TEST_POSTGRES_URL,
    schema,
  });
  return {
    store,
    db: database!,
    engine: 'postgres',
    async close() {
      await store.close();
      const pool = new Pool({ connectionString: TEST_POSTGRES_URL, max: 1 });
      try {
        await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await pool.end();
      }
    },
  };
}
