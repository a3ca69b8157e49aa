// The databases the integration tests run on: PGlite in a temporary directory and PostgreSQL in a
// fresh schema per run. Each is skipped, loudly, where it is not available.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { personalFields } from '@kot/domain';
import {
  createSqlEventStore,
  createSqlKeyStore,
  isPgliteInstalled,
  openPgliteDatabase,
  openPostgresDatabase,
  protectPersonalData,
  type EventStore,
  type SqlDatabase,
} from '@kot/eventstore';

export interface TestDatabase {
  engine: 'pglite' | 'postgres';
  /** Why the engine cannot be used here, or null. */
  skipReason: string | null;
  open(): Promise<OpenedTestStore>;
}

export interface OpenedTestStore {
  db: SqlDatabase;
  /** The store as services get it: personal fields encrypted in the log, decrypted on read. */
  store: EventStore;
  /** The same log as stored, without decryption. */
  log: EventStore;
  close(): Promise<void>;
}

export const postgresUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

let counter = 0;
const runId = `${Date.now().toString(36)}_${process.pid}`;

export const testDatabases: readonly TestDatabase[] = [
  {
    engine: 'pglite',
    skipReason: isPgliteInstalled() ? null : '@electric-sql/pglite is not installed',
    async open() {
      const dataDir = mkdtempSync(join(tmpdir(), 'kot-projections-'));
      const db = await openPgliteDatabase({ dataDir });
      return withStore(db, async () => rmSync(dataDir, { recursive: true, force: true }));
    },
  },
  {
    engine: 'postgres',
    skipReason: postgresUnreachable(postgresUrl),
    async open() {
      const schema = `projections_test_${runId}_${++counter}`;
      const db = await openPostgresDatabase({ url: postgresUrl, schema });
      return withStore(db, () => dropSchema(schema));
    },
  },
];

async function withStore(db: SqlDatabase, cleanUp: () => Promise<void>): Promise<OpenedTestStore> {
  const raw = await createSqlEventStore(db);
  const keyStore = await createSqlKeyStore(db, { masterKey: randomBytes(32) });
  const store = protectPersonalData(raw, { keyStore, personalFields });
  return {
    db,
    store,
    log: raw,
    async close() {
      await store.close();
      await db.close();
      await cleanUp();
    },
  };
}

async function dropSchema(schema: string): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/** Checked once, synchronously, so `describe.skip` can be chosen while the file loads. */
function postgresUnreachable(url: string): string | null {
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `const {Client}=require('pg');const c=new Client(${JSON.stringify(url)});` +
        `c.connect().then(()=>c.end()).then(()=>process.exit(0),()=>process.exit(1))`,
    ],
    { timeout: 5_000 },
  );
  return probe.status === 0 ? null : `PostgreSQL is not reachable at ${url}`;
}

/** `describe` for each engine that is available; a skipped engine says why in the test name. */
export function describeEachDatabase(name: string, suite: (database: TestDatabase) => void): void {
  for (const database of testDatabases) {
    if (database.skipReason) {
      describe.skip(`${name} on ${database.engine} (SKIPPED: ${database.skipReason})`, () => {
        it('is skipped', () => undefined);
      });
      continue;
    }
    describe(`${name} on ${database.engine}`, () => suite(database));
  }
}
