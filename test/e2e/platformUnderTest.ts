// The platform as a user meets it: started on a free port on 127.0.0.1, on PGlite in a temporary
// directory and, when a PostgreSQL server answers, on a database of its own that is dropped again.
// The tests touch it only over HTTP; starting, stopping and signing tokens are the only things done
// in process.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { Client } from 'pg';
import type { Actor } from '@kot/domain';
import { issueToken } from '@kot/platform';
import { demoUsers, startPlatform, welcomeText, type RunningPlatform } from '@kot/all-in-one';

/** The demo users the launcher prints a token for. */
export const demoUserKeys = [
  'smi-officer-utrecht',
  'smi-team-lead-utrecht',
  'smi-officer-zwolle',
  'bewindvoerder',
  'client-supporter',
  'ciz-assessor',
  'toeslagen-officer',
  'toeslagen-team-lead',
  'auditor',
  'privacy-officer-utrecht',
] as const;
export type DemoUserKey = (typeof demoUserKeys)[number];

/** Noon in Amsterdam on the day every e2e story happens; business dates are counted from it. */
export const storyDay = '2026-11-23';
const storyClock = () => new Date(`${storyDay}T11:00:00.000Z`);

export interface PlatformUnderTest {
  engine: Engine['name'];
  url: string;
  /** A token per demo user, signed the way the platform checks them (on every engine). */
  tokens: Record<DemoUserKey, string>;
  /** A token for someone who is not a demo user (a colleague, another office, the household). */
  tokenFor(actor: Actor): Promise<string>;
  /** What `npm start` would print for this platform. */
  welcome(): string;
  /** The demo tokens the platform itself hands out (none outside the embedded mode). */
  printedTokens: Record<string, string>;
  /** How many events the log holds (read in process: the API shows no global count). */
  eventCount(): Promise<number>;
  /** A case's events as the log stores them (in process: the API never shows them raw). */
  storedEvents(caseId: string): Promise<unknown[]>;
  /** One round of the retention rule now, instead of waiting for the timer. */
  runRetention(): Promise<{ erased: string[]; failed: string[] }>;
  /** The write side's and the read side's schemas, to generate requests from. */
  schemas: { referrals: GraphQLSchema; projections: GraphQLSchema };
  close(): Promise<void>;
}

export interface PlatformOptions {
  /** The platform's clock; the pinned story day by default. */
  clock?: () => Date;
  /** More environment for this platform (e.g. GRAPHQL_READ_AFTER_TIMEOUT_MS, PERSONAL_DATA_RETENTION_DAYS, higher rate limits). */
  env?: Record<string, string>;
}

interface Engine {
  name: 'pglite' | 'postgres';
  /** Why this engine cannot run here, or null. */
  unavailable: string | null;
  /** The environment for one platform, and what to clean up after it. */
  prepare(): Promise<{ env: Record<string, string>; cleanUp(): Promise<void> }>;
}

/** Where to create the databases (any database of the server will do for CREATE DATABASE). */
const postgresServer = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
let databaseCount = 0;

