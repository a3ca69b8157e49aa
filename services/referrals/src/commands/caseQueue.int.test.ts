// Many people (or one agency system's parallel requests) acting on one case through the same
// process must all be carried out: the process lets them take turns instead of letting them
// collide on the stream and run out of retries. Run on PostgreSQL, where writers really overlap.
import { spawnSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { caseStreamId } from '@kot/domain';
import { actors, openReferral } from '@kot/domain/testing';
import {
  WrongExpectedRevisionError,
  createSqlEventStore,
  openPostgresDatabase,
  type EventStore,
  type SqlDatabase,
} from '@kot/eventstore';
import { ConflictError, createLogger, newId } from '@kot/platform';
import { createCommandExecutor } from './executeCommand';

const url = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const skipReason = postgresUnreachable(url);
const schema = `referrals_queue_test_${Date.now().toString(36)}_${process.pid}`;
const logger = createLogger({
  service: 'test',
  level: 'silent',
  destination: new Writable({ write: (_c, _e, done) => done() }),
});
const clock = () => new Date('2024-03-01T11:00:00.000Z');

if (skipReason) console.warn(`case queue on PostgreSQL SKIPPED: ${skipReason}`);

(skipReason ? describe.skip : describe)('commands on one case in one process', () => {
  let db: SqlDatabase;
  let store: EventStore;
  let collisions = 0;

  beforeAll(async () => {
    db = await openPostgresDatabase({ url, schema, maxConnections: 12 });
    const raw = await createSqlEventStore(db);
    // Counts every append that lost the race, so the test sees collisions that retries would hide.
    store = {
      ...raw,
      append: async (...args) => {
        try {
          return await raw.append(...args);
        } catch (error) {
          if (error instanceof WrongExpectedRevisionError) collisions++;
          throw error;
        }
      },
    };
  });
  afterAll(async () => {
    await db?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await store?.close();
    await db?.close();
  });

  it('carries out 50 eligibility checks sent at the same moment without a single CONFLICT or collision', async () => {
    const execute = createCommandExecutor({ store, clock, newId, logger });
    const caseId = newId();
    await execute(openReferral({ caseId }), actors.officer);
    collisions = 0;

    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        execute({ type: 'CheckEligibility', caseId }, actors.officer),
      ),
    );

    const conflicts = outcomes.filter(
      (o) => o.status === 'rejected' && o.reason instanceof ConflictError,
    );
    expect(conflicts).toHaveLength(0);
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    expect(collisions).toBe(0);
    const stream = await store.readStream(caseStreamId(caseId));
    expect(stream.filter((e) => e.type === 'EligibilityChecked')).toHaveLength(50);
    const revisions = outcomes.map((o) => (o.status === 'fulfilled' ? o.value.revision : -1));
    expect(new Set(revisions).size).toBe(50);
  });

  it('lets a refused command hand the turn on to the commands queued after it', async () => {
    const execute = createCommandExecutor({ store, clock, newId, logger });
    const caseId = newId();
    await execute(openReferral({ caseId }), actors.officer);

    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, index) =>
        index % 2 === 0
          ? execute({ type: 'ExtendSmi', caseId, until: '2000-01-01' }, actors.officer)
          : execute({ type: 'CheckEligibility', caseId }, actors.officer),
      ),
    );

    expect(outcomes.map((o) => o.status)).toEqual(
      Array.from({ length: 10 }, (_, index) => (index % 2 === 0 ? 'rejected' : 'fulfilled')),
    );
  });

  it('still retries when a writer in another process gets in between', async () => {
    // Each side writes 5 times, so a command loses at most 5 races: the 6th try gets through.
    const options = { clock, newId, logger, maxAttempts: 6 };
    // The two really get in each other's way, however fast or busy the machine is: this process's
    // first append waits until the other process has read the stream, and that read is then held
    // until this process has written, so the other decides on a stale revision.
    let wroteHere!: () => void;
    const firstWriteHere = new Promise<void>((resolve) => (wroteHere = resolve));
    let readElsewhere!: () => void;
    const firstReadElsewhere = new Promise<void>((resolve) => (readElsewhere = resolve));
    let armed = false;
    let heldOnce = false;
    let appendHeld = false;
    const here = createCommandExecutor({
      ...options,
      store: {
        ...store,
        append: async (...args) => {
          if (armed && !appendHeld) {
            appendHeld = true;
            await firstReadElsewhere;
          }
          const appended = await store.append(...args);
          if (armed) wroteHere();
          return appended;
        },
      },
    });
    const elsewhere = createCommandExecutor({
      ...options,
      store: {
        ...store,
        readStream: async (...args) => {
          const events = await store.readStream(...args);
          if (armed && !heldOnce) {
            heldOnce = true;
            readElsewhere();
            await firstWriteHere;
          }
          return events;
        },
      },
    });
    const caseId = newId();
    await here(openReferral({ caseId }), actors.officer);
    collisions = 0;
    armed = true;

    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, index) =>
        (index % 2 === 0 ? here : elsewhere)({ type: 'CheckEligibility', caseId }, actors.officer),
      ),
    );

    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    const stream = await store.readStream(caseStreamId(caseId));
    expect(stream.filter((e) => e.type === 'EligibilityChecked')).toHaveLength(10);
    expect(collisions).toBeGreaterThan(0);
  });
});

function postgresUnreachable(databaseUrl: string): string | null {
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `const {Client}=require('pg');const c=new Client({connectionString:${JSON.stringify(databaseUrl)},connectionTimeoutMillis:3000});` +
        `c.connect().then(()=>c.end()).then(()=>process.exit(0),()=>process.exit(1))`,
    ],
    { timeout: 5_000, cwd: __dirname },
  );
  return probe.status === 0 ? null : `PostgreSQL is not reachable at ${databaseUrl}`;
}
