// From the platform's configuration to the store and database the read side needs, for main.ts
// and the replay command. The launcher composes its own and passes them to the factory instead.
import { personalFields } from '@kot/domain';
import {
  createSqlKeyStore,
  openEventStore,
  protectPersonalData,
  type EventStore,
  type SqlDatabase,
} from '@kot/eventstore';
import type { PlatformConfig } from '@kot/platform';

export async function openReadSideStore(
  config: PlatformConfig,
): Promise<{ store: EventStore; db: SqlDatabase }> {
  if (config.eventStore.kind === 'kurrentdb') {
    throw new Error(
      'EVENTSTORE=kurrentdb: the projections keep their read models in SQL; run them with EVENTSTORE=postgres',
    );
  }
  if (!config.personalDataMasterKey) {
    throw new Error(
      'PERSONAL_DATA_MASTER_KEY: required for the projections on their own (the key the write side uses), to show personal data to those who may see it',
    );
  }
  const opened = await openEventStore(config.eventStore);
  if (!opened.database) throw new Error('The event store has no SQL database for the read models');
  const keyStore = await createSqlKeyStore(opened.database, {
    masterKey: config.personalDataMasterKey,
  });
  return {
    store: protectPersonalData(opened.store, { keyStore, personalFields }),
    db: opened.database,
  };
}