const engines: readonly Engine[] = [
  {
    name: 'pglite',
    unavailable: null,
    async prepare() {
      const dataDir = mkdtempSync(join(tmpdir(), 'kot-e2e-'));
      return {
        env: { DATA_DIR: dataDir },
        cleanUp: async () => rmSync(dataDir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'postgres',
    unavailable: postgresUnreachable(postgresServer),
    async prepare() {
      const name = `e2e_${process.pid}_${++databaseCount}`;
      await asAdministrator((admin) => admin.query(`CREATE DATABASE ${name}`));
      const url = new URL(postgresServer);
      url.pathname = `/${name}`;
      return {
        env: {
          EVENTSTORE: 'postgres',
          DATABASE_URL: url.toString(),
          PERSONAL_DATA_MASTER_KEY: randomBytes(32).toString('base64'),
        },
        cleanUp: () =>
          asAdministrator((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
      };
    },
  },
];

export async function startPlatformOn(
  engine: Engine,
  options: PlatformOptions = {},
): Promise<PlatformUnderTest> {
  const { env, cleanUp } = await engine.prepare();
  const secret = randomBytes(32).toString('hex');
  let platform: RunningPlatform;
  try {
    platform = await startPlatform({
      env: {
        ...env,
        ...options.env,
        JWT_SECRET: secret,
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'silent',
      },
      clock: options.clock ?? storyClock,
      seedDemo: false,
    });
  } catch (error) {
    await cleanUp();
    throw error;
  }
  const tokenFor = (actor: Actor) =>
    issueToken(secret, actor, '1h', { issuer: 'kot-platform', audience: 'kot-platform' });
  // A server hands out no demo tokens: the tests sign their own for the same people.
  const tokens = Object.fromEntries(
    await Promise.all(demoUsers.map(async (demo) => [demo.key, await tokenFor(demo.actor)])),
  ) as Record<DemoUserKey, string>;
  return {
    engine: engine.name,
    url: platform.url,
    tokens,
    tokenFor,
    welcome: () => welcomeText(platform, 0),
    printedTokens: platform.tokens,
    eventCount: () => platform.eventCount(),
    storedEvents: (caseId) => platform.storedEvents(`case-${caseId}`),
    runRetention: () => platform.notifications.scanRetention(),
    schemas: { referrals: platform.referrals.schema, projections: platform.projections.schema },
    async close() {
      try {
        await platform.close();
      } finally {
        await cleanUp();
      }
    },
  };
}

/** The embedded platform alone (PGlite), for a test about what only it allows (a local receiver). */
export function startEmbeddedPlatform(options: PlatformOptions = {}): Promise<PlatformUnderTest> {
  const embedded = engines.find((engine) => engine.name === 'pglite');
  if (!embedded) throw new Error('no embedded engine');
  return startPlatformOn(embedded, options);
}

/**
 * `describe` once per engine, with one platform started before the block and closed after it. An
 * engine that is not reachable is skipped with its reason printed and in the test name.
 */
export function describeOnEachEngine(
  name: string,
  suite: (platform: () => PlatformUnderTest) => void,
  options: PlatformOptions = {},
): void {
  for (const engine of engines) {
    if (engine.unavailable) {
      console.warn(`e2e "${name}" on ${engine.name} SKIPPED: ${engine.unavailable}`);
      describe.skip(`${name} on ${engine.name} (SKIPPED: ${engine.unavailable})`, () => {
        it('is skipped', () => undefined);
      });
      continue;
    }
    describe(`${name} on ${engine.name}`, () => {
      let platform: PlatformUnderTest | undefined;
      beforeAll(async () => {
        platform = await startPlatformOn(engine, options);
      }, 60_000);
      afterAll(async () => {
        await platform?.close();
      }, 30_000);
      suite(() => {
        if (!platform) throw new Error(`the platform on ${engine.name} did not start`);
        return platform;
      });
    });
  }
}

/**
 * `describe` once, in server mode on PostgreSQL when a server answers, otherwise on PGlite with the
 * reason printed: for suites too long to run on every engine (the edge fuzz).
 */
export function describeOnServerEngine(
  name: string,
  suite: (platform: () => PlatformUnderTest) => void,
  options: PlatformOptions = {},
): void {
  const postgres = engines.find((engine) => engine.name === 'postgres')!;
  const engine = postgres.unavailable ? engines.find((e) => e.name === 'pglite')! : postgres;
  if (postgres.unavailable) {
    console.warn(`"${name}" runs on PGlite; server mode SKIPPED: ${postgres.unavailable}`);
  }
  describe(`${name} on ${engine.name}`, () => {
    let platform: PlatformUnderTest | undefined;
    beforeAll(async () => {
      platform = await startPlatformOn(engine, options);
    }, 60_000);
    afterAll(async () => {
      await platform?.close();
    }, 30_000);
    suite(() => {
      if (!platform) throw new Error(`the platform on ${engine.name} did not start`);
      return platform;
    });
  });
}

async function asAdministrator(work: (admin: Client) => Promise<unknown>): Promise<void> {
  const admin = new Client({ connectionString: postgresServer, connectionTimeoutMillis: 5_000 });
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}

/** Checked once, synchronously, while the test file loads, so the block can be skipped. */
function postgresUnreachable(url: string): string | null {
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `const {Client}=require('pg');const c=new Client({connectionString:${JSON.stringify(url)},connectionTimeoutMillis:3000});` +
        `c.connect().then(()=>c.end()).then(()=>process.exit(0),()=>process.exit(1))`,
    ],
    { timeout: 5_000, cwd: __dirname },
  );
  return probe.status === 0
    ? null
    : `PostgreSQL is not reachable at ${url.replace(/\/\/[^@]*@/, '//')}`;
}
