// After the grant the family's life goes on (seed 000: KOT set to zero over one wrong number, a
// reclaim after a late grant, SMI that one municipality will not grant retroactively). Four
// stories over HTTP: a change passed to Toeslagen, a corrected fact, the settlement after the year,
// and a municipality's SMI policy that the next step follows. The clock moves with the story.
import { addDays, householdOrganisation } from '@kot/domain';
import { bringTo } from './applicationSteps';
import { family, kotStart, type Family } from './families';
import { overHttp, refusalOf, type Caller, type OverHttp } from './overHttp';
import { describeOnEachEngine, storyDay } from './platformUnderTest';

let today = storyDay;
const movingClock = () => new Date(`${today}T11:00:00.000Z`);
const INBOX_WAIT_MS = 10_000;

const caseQuery = `query Case($id: ID!) { case(id: $id) {
  status
  eligibility { verdict }
  nextStep { action due description { en } responsible { organisation role } }
  householdChanges { changeId changeKind effectiveFrom passedOn processedOn }
  corrections { partnerId previousPartnerId correctedOn checkedOn }
  settlements { year outcome amountCents settledOn }
  reclaimRisk { since changeIds }
  smiPolicy { retroactive maximumMonths extensionLeadDays recorded }
} }`;

interface CaseAnswer {
  case: {
    status: string;
    eligibility: { verdict: string };
    nextStep: {
      action: string;
      due: string;
      description: { en: string };
      responsible: { organisation: string; role: string };
    } | null;
    householdChanges: Array<Record<string, unknown>>;
    corrections: Array<Record<string, unknown>>;
    settlements: Array<Record<string, unknown>>;
    reclaimRisk: { since: string; changeIds: string[] } | null;
    smiPolicy: Record<string, unknown>;
  };
}

