import { spawnSync } from 'node:child_process';
import { Client, Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import type { RecordedEvent } from '../eventStore';
import { describeEventStoreContract } from '../contract/eventStoreContract';
import { newEvent, uniqueStreamId, waitFor } from '../contract/contractFixtures';
import { prepareAppend } from '../prepareAppend';
import { createSqlEventStore } from './createSqlEventStore';
import type { DeliveryHeldBack } from './deliveryHeldBack';
import { describeGroupCommitContract } from './groupCommitContract';
import { openPostgresDatabase } from './openPostgresDatabase';
import { createSqlContractSubject } from './sqlContractSubject';

const url = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const skipReason = unreachable(url);
// A fresh schema per run: concurrent runs and earlier runs never meet.
const schema = `eventstore_test_${Date.now().toString(36)}_${process.pid}`;

describeEventStoreContract(
  'PostgreSQL',
  async () => {
    const database = await openPostgresDatabase({ url, schema, maxConnections: 12 });
    return createSqlContractSubject(
      database,
      async () => {
        await database.close();
        await dropSchema(schema);
      },
      () => openPostgresDatabase({ url, schema, maxConnections: 2 }),
    );
  },
  { skipReason },
);

describeGroupCommitContract(
  'PostgreSQL',
  async () => {
    const groupSchema = `${schema}_group`;
    const database = await openPostgresDatabase({ url, schema: groupSchema });
    return createSqlContractSubject(
      database,
      async () => {
        await database.close();
        await dropSchema(groupSchema);
      },
      () => openPostgresDatabase({ url, schema: groupSchema, maxConnections: 4 }),
    );
  },
  skipReason,
);

(skipReason ? describe.skip : describe)('PostgreSQL visibility rule', () => {
  const visibilitySchema = `${schema}_visibility`;
  afterAll(() => dropSchema(visibilitySchema));

  it('holds back an event committed behind a still-running append, then delivers both in order', async () => {
    const database = await openPostgresDatabase({ url, schema: visibilitySchema });
    const store = await createSqlEventStore(database, { ownsDatabase: true });
    const slow = new Client({
      connectionString: url,
      options: `-c search_path=${visibilitySchema}`,
    });
    await slow.connect();
    const slowStream = uniqueStreamId('slow');
    const fastStream = uniqueStreamId('fast');
    const received: RecordedEvent[] = [];
    const subscription = store.subscribeToAll({
      handler: async (events) => {
        received.push(
          ...events.filter((event) => [slowStream, fastStream].includes(event.streamId)),
        );
      },
    });
    try {
      // The slow writer takes its transaction id (and so its position) first but commits last.
      const slowAppend = prepareAppend(slowStream, [newEvent()], undefined);
      await slow.query('BEGIN');
      await slow.query('SELECT * FROM eventstore_append($1, $2, $3::uuid[], $4::text[])', [
        slowStream,
        'any',
        slowAppend.events.map((event) => event.eventId),
        slowAppend.events.map((event) => event.body),
      ]);
      await store.append(fastStream, [newEvent()]);
      await new Promise((resolve) => setTimeout(resolve, 300));

      expect(received).toEqual([]);
      expect((await store.readAll()).some((event) => event.streamId === fastStream)).toBe(false);

      await slow.query('COMMIT');
      await waitFor('both events', () => received.length === 2, 5_000);
      expect(received.map((event) => event.streamId)).toEqual([slowStream, fastStream]);
      expect(received[0]!.position).toBeLessThan(received[1]!.position);
    } finally {
      await slow.end();
      await subscription.stop();
      await store.close();
    }
  });

  it('does not hold delivery back for a long transaction that appends no events', async () => {
    const database = await openPostgresDatabase({ url, schema: visibilitySchema });
    const store = await createSqlEventStore(database, { ownsDatabase: true });
    // A read model's batch, another service or another application on the same server.
    const other = new Client({ connectionString: url });
    await other.connect();
    const streamId = uniqueStreamId('not-held');
    const received: string[] = [];
    const subscription = store.subscribeToAll({
      handler: async (events) => {
        received.push(...events.filter((e) => e.streamId === streamId).map((e) => e.eventId));
      },
    });
    try {
      await subscription.whenCaughtUp();
      await other.query('BEGIN');
      await other.query('SELECT pg_current_xact_id()');
      const appended = await store.append(streamId, [newEvent()]);
      await waitFor('the event', () => received.length === 1, 5_000);
      const all = await store.readAll({ fromPosition: appended.lastPosition - 1 });
      expect(all.map((e) => e.position)).toContain(appended.lastPosition);
    } finally {
      await other.query('ROLLBACK').catch(() => undefined);
      await other.end();
      await subscription.stop();
      await store.close();
    }
  });

  it('refuses an append in a transaction that has already written something else', async () => {
    const database = await openPostgresDatabase({ url, schema: visibilitySchema });
    await createSqlEventStore(database, { ownsDatabase: false });
    const client = new Client({
      connectionString: url,
      options: `-c search_path=${visibilitySchema}`,
    });
    await client.connect();
    const streamId = uniqueStreamId('late-append');
    const append = prepareAppend(streamId, [newEvent()], undefined);
    try {
      // Its id was taken before it said it appends: readers could already have passed it.
      await client.query('BEGIN');
      await client.query('SELECT pg_current_xact_id()');
      await expect(
        client.query('SELECT * FROM eventstore_append($1, $2, $3::uuid[], $4::text[])', [
          streamId,
          'any',
          append.events.map((event) => event.eventId),
          append.events.map((event) => event.body),
        ]),
      ).rejects.toThrow('events must be appended before anything else is written');
      await client.query('ROLLBACK');
      const [count] = (
        await client.query('SELECT count(*)::int AS n FROM events WHERE stream_id = $1', [streamId])
      ).rows;
      expect(count).toEqual({ n: 0 });
    } finally {
      await client.end();
      await database.close();
    }
  });

  it('tells the operator once when an unfinished append holds delivery back, and again when it ends', async () => {
    const notices: DeliveryHeldBack[] = [];
    const database = await openPostgresDatabase({ url, schema: visibilitySchema });
    const store = await createSqlEventStore(database, {
      ownsDatabase: true,
      heldBackWarningMs: 300,
      onDeliveryHeldBack: (notice) => notices.push(notice),
    });
    const idle = new Client({
      connectionString: url,
      options: `-c search_path=${visibilitySchema}`,
    });
    await idle.connect();
    const streamId = uniqueStreamId('held');
    const idleAppend = prepareAppend(uniqueStreamId('idle'), [newEvent()], undefined);
    const received: string[] = [];
    const subscription = store.subscribeToAll({
      handler: async (events) => {
        received.push(...events.filter((e) => e.streamId === streamId).map((e) => e.eventId));
      },
    });
    try {
      await subscription.whenCaughtUp();
      // An append left open (a process that hangs between its append and its commit).
      await idle.query('BEGIN');
      await idle.query('SELECT * FROM eventstore_append($1, $2, $3::uuid[], $4::text[])', [
        idleAppend.streamId,
        'any',
        idleAppend.events.map((event) => event.eventId),
        idleAppend.events.map((event) => event.body),
      ]);
      await store.append(streamId, [newEvent()]);
      await waitFor('the held-back notice', () => notices.length === 1, 5_000);
      await new Promise((resolve) => setTimeout(resolve, 400));

      expect(received).toEqual([]);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({ state: 'held_back' });
      expect(notices[0]!.heldBackForMs).toBeGreaterThanOrEqual(300);

      await idle.query('COMMIT');
      await waitFor('the event', () => received.length === 1, 5_000);
      await waitFor('the resumed notice', () => notices.length === 2, 5_000);
      expect(notices[1]).toMatchObject({ state: 'resumed' });
      expect(notices[1]!.heldBackForMs).toBeGreaterThanOrEqual(700);
    } finally {
      await idle.end();
      await subscription.stop();
      await store.close();
    }
  });

  it('wakes a subscriber in another process-like store through LISTEN/NOTIFY, not the fallback poll', async () => {
    const writerDatabase = await openPostgresDatabase({ url, schema: visibilitySchema });
    const readerDatabase = await openPostgresDatabase({ url, schema: visibilitySchema });
    const writer = await createSqlEventStore(writerDatabase, { ownsDatabase: true });
    // A poll slower than the test timeout: only a NOTIFY can deliver in time.
    const reader = await createSqlEventStore(readerDatabase, {
      ownsDatabase: true,
      fallbackPollMs: 60_000,
    });
    const streamId = uniqueStreamId('notified');
    const received: string[] = [];
    const subscription = reader.subscribeToAll({
      handler: async (events) => {
        received.push(
          ...events.filter((event) => event.streamId === streamId).map((event) => event.eventId),
        );
      },
    });
    try {
      await subscription.whenCaughtUp();
      const event = { ...newEvent(), eventId: uuidv7() };
      await writer.append(streamId, [event]);
      await waitFor('the notified event', () => received.length === 1, 3_000);
      expect(received).toEqual([event.eventId]);
    } finally {
      await subscription.stop();
      await Promise.all([writer.close(), reader.close()]);
    }
  });
});

(skipReason ? describe.skip : describe)('PostgreSQL connection settings', () => {
  it('appends on a database whose default isolation is REPEATABLE READ', async () => {
    const name = `eventstore_isolation_${Date.now().toString(36)}_${process.pid}`;
    const admin = new Pool({ connectionString: url, max: 1 });
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      await admin.query(
        `ALTER DATABASE ${name} SET default_transaction_isolation TO 'repeatable read'`,
      );
      const databaseUrl = new URL(url);
      databaseUrl.pathname = `/${name}`;
      const plain = new Client({ connectionString: databaseUrl.toString() });
      await plain.connect();
      const serverDefault = await plain.query('SHOW default_transaction_isolation');
      await plain.end();
      const database = await openPostgresDatabase({ url: databaseUrl.toString() });
      const store = await createSqlEventStore(database, { ownsDatabase: true });
      try {
        const streamId = uniqueStreamId('isolated');
        await store.append(streamId, [newEvent()], { expectedRevision: 'no_stream' });
        // Appends made at the same time go through the batch function: it needs the same.
        await Promise.all([
          store.append(streamId, [newEvent()]),
          store.append(uniqueStreamId('isolated'), [newEvent()]),
        ]);

        expect(serverDefault.rows).toEqual([{ default_transaction_isolation: 'repeatable read' }]);
        expect(await database.query('SHOW default_transaction_isolation')).toEqual([
          { default_transaction_isolation: 'read committed' },
        ]);
        expect(await store.verifyStream(streamId)).toMatchObject({ valid: true, eventCount: 2 });
      } finally {
        await store.close();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});

function unreachable(connectionString: string): string | null {
  // Decided synchronously, so the suite can be skipped (loudly) before Jest collects it.
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `const { Client } = require('pg');
       const client = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
       client.connect().then(() => client.end()).then(
         () => process.exit(0),
         (error) => { console.error(error.message); process.exit(1); });`,
      connectionString,
    ],
    { cwd: __dirname, encoding: 'utf8', timeout: 5_000 },
  );
  if (probe.status === 0) return null;
  return `PostgreSQL at ${connectionString} is unreachable: ${probe.stderr.trim() || probe.error?.message || 'timeout'}`;
}

async function dropSchema(name: string): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    await pool.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
  } finally {
    await pool.end();
  }
}
