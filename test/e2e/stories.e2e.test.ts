// The reports' stories (seed 000, as in the domain's stories.unit.test.ts) told over HTTP: the
// officer and the bewindvoerder through the GraphQL portal, CIZ and Dienst Toeslagen through the
// REST intake. After every step each demo user's worklist is asked who sees the case: the party
// that owns the next step must see it with its due date, and nobody else.
import { addDays } from '@kot/domain';
import { bringTo, toApplication, type Step } from './applicationSteps';
import { day, family, kotStart } from './families';
import { overHttp, refusalOf, type OverHttp } from './overHttp';
import { describeOnEachEngine } from './platformUnderTest';
import { forTheBewindvoerder, forTheMunicipality, forToeslagen, whoSees } from './worklists';

const dayBeforeKot = addDays(kotStart, -1);

/** Carries out each step and checks every worklist after it; returns the lines seen per step. */
async function walk(http: OverHttp, caseId: string, steps: Step[]) {
  const seen: Array<{ command: string; seenBy: unknown }> = [];
  for (const step of steps) {
    await http.carryOut(step.who, step.command, step.input, step.over);
    seen.push({ command: step.command, seenBy: await whoSees(http, caseId) });
  }
  return seen;
}

const expected = (steps: Step[]) =>
  steps.map((step) => ({ command: step.command, seenBy: step.seenBy }));

const caseQuery = `query Case($id: ID!) { case(id: $id) {
  status
  nextStep { action due responsible { organisation role } }
  fundingCoverage { fundedToday gapDays gaps { from to days acceptedReason } smi { from to } kot { from to } }
} }`;

interface CaseAnswer {
  case: {
    status: string;
    nextStep: { action: string; due: string; responsible: { organisation: string } } | null;
    fundingCoverage: {
      fundedToday: boolean;
      gapDays: number;
      gaps: Array<{ from: string; to: string; days: number; acceptedReason: string | null }>;
      smi: Array<{ from: string; to: string | null }>;
      kot: Array<{ from: string; to: string | null }>;
    };
  };
}

