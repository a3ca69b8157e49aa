import { randomUUID } from 'node:crypto';
import { caseStreamId } from '@kot/domain';
import type { SqlDatabase } from '@kot/eventstore';
import { createNotificationsService } from '../service/createNotificationsService';
import { appendStory, untilDecision } from '../testing/caseStories';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase';
import { testAuthenticator } from '../testing/testAuthenticator';
import { testClock } from '../testing/testClock';
import { applyCaseEvents } from './applyCaseEvents';

const intentsOf = async (db: SqlDatabase, caseId: string) =>
  db.query<{ id: string; rule: string; recipient_role: string; params: unknown }>(
    'SELECT id, rule, recipient_role, params FROM notification_intents WHERE case_id = $1 ORDER BY id',
    [caseId],
  );

describe.each(['postgres', 'pglite'] as const)('the rules subscriber on %s', (engine) => {
  let database: TestDatabase;
  const time = testClock('2024-05-01T08:00:00Z');
  const newService = () =>
    createNotificationsService({
      store: database.store,
      db: database.db,
      authenticate: testAuthenticator,
      clock: time.clock,
      email: null,
    });

  // One database per engine for the whole file (PGlite takes seconds to create); each test has its
  // own case, and every service instance resumes from the shared checkpoint like a restart does.
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  }, 120_000);
  afterAll(async () => {
    await database.close();
  });

  it('puts one intent per rule and recipient in the outbox for a case run to its decision', async () => {
    const caseId = randomUUID();
    await appendStory(database.store, caseId, [...untilDecision, 'reject']);
    const service = await newService();
    await service.start({ timers: false, dispatcher: false });
    await service.catchUp();
    await service.close();

    const intents = await intentsOf(database.db, caseId);
    const rules = intents.map((intent) => `${intent.rule} → ${intent.recipient_role}`).sort();
    expect(rules).toEqual(
      [
        'case-offered → bewindvoerder',
        'case-claimed → smi-officer',
        'kot-requested → toeslagen-officer',
        'indication-check-requested → toeslagen-officer',
        'forms-sent → bewindvoerder',
        'application-submitted → toeslagen-officer',
        'kot-decided → smi-officer',
        'kot-decided → bewindvoerder',
        'kot-decided → household',
        'kot-decided → toeslagen-officer',
        'kot-rejected-continue-smi → smi-officer',
        'kot-rejected-objection-deadline → bewindvoerder',
        'kot-rejected-objection-deadline → household',
      ].sort(),
    );
  });

  it('keeps the case state without names or BSNs, and adds nothing when restarted or fed the same events again', async () => {
    const caseId = randomUUID();
    await appendStory(database.store, caseId, ['open', 'offer', 'claim']);
    const first = await newService();
    await first.start({ timers: false, dispatcher: false });
    await first.catchUp();
    await first.close();
    const before = await intentsOf(database.db, caseId);

    // A restart resumes from the checkpoint; a redelivery (the same events once more) is ignored.
    const second = await newService();
    await second.start({ timers: false, dispatcher: false });
    await second.catchUp();
    await second.close();
    const events = await database.store.readStream(caseStreamId(caseId));
    await database.db.transaction((tx) => applyCaseEvents(tx, events, time.clock()));
    expect(await intentsOf(database.db, caseId)).toEqual(before);

    const [row] = await database.db.query<{ state: unknown; stream_revision: unknown }>(
      'SELECT state, stream_revision FROM notification_case_states WHERE case_id = $1',
      [caseId],
    );
    expect(Number(row?.stream_revision)).toBe(events.length - 1);
    const stored = JSON.stringify(row?.state);
    expect(stored).toContain('"status":"claimed"');
    for (const personal of ['Verbeek', 'Marieke', 'Fenna', '1988-04-12']) {
      expect(stored).not.toContain(personal);
    }
  });

  it('carries on from where it was when new events arrive after a restart', async () => {
    const caseId = randomUUID();
    const history = await appendStory(database.store, caseId, ['open', 'offer']);
    const first = await newService();
    await first.start({ timers: false, dispatcher: false });
    await first.catchUp();
    await first.close();
    await appendStory(database.store, caseId, ['claim'], history);
    const second = await newService();
    await second.start({ timers: false, dispatcher: false });
    await second.catchUp();
    await second.close();
    expect((await intentsOf(database.db, caseId)).map((intent) => intent.rule).sort()).toEqual([
      'case-claimed',
      'case-offered',
    ]);
  });
});
