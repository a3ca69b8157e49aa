import { personalFields } from '@kot/domain';
import {
  createSqlKeyStore,
  openEventStore,
  openPostgresDatabase,
  protectPersonalData,
  type EventStore,
  type ProtectedEventStore,
  type SqlDatabase,
} from '@kot/eventstore';
import type { PlatformConfig } from '../config/loadConfig';
import { embeddedMasterKey } from '../config/embeddedSecrets';

export interface OpenedPlatformStore {
  /** The event store with the domain's personal fields encrypted per case. */
  store: ProtectedEventStore;
  /**
   * The same log as stored, personal fields still encrypted: for services that must never see
   * them (notifications, the Kafka relay), and may never append them.
   */
  logStore: EventStore;
  /** The SQL database beside it, for read models, checkpoints and the key store. */
  database: SqlDatabase;
  close(): Promise<void>;
}

/**
 * Every service opens the log the same way: the configured engine, the key store in its database,
 * and the domain's personal fields encrypted, so no service can append a BSN in clear text.
 */
export async function openProtectedEventStore(
  config: PlatformConfig,
): Promise<OpenedPlatformStore> {
  const settings = config.eventStore;
  const { store, database: storeDatabase } = await openEventStore(settings);
  // KurrentDB keeps only the log; the read models, keys and checkpoints live in PostgreSQL.
  const database =
    storeDatabase ??
    (settings.kind === 'kurrentdb'
      ? await openPostgresDatabase({ url: settings.databaseUrl })
      : null);
  if (!database) {
    await store.close();
    throw new Error('the event store has no SQL database for its key store');
  }
  // loadConfig insists on PERSONAL_DATA_MASTER_KEY for servers; embedded mode keeps one in DATA_DIR.
  const masterKey =
    config.personalDataMasterKey ??
    embeddedMasterKey(settings.kind === 'pglite' ? settings.dataDir : './data');
  const keyStore = await createSqlKeyStore(database, { masterKey });
  return {
    store: protectPersonalData(store, { keyStore, personalFields }),
    logStore: store,
    database,
    close: async () => {
      await store.close();
      if (database !== storeDatabase) await database.close();
    },
  };
}
