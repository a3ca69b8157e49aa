// One entry point from configuration to a running store. The platform package turns environment
// variables into this plain object; this file only knows how to open each engine.

import type { EventStore } from './eventStore';
import { createKurrentEventStore, type KurrentEventStoreOptions } from './kurrentdb';
import { createSqlEventStore, type SqlEventStoreOptions } from './sql/createSqlEventStore';
import { openPgliteDatabase } from './sql/openPgliteDatabase';
import { openPostgresDatabase } from './sql/openPostgresDatabase';
import type { SqlDatabase } from './sql/sqlDatabase';

export type EventStoreConfig =
  /** Embedded: PGlite in `dataDir`, or in memory without one. */
  | { kind: 'pglite'; dataDir?: string }
  /** Server: PostgreSQL; `schema` defaults to public. */
  | { kind: 'postgres'; url: string; schema?: string; maxConnections?: number }
  /** Distributed: KurrentDB; read models, keys and checkpoints need a SQL database beside it. */
  | { kind: 'kurrentdb'; url: string };

export interface OpenedEventStore {
  store: EventStore;
  /**
   * The SQL database the store lives in, for read models and checkpoints beside it (on PGlite
   * they must share it: one process, one connection). null for engines without one. Closing the
   * store closes it.
   */
  database: SqlDatabase | null;
}

/** What the engines may be told beyond where they are. */
export type OpenEventStoreOptions = Pick<
  SqlEventStoreOptions,
  'heldBackWarningMs' | 'onDeliveryHeldBack'
> & {
  /** KurrentDB only: its metrics, the platform's stream prefixes, the server's MaxAppendSize. */
  kurrent?: Pick<KurrentEventStoreOptions, 'metrics' | 'streamPrefixes' | 'maxAppendBytes'>;
};

export async function openEventStore(
  config: EventStoreConfig,
  options: OpenEventStoreOptions = {},
): Promise<OpenedEventStore> {
  switch (config.kind) {
    case 'pglite': {
      const database = await openPgliteDatabase({ dataDir: config.dataDir });
      return { store: await createOwningStore(database, options), database };
    }
    case 'postgres': {
      const database = await openPostgresDatabase(config);
      return { store: await createOwningStore(database, options), database };
    }
    case 'kurrentdb':
      return { store: createKurrentEventStore(config.url, options.kurrent), database: null };
    default:
      throw new Error(`Unknown event store kind ${String((config as { kind?: unknown }).kind)}`);
  }
}

async function createOwningStore(
  database: SqlDatabase,
  options: OpenEventStoreOptions,
): Promise<EventStore> {
  try {
    return await createSqlEventStore(database, { ...options, ownsDatabase: true });
  } catch (error) {
    await database.close();
    throw error;
  }
}
