// Test support: the contract subject for a SqlDatabase, with tamper hooks that edit the events
// table directly (what an attacker with database access could do).

import type { EventStoreContractSubject } from '../contract/contractSubject';
import { createSqlEventStore } from './createSqlEventStore';
import type { SqlDatabase } from './sqlDatabase';

export async function createSqlContractSubject(
  database: SqlDatabase,
  release: () => Promise<void>,
  /**
   * A new connection to the same data, as another process would open (PostgreSQL: its own pool and
   * LISTEN connection). Omitted on PGlite, whose one connection the other stores then share.
   */
  connectAgain?: () => Promise<SqlDatabase>,
): Promise<EventStoreContractSubject> {
  // A short fallback poll would hide lost wake-ups: keep the production default.
  const store = await createSqlEventStore(database);
  return {
    store,
    database,
    openAnotherStore: connectAgain
      ? async () => createSqlEventStore(await connectAgain(), { ownsDatabase: true })
      : () => createSqlEventStore(database),
    tamper: {
      async alterData(streamId, revision, data) {
        await database.query(
          'UPDATE events SET data = $3::jsonb WHERE stream_id = $1 AND revision = $2',
          [streamId, revision, JSON.stringify(data)],
        );
      },
      async remove(streamId, revision) {
        await database.query('DELETE FROM events WHERE stream_id = $1 AND revision = $2', [
          streamId,
          revision,
        ]);
      },
      async swap(streamId, revisionA, revisionB) {
        await database.transaction(async (tx) => {
          const move = 'UPDATE events SET revision = $3 WHERE stream_id = $1 AND revision = $2';
          await tx.query(move, [streamId, revisionA, -1]);
          await tx.query(move, [streamId, revisionB, revisionA]);
          await tx.query(move, [streamId, -1, revisionB]);
        });
      },
    },
    async close() {
      await store.close();
      await release();
    },
  };
}
