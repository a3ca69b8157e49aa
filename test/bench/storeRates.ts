// The event store's own rates in the same run, on the same server, as the yardsticks the platform's
// figures are compared with: appends with 8 concurrent writers (one event per append, as a command
// mostly writes), in a schema of its own so the platform's log stays as seeded; and the replay of
// the platform's seeded log in pages, as fast as the store hands it over.
import { randomUUID } from 'node:crypto';
import {
  createSqlEventStore,
  openPostgresDatabase,
  type EventStore,
  type NewEvent,
} from '@kot/eventstore';

const STREAMS_PER_WRITER = 16;

export async function measureAppendRate(
  url: string,
  writers: number,
  durationMs: number,
): Promise<number> {
  const schema = `store_rate_${process.pid}`;
  const db = await openPostgresDatabase({ url, schema, maxConnections: writers + 2 });
  try {
    const store = await createSqlEventStore(db);
    // A short warm-up: the first appends plan statements on every pooled connection.
    await appendFor(store, writers, 500);
    return await appendFor(store, writers, durationMs);
  } finally {
    await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await db.close();
  }
}

async function appendFor(store: EventStore, writers: number, durationMs: number): Promise<number> {
  const run = randomUUID();
  let appended = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      const revisions = new Array<number>(STREAMS_PER_WRITER).fill(-1);
      for (let i = 0; performance.now() < deadline; i++) {
        const slot = i % STREAMS_PER_WRITER;
        const streamId = `case-${run}-${writer}-${slot}`;
        const revision = revisions[slot] as number;
        await store.append(streamId, [benchEvent(i)], {
          expectedRevision: revision < 0 ? 'no_stream' : revision,
        });
        revisions[slot] = revision + 1;
        appended++;
      }
    }),
  );
  return appended / ((performance.now() - started) / 1000);
}

const benchEvent = (step: number): NewEvent => ({
  eventId: randomUUID(),
  type: 'EligibilityChecked',
  schemaVersion: 1,
  data: { checkedOn: '2026-01-01', verdict: 'yes', unmet: [], unknown: [], step },
  metadata: {
    actor: { id: 'u-bench', role: 'smi-officer', organisation: 'GM0344' },
    correlationId: 'bench',
    occurredAt: new Date().toISOString(),
  },
});

/** Reads the whole log (as stored, nothing decrypted) in pages; events per second. */
export async function measureReplayRate(
  url: string,
): Promise<{ events: number; eventsPerSecond: number }> {
  const db = await openPostgresDatabase({ url, maxConnections: 2 });
  try {
    const store = await createSqlEventStore(db);
    const started = performance.now();
    let events = 0;
    let after = 0;
    for (;;) {
      const page = await store.readAll({ fromPosition: after, limit: 1000 });
      if (page.length === 0) break;
      events += page.length;
      after = page[page.length - 1]!.position;
    }
    return { events, eventsPerSecond: events / ((performance.now() - started) / 1000) };
  } finally {
    await db.close();
  }
}
