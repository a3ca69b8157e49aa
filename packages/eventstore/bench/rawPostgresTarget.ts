// The ceiling of the database itself: one single-row INSERT committed per event into a plain
// table (autocommit, prepared statement, one connection per writer) and one plain SELECT * of the
// same number of rows. No event store can beat it; it says how much of the database we keep.
import { Client } from 'pg';
import type { NewEvent } from '../src/eventStore';
import type { BenchTarget } from './benchTarget';
import { emptyReplayState, foldReplay, type ReplayState } from './workload';

const insertStatement = {
  name: 'bench_raw_insert',
  text: 'INSERT INTO bench_raw (stream_id, revision, event_id, data, metadata) VALUES ($1, $2, $3, $4, $5)',
};

export async function createRawPostgresTarget(
  url: string,
  connections: number,
): Promise<BenchTarget> {
  const clients = await Promise.all(
    Array.from({ length: connections }, async () => {
      const client = new Client({ connectionString: url });
      await client.connect();
      return client;
    }),
  );
  await clients[0]!.query(`CREATE TABLE IF NOT EXISTS bench_raw (
    id bigserial PRIMARY KEY,
    stream_id text NOT NULL,
    revision int NOT NULL,
    event_id uuid NOT NULL,
    data jsonb NOT NULL,
    metadata jsonb NOT NULL)`);
  // Writers are handed a connection each, in the order they first write.
  const byStreamPrefix = new Map<string, Client>();
  const connectionFor = (streamId: string): Client => {
    const writer = streamId.slice(0, streamId.lastIndexOf('-'));
    let client = byStreamPrefix.get(writer);
    if (!client) {
      client = clients[byStreamPrefix.size % clients.length]!;
      byStreamPrefix.set(writer, client);
    }
    return client;
  };

  // Batches (only used to fill the table) take whichever connection is free.
  const idle = [...clients];
  const waiting: Array<(client: Client) => void> = [];
  const withIdleClient = async <T>(work: (client: Client) => Promise<T>): Promise<T> => {
    const client = idle.pop() ?? (await new Promise<Client>((resolve) => waiting.push(resolve)));
    try {
      return await work(client);
    } finally {
      const next = waiting.shift();
      if (next) next(client);
      else idle.push(client);
    }
  };

  return {
    name: 'raw PG',
    async appendOne(streamId: string, revision: number, event: NewEvent) {
      await connectionFor(streamId).query(insertStatement, [
        streamId,
        revision + 1,
        event.eventId,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
      ]);
    },
    async appendBatch(streamId: string, events: NewEvent[]) {
      await withIdleClient((client) =>
        client.query(
          `INSERT INTO bench_raw (stream_id, revision, event_id, data, metadata)
         SELECT $1, revision - 1, event_id, data, metadata
           FROM unnest($2::uuid[], $3::jsonb[], $4::jsonb[]) WITH ORDINALITY
                AS batch(event_id, data, metadata, revision)`,
          [
            streamId,
            events.map((event) => event.eventId),
            events.map((event) => JSON.stringify(event.data)),
            events.map((event) => JSON.stringify(event.metadata)),
          ],
        ),
      );
    },
    async replay(count: number): Promise<ReplayState> {
      const { rows } = await clients[0]!.query<{ event_id: string; data: { step?: unknown } }>(
        'SELECT * FROM bench_raw ORDER BY id LIMIT $1',
        [count],
      );
      const state = emptyReplayState();
      for (const row of rows) foldReplay(state, row.event_id, row.data);
      return state;
    },
    async eventCount() {
      const { rows } = await clients[0]!.query<{ count: string }>('SELECT count(*) FROM bench_raw');
      return Number(rows[0]!.count);
    },
    async close() {
      await Promise.all(clients.map((client) => client.end()));
    },
  };
}
