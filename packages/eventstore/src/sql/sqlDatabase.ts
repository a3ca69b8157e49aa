// The small database port shared by the event store, the subscriber checkpoints, the key store and
// (later) the projections' read models. Two engines implement it, PGlite and PostgreSQL, and both
// run the very same SQL text: write SQL that is valid PostgreSQL and it runs on both.

/** A statement with a name: prepared once per PostgreSQL connection, plain text on PGlite. */
export interface SqlStatement {
  name: string;
  text: string;
}

export type SqlQuery = string | SqlStatement;

export interface SqlClient {
  /** One statement with $1… parameters; returns the rows. int8 comes back as string or number: convert. */
  query<Row extends object = Record<string, unknown>>(
    statement: SqlQuery,
    params?: readonly unknown[],
  ): Promise<Row[]>;
  /** Several statements without parameters (migrations). */
  executeScript(script: string): Promise<void>;
}

export interface SqlDatabase extends SqlClient {
  readonly engine: 'pglite' | 'postgres';
  /** The schema every unqualified name resolves to. Also scopes notification channels. */
  readonly schema: string;
  /**
   * Runs fn in one transaction (READ COMMITTED) and commits when it resolves, rolls back when it
   * throws. Use only `tx` inside: on PGlite a query on the database itself waits for the
   * transaction and would deadlock.
   */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  /**
   * Wake-ups without payload. The callback may be called spuriously (and is called after a lost
   * connection is restored), never with data: re-read the database to find out what changed.
   */
  listen(channel: string, onNotification: () => void): Promise<() => Promise<void>>;
  /**
   * Fire-and-forget wake-up for every listener of the channel: in this process at once, and on
   * PostgreSQL in other processes too (coalesced, sent after the caller's commit).
   */
  notify(channel: string): void;
  close(): Promise<void>;
}

/** int8/numeric columns arrive as string (pg) or number/bigint (PGlite). */
export function toNumber(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}
