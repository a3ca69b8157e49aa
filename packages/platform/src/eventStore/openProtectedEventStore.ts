import { personalFields } from '@kot/domain';
import {
  createSqlKeyStore,
  openEventStore,
  protectPersonalData,
  type ProtectedEventStore,
  type SqlDatabase,
} from '@kot/eventstore';
import { ConfigurationError, type PlatformConfig } from '../config/loadConfig';
import { embeddedMasterKey } from '../config/embeddedSecrets';

export interface OpenedPlatformStore {
  /** The event store with the domain's personal fields encrypted per case. */
  store: ProtectedEventStore;
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
  if (settings.kind === 'kurrentdb') {
    throw new ConfigurationError([
      'EVENTSTORE: kurrentdb needs a SQL database for read models and keys beside it; not available in this build yet — use pglite or postgres',
    ]);
  }
  const { store, database } = await openEventStore(settings);
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
    database,
    close: () => store.close(),
  };
}