describeOnEachEngine('the stories from referral to KOT', (platform) => {
  let http: OverHttp;
  beforeAll(() => {
    http = overHttp(platform());
  });

  it('takes the family of case 1 to KOT granted and SMI ended the day before, with the next step always on the right worklist', async () => {
    const f = family();
    const steps: Step[] = [
      ...toApplication(f),
      {
        who: 'toeslagen-officer',
        command: 'GrantKot',
        input: { caseId: f.caseId, grantedFrom: kotStart },
        over: 'rest',
        seenBy: forTheMunicipality('align-smi', 7),
      },
      {
        who: 'smi-officer-utrecht',
        command: 'EndSmi',
        input: { caseId: f.caseId, lastDay: dayBeforeKot },
        // The decision letter first: the bewindvoerder confirms it reached them and the family.
        seenBy: forTheBewindvoerder('confirm-decision-received', 7),
      },
      {
        who: 'bewindvoerder',
        command: 'ConfirmDecisionReceived',
        input: { caseId: f.caseId, channel: 'BERICHTENBOX' },
        seenBy: forTheBewindvoerder('aftercare', 42),
      },
      {
        who: 'bewindvoerder',
        command: 'CloseCase',
        input: { caseId: f.caseId, outcome: 'KOT_GRANTED', note: 'Eerste betaling ontvangen' },
        seenBy: {},
      },
    ];

    expect(await walk(http, f.caseId, steps)).toEqual(expected(steps));

    const answer = await http.query<CaseAnswer>('bewindvoerder', caseQuery, { id: f.caseId });
    expect(answer.data?.case).toEqual({
      status: 'closed',
      nextStep: null,
      fundingCoverage: {
        fundedToday: true,
        gapDays: 0,
        gaps: [],
        smi: [{ from: day(-60), to: dayBeforeKot }],
        kot: [{ from: kotStart, to: null }],
      },
    });
  });

  it('brings the family of case 2 from a rejection, through an objection, to KOT granted from the original start with SMI bridging every day', async () => {
    const f = family();
    const steps: Step[] = [
      ...toApplication(f),
      {
        who: 'toeslagen-officer',
        command: 'RejectKot',
        input: {
          caseId: f.caseId,
          reason: 'other',
          explanation: 'Regeling niet herkend door behandelaar',
        },
        over: 'rest',
        // The letter that never reached the professional in the report: the bewindvoerder first
        // confirms it arrived, within a week.
        seenBy: forTheBewindvoerder('confirm-decision-received', 7),
      },
      {
        who: 'smi-officer-utrecht',
        command: 'ExtendSmi',
        input: { caseId: f.caseId, until: day(240) },
        seenBy: forTheBewindvoerder('confirm-decision-received', 7),
      },
      // SMI runs past the objection period: the bewindvoerder decides with the family, due when
      // the objection period ends (4 January 2027, a Monday).
      {
        who: 'bewindvoerder',
        command: 'ConfirmDecisionReceived',
        input: { caseId: f.caseId, channel: 'BERICHTENBOX' },
        seenBy: forTheBewindvoerder('reapply-or-object', 42),
      },

      {
        who: 'bewindvoerder',
        command: 'FileObjection',
        input: {
          caseId: f.caseId,
          grounds: 'De partner met Wlz-indicatie valt onder de uitbreiding per 2021.',
        },
        seenBy: forToeslagen('decide-objection', 42),
      },
      {
        who: 'toeslagen-officer',
        command: 'DecideObjection',
        input: {
          caseId: f.caseId,
          upheld: true,
          grantedFrom: kotStart,
          explanation: 'Uitbreiding Wlz is van toepassing.',
        },
        over: 'rest',
        seenBy: forTheMunicipality('align-smi', 7),
      },
      {
        who: 'smi-officer-utrecht',
        command: 'EndSmi',
        input: { caseId: f.caseId, lastDay: dayBeforeKot },
        seenBy: forTheBewindvoerder('confirm-decision-received', 7),
      },
      {
        who: 'bewindvoerder',
        command: 'ConfirmDecisionReceived',
        input: { caseId: f.caseId, channel: 'BERICHTENBOX' },
        seenBy: forTheBewindvoerder('aftercare', 42),
      },
    ];

    expect(await walk(http, f.caseId, steps)).toEqual(expected(steps));

    const answer = await http.query<CaseAnswer>('smi-officer-utrecht', caseQuery, {
      id: f.caseId,
    });
    expect(answer.data?.case).toMatchObject({
      status: 'granted',
      nextStep: { action: 'aftercare', due: day(42) },
      fundingCoverage: { fundedToday: true, gapDays: 0, gaps: [] },
    });
  });

  it('returns a rejected family to the municipality, refuses to end SMI over the gap until the officer accepts it with a reason, and then shows the gap', async () => {
    const f = family({ partnerWork: 'VOLUNTEERING', smiUntil: day(30) });
    await bringTo(http, f, 'RecordApplicationReceived');
    await http.carryOut(
      'toeslagen-officer',
      'RejectKot',
      {
        caseId: f.caseId,
        reason: 'partner-not-working',
        explanation: 'Vrijwilligerswerk telt niet als werk.',
      },
      'rest',
    );
    // SMI runs out in 30 days, before the objection period ends: the officer must settle it within
    // the 7-day norm, and no later than the municipality's policy says an extension must be asked
    // (the default: 28 days before SMI ends, so in 2 days).
    expect(await whoSees(http, f.caseId)).toEqual(forTheMunicipality('continue-smi', 2));

    // The municipality does not pay SMI for the time KOT was expected to cover.
    const before = await http.eventsInLog(f.caseId);
    const refused = await http.command('smi-officer-utrecht', 'EndSmi', {
      caseId: f.caseId,
      lastDay: dayBeforeKot,
    });
    expect(refusalOf(refused)).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['input.acceptGapReason'],
    });
    expect(JSON.stringify(refused.errors)).toContain(`no KOT is granted for ${kotStart}`);
    expect(await http.eventsInLog(f.caseId)).toBe(before);

    const reason = 'Gemeente vergoedt niet met terugwerkende kracht; gezin geïnformeerd.';
    const ended = await http.carryOut('smi-officer-utrecht', 'EndSmi', {
      caseId: f.caseId,
      lastDay: dayBeforeKot,
      acceptGapReason: reason,
    });
    expect(ended.events.map((event) => event.type)).toEqual(['FundingGapAccepted', 'SmiEnded']);

    const answer = await http.query<CaseAnswer>('smi-officer-utrecht', caseQuery, {
      id: f.caseId,
    });
    expect(answer.data?.case.fundingCoverage).toMatchObject({
      fundedToday: false,
      gapDays: 23,
      gaps: [{ from: kotStart, to: day(0), days: 23, acceptedReason: reason }],
    });
    const gaps = await http.query<{ cases: { items: Array<{ caseId: string; gapDays: number }> } }>(
      'smi-officer-utrecht',
      '{ cases(filter: { fundingGap: true }, first: 100) { items { caseId gapDays } } }',
    );
    expect(gaps.data?.cases.items).toContainEqual({ caseId: f.caseId, gapDays: 23 });
  });
});
