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
import { defaultDataDir, type PlatformConfig } from '../config/loadConfig';
import type { Logger } from '../logging/createLogger';
import { embeddedMasterKey } from '../config/embeddedSecrets';
import { claimDataDirectory, holdsDatabase } from './dataDirectoryLock';

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

export interface OpenStoreOptions {
  /**
   * Refuse an embedded data directory that holds no database yet, rather than creating one: for
   * tools that work on existing data (replay), where an empty new directory means a wrong path.
   */
  existingOnly?: boolean;
  /**
   * Told when delivery to subscribers is held back by an open transaction, and of personal fields
   * that cannot be decrypted (where, never what). Without it the store writes to standard error.
   */
  logger?: Logger;
}

export class NoDataError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `There is no platform data in ${dataDir}. Start the platform there first (npm start), ` +
        'or set DATA_DIR to the directory it uses.',
    );
    this.name = 'NoDataError';
  }
}

/**
 * Every service opens the log the same way: the configured engine, the key store in its database,
 * and the domain's personal fields encrypted, so no service can append a BSN in clear text. An
 * embedded data directory is claimed for this process (see dataDirectoryLock).
 */
export async function openProtectedEventStore(
  config: Pick<PlatformConfig, 'eventStore' | 'personalDataMasterKey'>,
  options: OpenStoreOptions = {},
): Promise<OpenedPlatformStore> {
  const settings = config.eventStore;
  if (settings.kind === 'pglite' && options.existingOnly && !holdsDatabase(settings.dataDir)) {
    throw new NoDataError(settings.dataDir);
  }
  const release = settings.kind === 'pglite' ? claimDataDirectory(settings.dataDir) : () => {};
  try {
    return await openClaimed(config, release, options.logger);
  } catch (error) {
    release();
    throw error;
  }
}

async function openClaimed(
  config: Pick<PlatformConfig, 'eventStore' | 'personalDataMasterKey'>,
  release: () => void,
  logger: Logger | undefined,
): Promise<OpenedPlatformStore> {
  const settings = config.eventStore;
  const { store, database: storeDatabase } = await openEventStore(
    settings,
    logger
      ? {
          onDeliveryHeldBack: (notice) =>
            notice.state === 'held_back'
              ? logger.warn(notice, 'event delivery held back by a transaction still open')
              : logger.info(notice, 'event delivery resumed'),
        }
      : {},
  );
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
    embeddedMasterKey(settings.kind === 'pglite' ? settings.dataDir : defaultDataDir);
  const keyStore = await createSqlKeyStore(database, { masterKey });
  return {
    store: protectPersonalData(store, {
      keyStore,
      personalFields,
      ...(logger && {
        onUnreadable: (field) =>
          logger.error(field, 'a personal field could not be decrypted; it reads as unreadable'),
      }),
    }),
    logStore: store,
    database,
    close: async () => {
      try {
        await store.close();
        if (database !== storeDatabase) await database.close();
      } finally {
        release();
      }
    },
  };
}
