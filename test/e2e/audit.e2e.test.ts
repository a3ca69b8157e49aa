// What auditors and the people in a case rely on afterwards: the case as the platform knew it at
// a moment, read models that a rebuild from the log reproduces exactly, an intact hash chain, and
// personal data shown only to those who may see it, with every auditor's read of it recorded.
import { actors } from '@kot/domain/testing';
import { bringTo } from './applicationSteps';
import { day, family, kotStart, type Family } from './families';
import { overHttp, refusalOf, type OverHttp } from './overHttp';
import { demoUserKeys, describeOnEachEngine } from './platformUnderTest';

const caseAsOfQuery = `query AsOf($id: ID!, $at: DateTimeISO!) {
  caseAsOf(id: $id, at: $at, timeAxis: RECORDED) {
    status eventCount revision claim { by { organisation role } }
    nextStep { action due responsible { organisation role } }
  }
}`;

/** Everything a case shows without personal data: what a rebuild must reproduce. */
const caseDetailQuery = `query Detail($id: ID!) { case(id: $id) {
  id viewLevel status statusSince municipality referredOn revision computedAt
  referringOfficer { organisation role personId }
  offer { to { organisation role } offeredOn }
  claim { by { organisation role personId } claimedOn mandate { type validFrom validUntil } }
  indication { partnerId kind validFrom source }
  request { channel requestedOn } application { submittedOn requestedStart receivedOn }
  decision { outcome decidedOn grantedFrom reason } objection { filedOn against upheld }
  closure { on outcome }
  eligibility { verdict on conditions { code met } }
  nextStep { action since due overdue daysOverdue responsible { organisation role } escalateTo { organisation role } deadline { date } }
  fundingCoverage { today fundedToday fundedUntil gapDays daysAtRisk atRisk smiEndsOn
    smi { from to } kot { from to } gaps { from to days } }
} }`;

const reportQuery = `query Report($municipality: String) { report(municipality: $municipality) {
  municipality referred claimed requested applied decided granted rejected
  eligibility { key count } rejectedByReason { key count }
  openCases overdueSteps openGaps casesWithGaps casesWithUnacceptedGaps atRisk
  medianDays { referralToClaim claimToRequest requestToApplication applicationToDecision referralToDecision }
} }`;

const personalQuery = `query Personal($id: ID!) { case(id: $id) {
  viewLevel household { partners { name bsn } } children { name }
} }`;

