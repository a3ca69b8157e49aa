import { randomUUID } from 'node:crypto';
import { createNotificationsService } from '../service/createNotificationsService';
import { appendStory, untilDecision } from '../testing/caseStories';
import type { CaseEvent } from '@kot/domain';
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
      'smi-ending-without-kot → household',
      'smi-ending-without-kot → smi-officer',
    ]);
    const [overdue] = await database.db.query<{ deadline: string; about_date: string }>(
      `SELECT deadline, about_date FROM notification_intents
        WHERE case_id = $1 AND rule = 'decision-overdue' LIMIT 1`,
      [caseId],
    );
    expect(overdue).toEqual({
      deadline: 'decide-application/2024-04-03',
      about_date: '2024-05-08',
    });
  });

  it('run on their interval, page through every open case, and reach the escalation inbox', async () => {
    const caseIds: string[] = [randomUUID(), randomUUID(), randomUUID()];
    for (const caseId of caseIds) await appendStory(database.store, caseId, ['open', 'offer']);
    time.set('2024-03-06T10:00:00Z');
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
      round < 100 && (found.length === 0 || found.some((rules) => rules.length < 3));
      round++
    ) {
      found = await Promise.all(caseIds.map(deadlineIntents));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await timers.close();
    expect(found).toHaveLength(3);
    for (const rules of found) {
      expect(rules).toEqual([
        'case-unclaimed → smi-officer',
        'case-unclaimed → smi-team-lead',
        'offer-overdue → bewindvoerder',
      ]);
    }

    await timers.drain();
    const lead = { id: 'u-lead', role: 'smi-team-lead', organisation: 'GM0344' } as const;
    const inbox = await timers.api.inbox(lead, { unreadOnly: true, first: 50, after: null });
    const unclaimed = inbox.messages.filter(
      (m) => caseIds.includes(m.caseId) && m.rule === 'case-unclaimed',
    );
    expect(unclaimed).toHaveLength(3);
  });

  it('look at every due case in the end, a bounded number per scan, each scan going on where the last stopped', async () => {
    const caseIds = Array.from({ length: 5 }, () => randomUUID());
    const histories = new Map<string, CaseEvent[]>();
    for (const caseId of caseIds)
      histories.set(caseId, await appendStory(database.store, caseId, ['open', 'offer']));
    time.set('2024-03-06T10:00:00Z');
    const service = await createNotificationsService({
      store: database.store,
      db: database.db,
      authenticate: testAuthenticator,
      clock: time.clock,
      email: null,
      timers: { batchSize: 1, maxCases: 2 },
    });
    await service.start({ timers: false, dispatcher: false });
    await service.catchUp();

    time.set('2024-03-21T10:00:00Z');
    const scans = [];
    for (let round = 0; round < 20; round++) {
      const scan = await service.scanDeadlines();
      scans.push(scan);
      if (scan.complete && scan.casesScanned === 0) break;
    }
    expect(scans.every((scan) => scan.casesScanned <= 2)).toBe(true);
    expect(scans.at(-1)).toEqual({ casesScanned: 0, intents: 0, complete: true });
    for (const caseId of caseIds) {
      expect(await deadlineIntents(caseId)).toEqual([
        'case-unclaimed → smi-officer',
        'case-unclaimed → smi-team-lead',
        'offer-overdue → bewindvoerder',
      ]);
    }

    // Checked today: not folded again until tomorrow, or until one of its events arrives.
    expect((await service.scanDeadlines()).casesScanned).toBe(0);
    await appendStory(database.store, caseIds[0]!, ['claim'], histories.get(caseIds[0]!));
    await service.catchUp();
    expect(await service.scanDeadlines()).toMatchObject({ casesScanned: 1, complete: true });
    time.set('2024-03-22T10:00:00Z');
    let nextDay = 0;
    for (let round = 0; round < 20; round++) {
      const scan = await service.scanDeadlines();
      nextDay += scan.casesScanned;
      if (scan.complete && scan.casesScanned === 0) break;
    }
    expect(nextDay).toBeGreaterThanOrEqual(caseIds.length);
    await service.close();
  });
});
