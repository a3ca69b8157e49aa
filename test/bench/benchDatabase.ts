// A PostgreSQL database of the bench's own (`bench_<pid>`), created at the start and dropped at
// the end, so the figures neither depend on nor disturb anyone else's data.
import { Client } from 'pg';

export interface BenchDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export const benchServerUrl =
  process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function createBenchDatabase(serverUrl = benchServerUrl): Promise<BenchDatabase> {
  const name = `bench_${process.pid}`;
  await asAdministrator(serverUrl, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () =>
      asAdministrator(serverUrl, (admin) =>
        admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      ),
  };
}

/**
 * What autovacuum does on a normally configured server, for a server where it is off (this CI
 * server turns it off in conf.d): VACUUM (ANALYZE) of the bench database every `everyMs` and once
 * at `stop()`. Without it the read models are never analysed and the planner guesses, and dead
 * rows from the worklist's rewrites pile up. Does nothing where autovacuum is on.
 */
export async function standInForAutovacuum(
  url: string,
  everyMs: number,
): Promise<{ active: boolean; stop(): Promise<void> }> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  const { rows } = await client.query<{ autovacuum: string }>('SHOW autovacuum');
  if (rows[0]?.autovacuum !== 'off') {
    await client.end();
    return { active: false, stop: async () => undefined };
  }
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => client.query('VACUUM (ANALYZE)')).catch(() => undefined);
  }, everyMs);
  return {
    active: true,
    async stop() {
      clearInterval(timer);
      await running;
      await client.query('VACUUM (ANALYZE)');
      await client.end();
    },
  };
}

/**
 * After the bulk load: the cases a platform gathers over months arrive here in minutes, and the
 * server would flush them to disk (a checkpoint) while the latencies are measured. Analysed and
 * flushed first, the figures are those of a platform with its caseload behind it; the time it
 * took is printed.
 */
export async function settleAfterBulkLoad(url: string): Promise<number> {
  const started = performance.now();
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query('VACUUM (ANALYZE)');
    await client.query('CHECKPOINT');
  } finally {
    await client.end();
  }
  return (performance.now() - started) / 1000;
}

/** The settings that decide what a commit and a query cost; printed beside the figures. */
export async function describeServer(url: string): Promise<string> {
  let description = '';
  await asAdministrator(url, async (client) => {
    const { rows } = await client.query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings
        WHERE name IN ('server_version', 'shared_buffers', 'synchronous_commit', 'work_mem', 'autovacuum')
        ORDER BY name`,
    );
    description = rows.map((row) => `${row.name}=${row.setting}`).join(', ');
  });
  return description;
}

async function asAdministrator(
  url: string,
  work: (client: Client) => Promise<unknown>,
): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
