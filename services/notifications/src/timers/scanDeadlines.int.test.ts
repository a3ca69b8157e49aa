import { randomUUID } from 'node:crypto';
import { createNotificationsService } from '../service/createNotificationsService';
import { appendStory, untilDecision } from '../testing/caseStories';
import { testAuthenticator } from '../testing/testAuthenticator';
import { testClock } from '../testing/testClock';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase';

describe('deadline timers', () => {
  let database: TestDatabase;
  const time = testClock('2024-04-05T10:00:00Z');
  const newService = () =>
    createNotificationsService({
      store: database.store,
      db: database.db,
      authenticate: testAuthenticator,
      clock: time.clock,
      email: null,
      timers: { intervalMs: 20, batchSize: 2 },
    });
  const deadlineIntents = async (caseId: string) =>
    (
      await database.db.query<{ rule: string; recipient_role: string }>(
        `SELECT rule, recipient_role FROM notification_intents WHERE case_id = $1 AND event_id IS NULL ORDER BY rule, recipient_role`,
        [caseId],
      )
    ).map((row) => `${row.rule} → ${row.recipient_role}`);

  beforeAll(async () => {
    database = await openTestDatabase();
  }, 120_000);
  afterAll(async () => {
    await database.close();
  });

  it('fire once when a deadline passes, however often they run, and catch up after a restart', async () => {
    const caseId = randomUUID();
    await appendStory(database.store, caseId, untilDecision);
    const service = await newService();
    await service.start({ timers: false, dispatcher: false });
    await service.catchUp();

    time.set('2024-05-01T10:00:00Z');
    await service.scanDeadlines();
    expect(await deadlineIntents(caseId)).toEqual([]);

    // Received 2024-04-03: the 5-week decision norm ran out on 2024-05-08.
    time.set('2024-05-09T10:00:00Z');
    await service.scanDeadlines();
    await service.scanDeadlines();
    expect(await deadlineIntents(caseId)).toEqual([
      'decision-overdue → smi-officer',
      'decision-overdue → toeslagen-team-lead',
    ]);
    await service.close();

    // Down for three days: SMI (until 2024-05-31) came within 21 days meanwhile. A fresh instance
    // finds that at its first scan and does not repeat the overdue decision.
    time.set('2024-05-12T10:00:00Z');
    const restarted = await newService();
    await restarted.start({ feed: false, dispatcher: false });
    await restarted.scanDeadlines();
    await restarted.close();
    expect(await deadlineIntents(caseId)).toEqual([
      'decision-overdue → smi-officer',
      'decision-overdue → toeslagen-team-lead',
      'smi-ending-without-kot → bewindvoerder',
      'smi-ending-without-kot → smi-officer',
    ]);
  });

  it('run on their interval, page through every open case, and reach the escalation inbox', async () => {
    const caseIds: string[] = [randomUUID(), randomUUID(), randomUUID()];
    for (const caseId of caseIds) await appendStory(database.store, caseId, ['open', 'offer']);
    const service = await newService();
    await service.start({ timers: false, dispatcher: false });
    await service.catchUp();
    await service.close();

    // Offered on 2024-03-05 with a 10-day claim norm: unclaimed, escalated to the team lead.
    time.set('2024-03-20T10:00:00Z');
    const timers = await newService();
    await timers.start({ feed: false, dispatcher: false });
    let found: string[][] = [];
    for (
      let round = 0;
      round < 100 && (found.length === 0 || found.some((rules) => rules.length < 2));
      round++
    ) {
      found = await Promise.all(caseIds.map(deadlineIntents));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await timers.close();
    expect(found).toHaveLength(3);
    for (const rules of found) {
      expect(rules).toEqual(['case-unclaimed → smi-officer', 'case-unclaimed → smi-team-lead']);
    }

    await timers.drain();
    const lead = { id: 'u-lead', role: 'smi-team-lead', organisation: 'GM0344' } as const;
    const inbox = await timers.api.inbox(lead, { unreadOnly: true, first: 50, after: null });
    const unclaimed = inbox.messages.filter(
      (m) => caseIds.includes(m.caseId) && m.rule === 'case-unclaimed',
    );
    expect(unclaimed).toHaveLength(3);
  });
});
