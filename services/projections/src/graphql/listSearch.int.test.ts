/* eslint-disable @typescript-eslint/no-explicit-any -- answers are checked by shape */
// The lists a caseworker works from: the family's name beside the short case number for those who
// may see it, a search by name, BSN or case number (every search on personal data recorded as an
// auditor's read is), and the worklist in the order the caseworker chooses.
import { randomUUID } from 'node:crypto';
import { caseNumberOf, syntheticBsn } from '@kot/domain';
import {
  actors,
  at,
  couple,
  openReferral,
  partnerWithIndication,
  workingPartner,
} from '@kot/domain/testing';
import { runSteps } from '../testing/caseWriter';
import { describeEachDatabase, type OpenedTestStore } from '../testing/testDatabases';
import { startTestServer, type TestServer } from '../testing/startTestServer';

const now = new Date('2024-04-20T10:00:00.000Z');

const worklist = `query ($search: String, $sort: WorklistSort, $first: Int, $after: String) {
  worklist(search: $search, sort: $sort, first: $first, after: $after) {
    items { caseId caseNumber familyName due openedOn urgency { kind } }
    pageInfo { endCursor hasNextPage }
  }
}`;
const cases = `query ($search: String) {
  cases(search: $search) { items { caseId caseNumber familyName } }
}`;

