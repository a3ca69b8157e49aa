/* eslint-disable @typescript-eslint/no-explicit-any -- answers are checked by shape */
// Worklists order by urgency, not by due date: a family without funding today first, then one
// about to lose it, then late steps, then the rest; each item says why it stands where it stands.
import { randomUUID } from 'node:crypto';
import { actors, at, openReferral } from '@kot/domain/testing';
import { runSteps } from '../testing/caseWriter';
import { describeEachDatabase, type OpenedTestStore } from '../testing/testDatabases';
import { startTestServer, type TestServer } from '../testing/startTestServer';

const now = new Date('2024-04-20T10:00:00.000Z');

describeEachDatabase('The worklist, most urgent first', (database) => {
  let opened: OpenedTestStore;
  let api: TestServer;
  const onTime = randomUUID();
  const late = randomUUID();
  const atRisk = randomUUID();
  const unfunded = randomUUID();

  beforeAll(async () => {
    opened = await database.open();
    api = await startTestServer(opened, () => now);
    const refer = (caseId: string, on: string, smiTo: string) =>
      runSteps(opened.store, [
        [
          openReferral({ caseId, smiPeriod: { from: '2024-01-01', to: smiTo } }),
          at(on, actors.officer),
        ],
      ]);
    await refer(onTime, '2024-04-18', '2024-12-31'); // to offer by 25 April
    await refer(late, '2024-04-01', '2024-12-31'); // to offer by 8 April: 12 days late
    await refer(atRisk, '2024-04-19', '2024-05-05'); // SMI ends in 15 days, nothing after it
    await refer(unfunded, '2024-04-15', '2024-04-10'); // referred after SMI had ended
    await api.service.whenCaughtUp();
  });
  afterAll(async () => {
    await api.close();
    await opened.close();
  });

  it('puts no funding today first, then funding at risk, then late steps, then the rest, and says why', async () => {
    const query = `query ($first: Int, $after: String) {
      worklist(first: $first, after: $after) {
        items { caseId action due urgency { rank kind reason { nl en } } }
        pageInfo { endCursor hasNextPage }
      }
    }`;
    const { data, errors } = await api.gql<{ worklist: any }>(actors.officer, query, { first: 10 });
    expect(errors).toBeUndefined();
    const items = data!.worklist.items as Array<Record<string, any>>;
    expect(items.map((item) => [item['caseId'], item['urgency'].kind, item['action']])).toEqual([
      [unfunded, 'unfunded-today', 'secure-funding'],
      [atRisk, 'funding-at-risk', 'offer-to-supporter'],
      [late, 'overdue', 'offer-to-supporter'],
      [onTime, 'on-time', 'offer-to-supporter'],
    ]);
    expect(items[0]!['urgency'].reason.en).toBe(
      'The family has had no funding for childcare since 2024-04-11 (10 days).',
    );
    expect(items[2]!['urgency'].reason.nl).toBe('12 dagen te laat (uiterlijk 2024-04-08).');

    // Page by page, the order holds across the cursor.
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const answer: any = await api.gql<{ worklist: any }>(actors.officer, query, {
        first: 1,
        after,
      });
      seen.push(...answer.data.worklist.items.map((item: { caseId: string }) => item.caseId));
      if (!answer.data.worklist.pageInfo.hasNextPage) break;
      after = answer.data.worklist.pageInfo.endCursor;
    }
    expect(seen).toEqual([unfunded, atRisk, late, onTime]);
  });
});