describeOnEachEngine(
  'life after the grant',
  (platform) => {
    let http: OverHttp;
    beforeAll(() => {
      http = overHttp(platform());
    });
    beforeEach(() => {
      today = storyDay;
    });

    const caseOf = async (caller: Caller, caseId: string) => {
      const answer = await http.query<CaseAnswer>(caller, caseQuery, { id: caseId });
      if (!answer.data) throw new Error(`case refused: ${JSON.stringify(answer.errors)}`);
      return answer.data.case;
    };

    /** Referred, applied for and granted from the first of the month, SMI ended the day before. */
    async function granted(f: Family) {
      await bringTo(http, f, 'RecordApplicationReceived');
      await http.carryOut(
        'toeslagen-officer',
        'GrantKot',
        { caseId: f.caseId, grantedFrom: kotStart },
        'rest',
      );
      await http.carryOut('smi-officer-utrecht', 'EndSmi', {
        caseId: f.caseId,
        lastDay: addDays(kotStart, -1),
      });
      // The decision letter reached the bewindvoerder: the step after it is the aftercare.
      await http.carryOut('bewindvoerder', 'ConfirmDecisionReceived', {
        caseId: f.caseId,
        channel: 'BERICHTENBOX',
      });
    }

    async function inboxOf(caller: Caller, caseId: string): Promise<string[]> {
      const deadline = Date.now() + INBOX_WAIT_MS;
      let rules: string[] = [];
      while (Date.now() < deadline) {
        const answer = await http.query<{
          inbox: { edges: Array<{ node: { rule: string; caseId: string } }> };
        }>(caller, 'query { inbox(first: 100) { edges { node { rule caseId } } } }');
        rules = (answer.data?.inbox.edges ?? [])
          .map((edge) => edge.node)
          .filter((node) => node.caseId === caseId)
          .map((node) => node.rule);
        if (rules.includes('kot-settled')) return rules;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return rules;
    }

    it('a partner stops working: the bewindvoerder records it, passes it to Toeslagen, and Toeslagen processes it; the reclaim risk shows until it is passed on', async () => {
      const f = family();
      await granted(f);
      const effectiveFrom = addDays(storyDay, -3);
      await http.carryOut('bewindvoerder', 'RecordHouseholdChange', {
        caseId: f.caseId,
        changeKind: 'PARTNER_WORK',
        partnerId: 'p2',
        workStatus: 'NONE',
        effectiveFrom,
      });
      const recorded = await caseOf('bewindvoerder', f.caseId);
      expect(recorded).toMatchObject({
        eligibility: { verdict: 'no' },
        nextStep: {
          action: 'pass-change-to-toeslagen',
          responsible: { organisation: 'org-bewind-horizon', role: 'bewindvoerder' },
        },
        householdChanges: [
          { changeId: 'change-1', changeKind: 'partner-work', effectiveFrom, passedOn: null },
        ],
        reclaimRisk: { since: effectiveFrom, changeIds: ['change-1'] },
      });

      await http.carryOut('bewindvoerder', 'PassChangeToToeslagen', {
        caseId: f.caseId,
        changeId: 'change-1',
      });
      expect(await caseOf('bewindvoerder', f.caseId)).toMatchObject({
        reclaimRisk: null,
        nextStep: { action: 'process-change', responsible: { role: 'toeslagen-officer' } },
      });

      await http.carryOut(
        'toeslagen-officer',
        'RecordChangeProcessed',
        { caseId: f.caseId, changeId: 'change-1' },
        'rest',
      );
      const processed = await caseOf('bewindvoerder', f.caseId);
      expect(processed.householdChanges[0]).toMatchObject({
        passedOn: storyDay,
        processedOn: storyDay,
      });
      expect(processed.nextStep?.action).toBe('aftercare');
    });

    it('the indication was recorded on the wrong partner: the officer corrects it with a reason, the check says unknown until Toeslagen confirms it in CIZ’s data, and the auditor sees who corrected it', async () => {
      const f = family();
      await granted(f);
      await http.carryOut('smi-officer-utrecht', 'CorrectIndicatedPartner', {
        caseId: f.caseId,
        partnerId: 'p2',
        reason: 'Het CIZ-besluit staat op naam van de andere ouder.',
      });
      expect(await caseOf('smi-officer-utrecht', f.caseId)).toMatchObject({
        eligibility: { verdict: 'unknown' },
        nextStep: { action: 'check-correction', responsible: { role: 'toeslagen-officer' } },
        corrections: [
          { partnerId: 'p2', previousPartnerId: 'p1', correctedOn: storyDay, checkedOn: null },
        ],
      });
      const history = await http.history(f.caseId);
      expect(history.find((entry) => entry.type === 'IndicatedPartnerCorrected')).toMatchObject({
        actor: { role: 'smi-officer', organisation: 'GM0344' },
      });

      await http.carryOut(
        'toeslagen-officer',
        'ConfirmWlzIndication',
        { caseId: f.caseId, partnerId: 'p2', kind: 'permanent', validFrom: '2019-06-01' },
        'rest',
      );
      // Now checked: p2 holds the indication and p1 does not work, a clear no with its reason.
      expect(await caseOf('smi-officer-utrecht', f.caseId)).toMatchObject({
        eligibility: { verdict: 'no' },
        corrections: [{ partnerId: 'p2', checkedOn: storyDay }],
      });
    });

    it('after the year Toeslagen settles the allowance, and the household and the bewindvoerder hear of the reclaim', async () => {
      const f = family();
      await granted(f);
      expect((await caseOf('toeslagen-officer', f.caseId)).nextStep?.action).toBe('aftercare');
      today = '2027-01-05';
      expect(await caseOf('toeslagen-officer', f.caseId)).toMatchObject({
        nextStep: {
          action: 'settle-kot',
          due: '2027-12-31',
          responsible: { role: 'toeslagen-officer' },
        },
      });
      const early = await http.post('toeslagen-officer', 'SettleKot', {
        caseId: f.caseId,
        year: 2027,
        outcome: 'reclaim',
        amountCents: 100,
      });
      expect(early.status).toBe(400);
      await http.carryOut(
        'toeslagen-officer',
        'SettleKot',
        { caseId: f.caseId, year: 2026, outcome: 'reclaim', amountCents: 12_500 },
        'rest',
      );
      expect(await caseOf('bewindvoerder', f.caseId)).toMatchObject({
        settlements: [{ year: 2026, outcome: 'reclaim', amountCents: 12_500, settledOn: today }],
        nextStep: { action: 'aftercare' },
      });
      const household = {
        token: await platform().tokenFor({
          id: `u-household-${f.caseId}`,
          role: 'household',
          organisation: householdOrganisation(f.caseId),
        }),
      };
      expect(await inboxOf('bewindvoerder', f.caseId)).toContain('kot-settled');
      expect(await inboxOf(household, f.caseId)).toContain('kot-settled');
    });

    it("follows the municipality's SMI policy: no reinstating from a past day by default; set by the team lead, who and when kept, refused to an officer", async () => {
      const f = family({ smiUntil: addDays(storyDay, -10) });
      await bringTo(http, f, 'RecordApplicationReceived');
      await http.carryOut(
        'toeslagen-officer',
        'RejectKot',
        { caseId: f.caseId, reason: 'other', explanation: 'Regeling niet herkend' },
        'rest',
      );
      const gapFrom = addDays(storyDay, -9);
      const careful = await caseOf('smi-officer-utrecht', f.caseId);
      expect(careful.smiPolicy).toEqual({
        retroactive: false,
        maximumMonths: 12,
        extensionLeadDays: 28,
        recorded: false,
      });
      expect(careful.nextStep).toMatchObject({ action: 'secure-funding' });
      expect(careful.nextStep?.description.en).toContain('does not grant SMI retroactively');
      expect(careful.nextStep?.description.en).not.toContain(`reinstate SMI from ${gapFrom}`);

      const policy = {
        municipality: 'GM0344',
        retroactive: true,
        maximumMonths: 6,
        extensionLeadDays: 14,
      };
      const setPolicy = `mutation Set($input: SetSmiPolicyInput!) {
        setSmiPolicy(input: $input) { retroactive maximumMonths extensionLeadDays } }`;
      const byOfficer = await http.query('smi-officer-utrecht', setPolicy, { input: policy });
      expect(refusalOf(byOfficer).code).toBe('FORBIDDEN');
      const byLead = await http.query<{ setSmiPolicy: Record<string, unknown> }>(
        'smi-team-lead-utrecht',
        setPolicy,
        { input: policy },
      );
      expect(byLead.data?.setSmiPolicy).toEqual({
        retroactive: true,
        maximumMonths: 6,
        extensionLeadDays: 14,
      });
      const again = await http.query('smi-team-lead-utrecht', setPolicy, { input: policy });
      expect(refusalOf(again).code).toBe('CONFLICT');

      const retroactive = await caseOf('smi-officer-utrecht', f.caseId);
      expect(retroactive.smiPolicy).toMatchObject({ retroactive: true, recorded: true });
      expect(retroactive.nextStep?.description.en).toContain(`reinstate SMI from ${gapFrom}`);
    });
  },
  { clock: movingClock },
);