describeEachDatabase('Searching and ordering the lists', (database) => {
  let opened: OpenedTestStore;
  let api: TestServer;
  const deBoer = randomUUID();
  const yilmaz = randomUUID();
  const verbeek = randomUUID();
  const yilmazBsn = syntheticBsn(921);

  beforeAll(async () => {
    opened = await database.open();
    api = await startTestServer(opened, () => now);
    const refer = (caseId: string, on: string, smiTo: string, names?: [string, string, string?]) =>
      runSteps(opened.store, [
        [
          openReferral({
            caseId,
            smiPeriod: { from: '2024-01-01', to: smiTo },
            household: names
              ? {
                  composition: 'partners',
                  partners: [
                    partnerWithIndication({
                      name: names[0],
                      ...(names[2] ? { bsn: names[2] } : {}),
                    }),
                    workingPartner({ name: names[1] }),
                  ],
                }
              : couple(),
          }),
          at(on, actors.officer),
        ],
      ]);
    await refer(deBoer, '2024-04-18', '2024-12-31', ['Sem de Boer', 'Eva de Boer']); // due 25 April
    await refer(yilmaz, '2024-04-01', '2024-12-31', ['Ahmed Yilmaz', 'Noor Yılmaz', yilmazBsn]); // late
    await refer(verbeek, '2024-04-10', '2024-05-05'); // funding at risk, due 17 April
    await api.service.whenCaughtUp();
  });
  afterAll(async () => {
    await api.close();
    await opened.close();
  });

  const readsOf = async (caseId: string) =>
    (
      await api.gql<{ personalDataReads: Array<{ what: string; query: string; actor: any }> }>(
        actors.auditor,
        `query ($id: ID!) { personalDataReads(caseId: $id) { what query actor { id } } }`,
        { id: caseId },
      )
    ).data!.personalDataReads;

  it("shows the family's name and the short case number to the municipality's officer", async () => {
    const { data, errors } = await api.gql<{ worklist: any }>(actors.officer, worklist, {});
    expect(errors).toBeUndefined();
    const byCase = new Map<string, any>(
      data!.worklist.items.map((item: any) => [item.caseId, item]),
    );
    expect(byCase.get(deBoer)).toMatchObject({
      caseNumber: caseNumberOf(deBoer),
      familyName: 'de Boer',
    });
    expect(byCase.get(yilmaz)!.familyName).toBe('Yilmaz / Yılmaz');
    expect(byCase.get(verbeek)!.familyName).toBe('Verbeek');
    // Showing the name to the family's own municipality is no search: nothing is recorded.
    await expect(readsOf(deBoer)).resolves.toEqual([]);
  });

  it('finds a family by part of a name or by BSN and records each such search for the case found', async () => {
    const byName = await api.gql<{ worklist: any }>(actors.officer, worklist, { search: 'boer' });
    expect(byName.data!.worklist.items.map((item: any) => item.caseId)).toEqual([deBoer]);
    const byBsn = await api.gql<{ worklist: any }>(actors.officer, worklist, {
      search: `${yilmazBsn.slice(0, 4)} ${yilmazBsn.slice(4)}`,
    });
    expect(byBsn.data!.worklist.items.map((item: any) => item.caseId)).toEqual([yilmaz]);
    const viaCaseList = await api.gql<{ cases: any }>(actors.officer, cases, { search: 'Yilmaz' });
    expect(viaCaseList.data!.cases.items.map((item: any) => item.caseId)).toEqual([yilmaz]);

    await expect(readsOf(deBoer)).resolves.toEqual([
      { what: 'search: name or BSN', query: 'worklist', actor: { id: actors.officer.id } },
    ]);
    const yilmazReads = await readsOf(yilmaz);
    expect(yilmazReads.map((read) => read.query)).toEqual(['worklist', 'cases']);
    await expect(readsOf(verbeek)).resolves.toEqual([]);
  });

  it('finds a case by its number without reading personal data, and records nothing', async () => {
    const { data } = await api.gql<{ worklist: any }>(actors.officer, worklist, {
      search: caseNumberOf(verbeek).toLowerCase(),
    });
    expect(data!.worklist.items.map((item: any) => item.caseId)).toEqual([verbeek]);
    await expect(readsOf(verbeek)).resolves.toEqual([]);
  });

  it('never finds a family by name for a reader who may not see who the family is', async () => {
    const privacy = await api.gql<{ cases: any }>(actors.privacyOfficer, cases, { search: 'boer' });
    expect(privacy.data!.cases.items).toEqual([]);
    const all = await api.gql<{ cases: any }>(actors.privacyOfficer, cases, {});
    expect(all.data!.cases.items.length).toBe(3);
    expect(all.data!.cases.items.every((item: any) => item.familyName === null)).toBe(true);
  });

  it("records the names an auditor's case list shows, one read per case", async () => {
    const before = (await readsOf(verbeek)).length;
    const { data } = await api.gql<{ cases: any }>(actors.auditor, cases, {});
    expect(data!.cases.items.find((item: any) => item.caseId === verbeek).familyName).toBe(
      'Verbeek',
    );
    const reads = await readsOf(verbeek);
    expect(reads.length).toBe(before + 1);
    expect(reads[reads.length - 1]).toEqual({
      what: 'household.partners.name',
      query: 'cases',
      actor: { id: actors.auditor.id },
    });
  });

  it('reads no names for a list that does not show them, and records no read', async () => {
    const before = (await readsOf(verbeek)).length;
    const { data } = await api.gql<{ cases: any }>(
      actors.auditor,
      'query { cases { items { caseId caseNumber } } }',
    );
    expect(data!.cases.items.map((item: any) => item.caseId)).toContain(verbeek);
    await expect(readsOf(verbeek)).resolves.toHaveLength(before);
  });

  it('orders the worklist by urgency, by due date or by age, page by page', async () => {
    const order = async (sort: string) => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 5; page++) {
        const answer: any = await api.gql(actors.officer, worklist, { sort, first: 1, after });
        seen.push(...answer.data.worklist.items.map((item: { caseId: string }) => item.caseId));
        if (!answer.data.worklist.pageInfo.hasNextPage) break;
        after = answer.data.worklist.pageInfo.endCursor;
      }
      return seen;
    };
    await expect(order('URGENCY')).resolves.toEqual([verbeek, yilmaz, deBoer]);
    await expect(order('DUE')).resolves.toEqual([yilmaz, verbeek, deBoer]);
    await expect(order('AGE')).resolves.toEqual([yilmaz, verbeek, deBoer]);
  });

  it('refuses a search text longer than any name or number, in words', async () => {
    const { errors } = await api.gql(actors.officer, worklist, { search: 'x'.repeat(101) });
    expect(errors?.[0]?.message).toMatch(/ten hoogste 100 tekens|at most 100 characters/);
  });
});
