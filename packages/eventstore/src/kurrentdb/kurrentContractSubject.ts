// Test support: the contract subject for the KurrentDB adapter. KurrentDB keeps only the events;
// subscriber checkpoints and the key store live in a SQL database beside it, as they would in a
// deployment (PGlite in memory when installed, else a fresh schema on DATABASE_URL).
import { spawnSync } from 'node:child_process';
import { Pool } from 'pg';
import type { EventStoreContractSubject, TamperHooks } from '../contract/contractSubject';
import { isPgliteInstalled, openPgliteDatabase } from '../sql/openPgliteDatabase';
import { openPostgresDatabase } from '../sql/openPostgresDatabase';
import type { SqlDatabase } from '../sql/sqlDatabase';
import type { KurrentClient } from './kurrentClient';
import { createKurrentEventStore } from './kurrentEventStore';

const postgresUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Why no SQL database for checkpoints can be opened, decided synchronously; null when one can. */
export function sideDatabaseSkipReason(): string | null {
  if (isPgliteInstalled()) return null;
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `const { Client } = require('pg');
       const client = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
       client.connect().then(() => client.end()).then(
         () => process.exit(0),
         (error) => { console.error(error.message); process.exit(1); });`,
      postgresUrl,
    ],
    { cwd: __dirname, encoding: 'utf8', timeout: 5_000 },
  );
  if (probe.status === 0) return null;
  return `no SQL database for subscriber checkpoints: PGlite is not installed and PostgreSQL at ${postgresUrl} is unreachable (${probe.stderr.trim() || 'timeout'})`;
}

async function openSideDatabase(): Promise<{ database: SqlDatabase; release(): Promise<void> }> {
  if (isPgliteInstalled()) {
    const database = await openPgliteDatabase({});
    return { database, release: () => database.close() };
  }
  const schema = `kurrent_side_${Date.now().toString(36)}_${process.pid}`;
  const database = await openPostgresDatabase({ url: postgresUrl, schema });
  return {
    database,
    async release() {
      await database.close();
      const pool = new Pool({ connectionString: postgresUrl, max: 1 });
      try {
        await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await pool.end();
      }
    },
  };
}

export async function createKurrentContractSubject(
  connect: () => KurrentClient,
  tamper?: TamperHooks,
): Promise<EventStoreContractSubject> {
  const side = await openSideDatabase();
  const client = connect();
  const store = createKurrentEventStore(client);
  return {
    store,
    database: side.database,
    // Each concurrent writer on its own client (its own gRPC connection), as another process.
    openAnotherStore: async () =>
      createKurrentEventStore(connect(), { disposeClientOnClose: true }),
    ...(tamper && { tamper }),
    async close() {
      await store.close();
      await client.dispose();
      await side.release();
    },
  };
}
