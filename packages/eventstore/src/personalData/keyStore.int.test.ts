// Erasure must hold at once in every process: a key store that has a case's key cached drops it
// the moment another key store on the same database forgets the case, long before its cache
// would expire. On PostgreSQL the two key stores have their own connections, as two processes.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { uniqueStreamId, waitFor } from '../contract/contractFixtures';
import { openPgliteDatabase } from '../sql/openPgliteDatabase';
import { openPostgresDatabase } from '../sql/openPostgresDatabase';
import type { SqlDatabase } from '../sql/sqlDatabase';
import { createSqlKeyStore, type KeyStore } from './keyStore';

const url = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const postgresReachable =
  spawnSync(
    process.execPath,
    [
      '-e',
      `const { Client } = require('pg');
       const c = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
       c.connect().then(() => c.end()).then(() => process.exit(0), () => process.exit(1));`,
      url,
    ],
    { timeout: 5_000, cwd: __dirname },
  ).status === 0;
if (!postgresReachable) console.warn(`SKIPPED key store on PostgreSQL: ${url} not reachable`);

/** Far beyond the test's wait: only the wake-up can empty the cache in time. */
const longCache = { cacheTtlMs: 10 * 60_000 };

interface TwoProcesses {
  here: KeyStore;
  elsewhere: KeyStore;
  close(): Promise<void>;
}

function describeForgettingEverywhere(engine: string, open: () => Promise<TwoProcesses>) {
  describe(`forgetting a case on ${engine}`, () => {
    let processes: TwoProcesses;
    beforeAll(async () => {
      processes = await open();
    });
    afterAll(() => processes.close());

    it('makes a key store that had the key cached drop it at once, not after its time to live', async () => {
      const { here, elsewhere } = processes;
      const streamId = uniqueStreamId('case');
      const key = await here.keyForWriting(streamId);
      expect((await elsewhere.keysForReading([streamId])).get(streamId)).toEqual(key);

      await here.forget(streamId);

      await waitFor(
        'the other key store to drop the key',
        async () => !(await elsewhere.keysForReading([streamId])).has(streamId),
        3_000,
      );
      expect((await here.keysForReading([streamId])).has(streamId)).toBe(false);
    });

    it('keeps the other cases readable from the emptied cache', async () => {
      const { here, elsewhere } = processes;
      const kept = uniqueStreamId('case');
      const erased = uniqueStreamId('case');
      const keptKey = await here.keyForWriting(kept);
      await here.keyForWriting(erased);
      await elsewhere.keysForReading([kept, erased]);

      await elsewhere.forget(erased);

      await waitFor(
        'this key store to drop the erased key',
        async () => !(await here.keysForReading([erased])).has(erased),
        3_000,
      );
      expect((await here.keysForReading([kept])).get(kept)).toEqual(keptKey);
      await expect(here.keyForWriting(erased)).rejects.toThrow('has been forgotten');
    });
  });
}

describeForgettingEverywhere('PGlite (one process, two key stores)', async () => {
  const database = await openPgliteDatabase();
  const masterKey = randomBytes(32);
  return {
    here: await createSqlKeyStore(database, { masterKey, ...longCache }),
    elsewhere: await createSqlKeyStore(database, { masterKey, ...longCache }),
    close: () => database.close(),
  };
});

(postgresReachable ? describe : describe.skip)('on PostgreSQL', () => {
  const schema = `keystore_test_${Date.now().toString(36)}_${process.pid}`;
  describeForgettingEverywhere('PostgreSQL (two connections, as two processes)', async () => {
    const databases: SqlDatabase[] = [
      await openPostgresDatabase({ url, schema, maxConnections: 2 }),
      await openPostgresDatabase({ url, schema, maxConnections: 2 }),
    ];
    const masterKey = randomBytes(32);
    const [first, second] = databases as [SqlDatabase, SqlDatabase];
    return {
      here: await createSqlKeyStore(first, { masterKey, ...longCache }),
      elsewhere: await createSqlKeyStore(second, { masterKey, ...longCache }),
      async close() {
        for (const database of databases) await database.close();
        const pool = new Pool({ connectionString: url, max: 1 });
        await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await pool.end();
      },
    };
  });
});
