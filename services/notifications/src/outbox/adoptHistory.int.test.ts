import { randomUUID } from 'node:crypto';
import type { SqlDatabase } from '@kot/eventstore';
import { createNotificationsService } from '../service/createNotificationsService';
import { appendStory } from '../testing/caseStories';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase';
import { testAuthenticator } from '../testing/testAuthenticator';
import { testClock } from '../testing/testClock';
import { adoptHistoryAsNotified } from './adoptHistory';

const rulesOf = async (db: SqlDatabase, caseId: string) =>
  (
    await db.query<{ rule: string }>(
      'SELECT rule FROM notification_intents WHERE case_id = $1 ORDER BY id',
      [caseId],
    )
  ).map((row) => row.rule);

describe.each(['postgres', 'pglite'] as const)(
  'a history taken over as notified on %s',
  (engine) => {
    let database: TestDatabase;
    const time = testClock('2024-05-01T08:00:00Z');

    beforeAll(async () => {
      database = await openTestDatabase(engine);
    }, 120_000);
    afterAll(async () => {
      await database.close();
    });

    it('folds every case, notifies none of it, and notifies what happens next without a gap', async () => {
      const caseId = randomUUID();
      const history = await appendStory(database.store, caseId, ['open', 'offer']);

      const head = await adoptHistoryAsNotified(database.store, database.db, time.clock);

      expect(await rulesOf(database.db, caseId)).toEqual([]);
      const [row] = await database.db.query<{ stream_revision: unknown }>(
        'SELECT stream_revision FROM notification_case_states WHERE case_id = $1',
        [caseId],
      );
      expect(Number(row?.stream_revision)).toBe(history.length - 1);
      const [newest] = await database.db.query<{ position: unknown }>(
        'SELECT max(position) AS position FROM events',
      );
      expect(head).toBe(Number(newest?.position));

      // The service starts after the head, folds the next event onto the adopted state and tells
      // whom the claim concerns: the case's own offer and referral stay unannounced.
      await appendStory(database.store, caseId, ['claim'], history);
      const service = await createNotificationsService({
        store: database.store,
        db: database.db,
        authenticate: testAuthenticator,
        clock: time.clock,
        email: null,
      });
      await service.start({ timers: false, dispatcher: false });
      await service.catchUp();
      await service.close();
      expect(await rulesOf(database.db, caseId)).toEqual(['case-claimed']);
    });
  },
);
