// A PostgreSQL database of its own for one bench run (`bench_<pid>`), created at the start and
// dropped at the end, so that the figures never depend on (or disturb) anyone else's data.
import { Client } from 'pg';

export interface BenchDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export const defaultServerUrl = 'postgres://postgres@127.0.0.1:5432/test';

export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = `bench_${process.pid}`;
  await withAdminClient(serverUrl, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () =>
      withAdminClient(serverUrl, (admin) =>
        admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).then(() => undefined),
      ),
  };
}

async function withAdminClient<T>(serverUrl: string, work: (client: Client) => Promise<T>) {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Settings that decide what a commit costs; printed with the figures. */
export async function describeServer(url: string): Promise<string> {
  return withAdminClient(url, async (client) => {
    const { rows } = await client.query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings
        WHERE name IN ('server_version', 'synchronous_commit', 'fsync', 'wal_sync_method', 'shared_buffers')
        ORDER BY name`,
    );
    return rows.map((row) => `${row.name}=${row.setting}`).join(', ');
  });
}
