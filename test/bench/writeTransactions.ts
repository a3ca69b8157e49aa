// The event store delivers an event only once every transaction that started before its append
// has ended (the transaction-id horizon, see packages/eventstore), and that horizon is the whole
// PostgreSQL cluster's. So while the lag is measured, this watches how old the oldest writing
// transaction is, in the platform's own database and in the others on the same server.
import { Client } from 'pg';
import { latencyFigures, type LatencyFigures } from './latencies';

export interface WriteTransactionAges {
  /** Age of the oldest writing transaction at each sample, in the platform's database. */
  ours: LatencyFigures;
  /** The same in every other database of the cluster. */
  others: LatencyFigures;
  /** What the longest of our own was doing when it was seen. */
  longestOurs: string;
}

const SAMPLE_EVERY_MS = 100;

export async function watchWriteTransactions(
  serverUrl: string,
  database: string,
  maxSeconds: number,
): Promise<{ stop(): Promise<WriteTransactionAges> }> {
  const client = new Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  const ours: number[] = [];
  const others: number[] = [];
  let longestOurs = { ms: 0, query: '' };
  let running = true;
  const deadline = Date.now() + maxSeconds * 1000;
  const loop = (async () => {
    while (running && Date.now() < deadline) {
      const { rows } = await client.query<{ datname: string; ms: number; query: string }>(
        `SELECT datname, extract(epoch FROM clock_timestamp() - xact_start) * 1000 AS ms,
                left(regexp_replace(query, '\\s+', ' ', 'g'), 90) AS query
           FROM pg_stat_activity
          WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()`,
      );
      const oldest = (mine: boolean) =>
        Math.max(
          0,
          ...rows.filter((r) => (r.datname === database) === mine).map((r) => Number(r.ms)),
        );
      ours.push(oldest(true));
      others.push(oldest(false));
      for (const row of rows) {
        if (row.datname === database && Number(row.ms) > longestOurs.ms) {
          longestOurs = { ms: Number(row.ms), query: row.query };
        }
      }
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_EVERY_MS));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await client.end();
      return {
        ours: latencyFigures(ours),
        others: latencyFigures(others),
        longestOurs: `${longestOurs.ms.toFixed(0)} ms: ${longestOurs.query}`,
      };
    },
  };
}