describeOnEachEngine('what auditors and the people in a case can rely on', (platform) => {
  let http: OverHttp;
  /** Cases at telling stages: offered, claimed, awaiting a decision, rejected with a gap, granted. */
  const caseload: Family[] = [];

  beforeAll(async () => {
    http = overHttp(platform());
    const [offered, claimed, awaiting, rejected, granted] = [1, 2, 3, 4, 5].map(() => family());
    caseload.push(offered!, claimed!, awaiting!, rejected!, granted!);
    await bringTo(http, offered!, 'OfferCase');
    await bringTo(http, claimed!, 'ClaimCase');
    await bringTo(http, awaiting!, 'RecordApplicationReceived');
    await bringTo(http, rejected!, 'RecordApplicationReceived');
    await http.carryOut(
      'toeslagen-officer',
      'RejectKot',
      { caseId: rejected!.caseId, reason: 'partner-not-working', explanation: 'Werkt niet.' },
      'rest',
    );
    await http.carryOut('smi-officer-utrecht', 'EndSmi', {
      caseId: rejected!.caseId,
      lastDay: day(-10),
      acceptGapReason: 'Geen SMI met terugwerkende kracht.',
    });
    await bringTo(http, granted!, 'RecordApplicationReceived');
    await http.carryOut(
      'toeslagen-officer',
      'GrantKot',
      { caseId: granted!.caseId, grantedFrom: kotStart },
      'rest',
    );
  }, 60_000);

  it('shows the case as the platform knew it just before a claim and just after it, on the recorded time axis', async () => {
    const f = family();
    await bringTo(http, f, 'ClaimCase');
    const history = await http.history(f.caseId);
    const recordedAt = (type: string) =>
      history.find((entry) => entry.type === type)?.recordedAt as string;
    const [opened, offered, claimed] = [
      recordedAt('ReferralOpened'),
      recordedAt('CaseOffered'),
      recordedAt('CaseClaimed'),
    ];
    expect(Date.parse(claimed)).toBeGreaterThan(Date.parse(offered));
    const asOf = (at: string) =>
      http.query<{ caseAsOf: unknown }>('smi-officer-utrecht', caseAsOfQuery, {
        id: f.caseId,
        at,
      });

    expect((await asOf(offered)).data?.caseAsOf).toEqual({
      status: 'referred',
      eventCount: 2,
      revision: 1,
      claim: null,
      nextStep: {
        action: 'get-case-claimed',
        due: day(10),
        responsible: { organisation: 'GM0344', role: 'smi-officer' },
      },
    });
    expect((await asOf(claimed)).data?.caseAsOf).toEqual({
      status: 'claimed',
      eventCount: 3,
      revision: 2,
      claim: { by: { organisation: 'org-bewind-horizon', role: 'bewindvoerder' } },
      nextStep: {
        action: 'request-kot',
        due: day(7),
        responsible: { organisation: 'org-bewind-horizon', role: 'bewindvoerder' },
      },
    });
    const beforeTheReferral = new Date(Date.parse(opened) - 1).toISOString();
    expect(refusalOf(await asOf(beforeTheReferral)).code).toBe('NOT_FOUND');
  });

  it('rebuilds every read model from the log into exactly the answers the live ones gave for cases, worklists and reports', async () => {
    const snapshot = async () => ({
      cases: await Promise.all(
        caseload.map((f) => http.query('auditor', caseDetailQuery, { id: f.caseId })),
      ),
      worklists: await Promise.all(demoUserKeys.map((key) => http.worklist(key))),
      reports: await Promise.all([
        http.query('auditor', reportQuery),
        http.query('smi-officer-utrecht', reportQuery, { municipality: 'GM0344' }),
        http.query('toeslagen-officer', reportQuery),
      ]),
      list: await http.query(
        'auditor',
        '{ cases(first: 100) { items { caseId status nextAction due overdue gapDays atRisk } } }',
      ),
    });
    const live = await snapshot();
    // Not an empty comparison: the caseload is there, with its worklist lines and figures.
    expect(live.cases.every((answer) => answer.errors.length === 0)).toBe(true);
    expect(live.reports[0]?.data).toMatchObject({
      report: { granted: 1, rejected: 1, casesWithGaps: 1 },
    });

    const rebuilt = await http.query<{
      rebuildProjections: Array<{
        projection: string;
        generation: number;
        previousGeneration: number;
      }>;
    }>('auditor', 'mutation { rebuildProjections { projection generation previousGeneration } }');
    expect(rebuilt.errors).toEqual([]);
    const generations = rebuilt.data?.rebuildProjections ?? [];
    expect(generations.map((g) => g.projection).sort()).toEqual(['case-history', 'case-summary']);
    for (const g of generations) expect(g.generation).toBe(g.previousGeneration + 1);

    expect(await snapshot()).toEqual(live);
  });

  it('confirms to an auditor that the hash chain of every case in the caseload is intact', async () => {
    for (const f of caseload) {
      const history = await http.history(f.caseId);
      const answer = await http.query<{ verifyIntegrity: unknown }>(
        'auditor',
        'query($id: ID!) { verifyIntegrity(id: $id) { valid eventCount firstInvalidRevision } }',
        { id: f.caseId },
      );
      expect(answer.data?.verifyIntegrity).toEqual({
        valid: true,
        eventCount: history.filter((entry) => entry.notification === null).length,
        firstInvalidRevision: null,
      });
    }
  });

  it('answers NOT_FOUND to an integrity check of a case that never existed, rather than calling it valid', async () => {
    const answer = await http.query(
      'auditor',
      'query ($id: ID!) { verifyIntegrity(id: $id) { valid eventCount } }',
      { id: family().caseId },
    );
    expect(refusalOf(answer).code).toBe('NOT_FOUND');
    expect(answer.data).toBeNull();
  });

  it("shows a supporter who was offered the case only its summary, and the family's names once it has claimed it", async () => {
    const f = family();
    await bringTo(http, f, 'OpenReferral');
    await http.carryOut('smi-officer-utrecht', 'OfferCase', {
      caseId: f.caseId,
      to: { organisation: actors.clientSupporter.organisation, role: 'CLIENT_SUPPORTER' },
    });

    const offered = await http.query('client-supporter', personalQuery, { id: f.caseId });
    expect(offered.errors).toEqual([]);
    expect(offered.data).toEqual({
      case: {
        viewLevel: 'SUMMARY',
        household: {
          partners: [
            { name: null, bsn: null },
            { name: null, bsn: null },
          ],
        },
        children: [{ name: null }],
      },
    });
    expect(JSON.stringify(offered)).not.toContain(f.names.working);

    await http.carryOut('client-supporter', 'ClaimCase', {
      caseId: f.caseId,
      mandate: { type: 'WRITTEN_VOLMACHT', partnerIds: ['p1', 'p2'], validFrom: '2024-01-01' },
    });
    const claimed = await http.query<{
      case: { viewLevel: string; household: { partners: Array<{ name: string }> } };
    }>('client-supporter', personalQuery, { id: f.caseId });
    expect(claimed.data?.case.viewLevel).toBe('PERSONAL');
    expect(claimed.data?.case.household.partners.map((partner) => partner.name)).toEqual([
      f.names.withIndication,
      f.names.working,
    ]);
  });

  it("records every auditor's read of personal data, with what was shown, and nothing for reads without it or by the case's own supporter", async () => {
    const f = family();
    await bringTo(http, f, 'ClaimCase');
    const reads = async () =>
      (
        await http.query<{
          personalDataReads: Array<{ actor: { id: string }; what: string; query: string }>;
        }>(
          'auditor',
          'query($id: ID!) { personalDataReads(caseId: $id) { actor { id } what query } }',
          { id: f.caseId },
        )
      ).data?.personalDataReads;

    await http.query('bewindvoerder', personalQuery, { id: f.caseId });
    await http.query('auditor', 'query($id: ID!) { case(id: $id) { status } }', { id: f.caseId });
    expect(await reads()).toEqual([]);

    const shown = await http.query('auditor', personalQuery, { id: f.caseId });
    expect(JSON.stringify(shown)).toContain(f.names.withIndication);
    expect(await reads()).toEqual([
      {
        actor: { id: actors.auditor.id },
        what: expect.stringContaining('household.partners.name'),
        query: 'case',
      },
    ]);
  });
});
