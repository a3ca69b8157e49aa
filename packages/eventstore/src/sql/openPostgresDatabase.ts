// SqlDatabase on PostgreSQL through a `pg` pool. Named statements are prepared once per pooled
// connection; LISTEN uses a dedicated connection (see postgresWakeUps.ts).

import { Pool, type PoolClient, type PoolConfig, type QueryConfig } from 'pg';
import { createPostgresWakeUps } from './postgresWakeUps';
import type { SqlClient, SqlDatabase, SqlQuery } from './sqlDatabase';

export interface PostgresDatabaseOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  /** Schema for every table (created when missing); default `public`. Tests use a fresh one per run. */
  schema?: string;
  /** Pool size; default 10. Concurrent appenders each hold a connection for one round trip. */
  maxConnections?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openPostgresDatabase(options: PostgresDatabaseOptions): Promise<SqlDatabase> {
  const schema = options.schema ?? 'public';
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(`schema ${JSON.stringify(schema)} must be a lower-case SQL identifier`);
  }
  const connection = {
    connectionString: options.url,
    // Connection parameters, set before the first statement on every connection: the schema, and
    // READ COMMITTED whatever the server, database or role default (appends need it: see
    // eventStoreSchema.ts; a default of REPEATABLE READ would make every append fail).
    options: `-c search_path=${schema} -c default_transaction_isolation=read\\ committed`,
  };
  if (schema !== 'public') {
    const setup = new Pool({ connectionString: options.url, max: 1 });
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } catch (error) {
      // Two processes creating the same schema at once: the loser sees a unique violation.
      if ((error as { code?: string }).code !== '23505') throw error;
    } finally {
      await setup.end();
    }
  }
  // Connections are kept, not closed after 10 s idle (pg's default): a new one costs a backend
  // start and the first run of every prepared statement and PL/pgSQL function on it, which made
  // the next commands after a quiet moment tens to hundreds of milliseconds slower.
  const poolConfig: PoolConfig = {
    ...connection,
    max: options.maxConnections ?? 10,
    idleTimeoutMillis: 0,
  };
  const pool = new Pool(poolConfig);
  // An idle client that loses its connection emits on the pool; the next checkout reconnects.
  pool.on('error', () => undefined);
  const wakeUps = createPostgresWakeUps(connection);
  await pool.query('SELECT 1');
  let closed = false;

  const clientOf = (queryable: Pool | PoolClient): SqlClient => ({
    async query<Row extends object>(statement: SqlQuery, params: readonly unknown[] = []) {
      const config: QueryConfig =
        typeof statement === 'string'
          ? { text: statement, values: [...params] }
          : { name: statement.name, text: statement.text, values: [...params] };
      const result = await queryable.query(config);
      return result.rows as Row[];
    },
    async executeScript(script) {
      await queryable.query(script);
    },
  });

  return {
    engine: 'postgres',
    schema,
    ...clientOf(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN ISOLATION LEVEL READ COMMITTED');
        const result = await fn(clientOf(client));
        await client.query('COMMIT');
        client.release();
        return result;
      } catch (error) {
        // A failed ROLLBACK means a broken connection: destroy it instead of returning it.
        await client.query('ROLLBACK').then(
          () => client.release(),
          (rollbackError: Error) => client.release(rollbackError),
        );
        throw error;
      }
    },
    listen: (channel, onNotification) => wakeUps.listen(channel, onNotification),
    notify: (channel) => wakeUps.notify(channel),
    async close() {
      if (closed) return;
      closed = true;
      await wakeUps.close();
      await pool.end();
    },
  };
}
