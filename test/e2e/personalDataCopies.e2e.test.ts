// Erasing a family (crypto-shredding its case key) only erases it if no copy of its personal data
// lives outside the encrypted log. After a family is carried through to its application, with
// notifications, e-mails and an auditor reading the case, no table of the database (read models,
// inbox, outbox, deliveries, checkpoints), no e-mail file and no log line holds a name or BSN in
// clear. On PGlite and on PostgreSQL.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Client } from 'pg';
import { openPgliteDatabase, type SqlDatabase } from '@kot/eventstore';
import { createLogger, issueToken } from '@kot/platform';
import { demoUsers, startPlatform, welcomeText } from '@kot/all-in-one';
import { bringTo } from './applicationSteps';
import { family } from './families';
import { overHttp } from './overHttp';
import { storyDay, type DemoUserKey } from './platformUnderTest';

const postgresServer = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Every row of every table in the schemas the platform uses, as text. */
async function everyRow(
  query: (sql: string) => Promise<Array<Record<string, unknown>>>,
): Promise<Array<{ table: string; row: string }>> {
  const tables = await query(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
  );
  const rows: Array<{ table: string; row: string }> = [];
  for (const { schema, name } of tables) {
    const table = `"${String(schema)}"."${String(name)}"`;
    for (const row of await query(`SELECT t::text AS row FROM ${table} t`)) {
      rows.push({ table, row: String(row['row']) });
    }
  }
  return rows;
}

const textOf = (directory: string) =>
  readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));

describe.each(['pglite', 'postgres'] as const)('copies of personal data on %s', (engine) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kot-copies-'));
  const mailDir = join(dataDir, 'mail-out');
  const database = `copies_${process.pid}`;
  const databaseUrl = new URL(postgresServer);
  databaseUrl.pathname = `/${database}`;
  const logLines: string[] = [];
  const f = family();
  const secrets = [
    f.names.withIndication,
    f.names.working,
    f.names.child,
    ...JSON.stringify(f.referral)
      .match(/"bsn":"(\d{9})"/g)!
      .map((match) => match.slice(7, 16)),
  ];
  let rows: Array<{ table: string; row: string }> = [];

  beforeAll(async () => {
    const admin = async (sql: string) => {
      const client = new Client({ connectionString: postgresServer });
      await client.connect();
      await client.query(sql).finally(() => client.end());
    };
    if (engine === 'postgres') {
      await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin(`CREATE DATABASE ${database}`);
    }
    const secret = randomBytes(32).toString('hex');
    const platform = await startPlatform({
      env: {
        ...(engine === 'postgres'
          ? {
              EVENTSTORE: 'postgres',
              DATABASE_URL: databaseUrl.toString(),
              PERSONAL_DATA_MASTER_KEY: randomBytes(32).toString('base64'),
              // So the demo users have e-mail addresses here too (the recipient directory).
              DEMO_SIGN_IN: 'on',
            }
          : { DATA_DIR: dataDir }),
        JWT_SECRET: secret,
        MAIL_DIR: mailDir,
        PORTAL_URL: 'http://127.0.0.1:4000',
        HOST: '127.0.0.1',
        PORT: '0',
      },
      clock: () => new Date(`${storyDay}T11:00:00.000Z`),
      seedDemo: false,
      // Everything the services say, down to debug, goes into the check below.
      logger: createLogger({
        service: 'all-in-one',
        level: 'debug',
        destination: new Writable({
          write(chunk: Buffer, _encoding, done) {
            logLines.push(chunk.toString());
            done();
          },
        }),
      }),
    });
    const tokenFor = (actor: (typeof demoUsers)[number]['actor']) =>
      issueToken(secret, actor, '1h');
    const tokens = Object.fromEntries(
      await Promise.all(demoUsers.map(async (demo) => [demo.key, await tokenFor(demo.actor)])),
    ) as Record<DemoUserKey, string>;
    const http = overHttp({
      engine,
      url: platform.url,
      tokens,
      tokenFor,
      welcome: () => welcomeText(platform, 0),
      printedTokens: platform.tokens,
      eventCount: () => platform.eventCount(),
      schemas: { referrals: platform.referrals.schema, projections: platform.projections.schema },
      storedEvents: (caseId) => platform.storedEvents(`case-${caseId}`),
      runRetention: () => platform.notifications.scanRetention(),
      close: async () => undefined,
    });
    try {
      await bringTo(http, f, 'RecordApplicationReceived');
      // The auditor reads the family in full: that read is recorded, the names are not.
      const read = await http.query(
        'auditor',
        `query($id: ID!) {
          case(id: $id) { viewLevel household { partners { name bsn } } children { name } }
        }`,
        {
          id: f.caseId,
        },
      );
      expect(read.errors).toEqual([]);
      // The read did show the family: the names exist, and the checks below look for them.
      expect(JSON.stringify(read.data)).toContain(f.names.child);
      await platform.projections.whenCaughtUp();
      await platform.notifications.catchUp();
      await platform.notifications.drain();
      if (engine === 'postgres') {
        const client = new Client({ connectionString: databaseUrl.toString() });
        await client.connect();
        try {
          rows = await everyRow(async (sql) => (await client.query(sql)).rows);
        } finally {
          await client.end();
        }
      }
    } finally {
      await platform.close();
    }
    if (engine === 'pglite') {
      // The data directory belongs to the platform while it runs; read it once it has let go.
      const opened: SqlDatabase = await openPgliteDatabase({ dataDir });
      try {
        rows = await everyRow((sql) => opened.query(sql));
      } finally {
        await opened.close();
      }
    }
    if (engine === 'postgres') await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }, 180_000);

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('carried the family far enough to leave traces everywhere', () => {
    const tables = new Set(rows.map((entry) => entry.table));
    expect([...tables].some((table) => table.includes('event'))).toBe(true);
    expect(rows.some((entry) => entry.row.includes(f.caseId))).toBe(true);
    expect(textOf(mailDir).length).toBeGreaterThan(0);
    expect(logLines.length).toBeGreaterThan(0);
  });

  it('keeps no name or BSN in clear in any table, read models, inbox and outbox included', () => {
    const found = rows.filter((entry) => secrets.some((secret) => entry.row.includes(secret)));
    expect(found.map((entry) => entry.table)).toEqual([]);
  });

  it('writes no name or BSN into any e-mail', () => {
    const mails = textOf(mailDir);
    expect(mails.filter((mail) => secrets.some((secret) => mail.includes(secret)))).toEqual([]);
  });

  it('writes no name or BSN into any log line', () => {
    expect(logLines.filter((line) => secrets.some((secret) => line.includes(secret)))).toEqual([]);
  });
});
