// The central promise, rule by rule: funding follows the indication, every funding change reaches
// the family, no step that cannot succeed, no unfunded day without an owner.
import {
  actors,
  at,
  caseId,
  given,
  journey as s,
  openReferral,
  partnerWithIndication,
  story,
  untilDecision,
  workingPartner,
  type Step,
  withLetterConfirmed,
} from '../testing';
import { notificationsForDeadlines, notificationsForEvent, recipientKey } from '../notifications';
import { eligibility } from './eligibility';
import type { CaseEvent } from './events';
import { fundingCoverage } from './fundingCoverage';
import { nextStep, stepBehindFunding } from './nextStep';
import { evolve, foldCase } from './state';

const noon = (day: string) => `${day}T11:00:00.000Z`;
const stepsOf = (names: ReadonlyArray<keyof typeof s>): Step[] => names.map((name) => s[name]);
const untilReceipt = stepsOf(untilDecision);
const confirmTemporary = (validTo: string): Step => [
  {
    type: 'ConfirmWlzIndication',
    caseId,
    partnerId: 'p1',
    kind: 'temporary',
    validFrom: '2023-06-01',
    validTo,
  },
  at('2024-03-15', actors.toeslagen),
];
const withTemporaryIndication = (validTo: string): Step[] =>
  untilReceipt.map((step) => (step === s.confirm ? confirmTemporary(validTo) : step));
const grantedOnTemporary = (validTo: string): Step[] => [
  ...withTemporaryIndication(validTo),
  s.grant,
  s.endSmi,
];
const openedWith = (smiPeriod: { from: string; to: string }): Step[] =>
  untilReceipt.map((step) =>
    step === s.open ? [openReferral({ smiPeriod }), at('2024-03-04', actors.officer)] : step,
  );
const household = { organisation: `household:${caseId}`, role: 'household' as const };

describe('funding follows the indication', () => {
  it('refuses a grant from a date after the temporary indication ended, in words', () => {
    given(...story(withTemporaryIndication('2024-04-15')))
      .when(
        { type: 'GrantKot', caseId, grantedFrom: '2024-05-01' },
        at('2024-04-30', actors.toeslagen),
      )
      .thenRefuses('invalid-input', /temporary Wlz-indication ended on 2024-04-15/, 'grantedFrom');
  });

  it('ends a granted KOT with the temporary indication, and the day after is the municipality’s', () => {
    const state = foldCase(story(grantedOnTemporary('2024-12-31')));
    const coverage = fundingCoverage(state, noon('2025-01-10'));
    expect(coverage.kot).toEqual([{ from: '2024-04-01', to: '2024-12-31' }]);
    expect(coverage.gaps).toMatchObject([
      { from: '2025-01-01', to: '2025-01-10', accepted: false },
    ]);
    expect(nextStep(state, noon('2025-01-10'))).toMatchObject({
      action: 'secure-funding',
      responsible: { organisation: 'GM0344', role: 'smi-officer' },
      due: '2025-01-02',
    });
  });

  it('asks CIZ to re-assess the indication eight weeks before it ends, due two weeks before', () => {
    const state = withLetterConfirmed(foldCase(story(grantedOnTemporary('2024-12-31'))));
    expect(nextStep(state, noon('2024-11-04'))?.action).toBe('aftercare');
    expect(nextStep(state, noon('2024-11-05'))).toMatchObject({
      action: 'reassess-indication',
      responsible: { organisation: 'CIZ', role: 'ciz-assessor' },
      since: '2024-11-05',
      due: '2024-12-17',
      escalateTo: { organisation: 'CIZ', role: 'ciz-team-lead' },
    });
  });

  it('keeps KOT running when CIZ extends the indication, and tells the household', () => {
    const events = story([
      ...grantedOnTemporary('2024-12-31'),
      [
        {
          type: 'ReassessWlzIndication',
          caseId,
          partnerId: 'p1',
          outcome: 'extended',
          kind: 'temporary',
          validTo: '2025-12-31',
        },
        at('2024-11-20', actors.ciz),
      ],
    ]);
    const state = foldCase(events);
    expect(fundingCoverage(state, noon('2025-01-10'))).toMatchObject({
      kot: [{ from: '2024-04-01', to: '2025-12-31' }],
      gapDays: 0,
    });
    const before = foldCase(events.slice(0, -1));
    const told = notificationsForEvent(events.at(-1)!, 'evt', before, state).map((i) =>
      recipientKey(i.recipient),
    );
    expect(told).toContain(recipientKey(household));
  });

  it('refuses a re-assessment without the new end of a temporary indication, and CIZ any re-assessment of an indication that has no end', () => {
    given(...story(grantedOnTemporary('2024-12-31')))
      .when(
        {
          type: 'ReassessWlzIndication',
          caseId,
          partnerId: 'p1',
          outcome: 'extended',
          kind: 'temporary',
        },
        at('2024-11-20', actors.ciz),
      )
      .thenRefuses('invalid-input', /temporary indication has an end date/, 'validTo');
    given(...story([...untilReceipt, s.grant]))
      .when(
        { type: 'ReassessWlzIndication', caseId, partnerId: 'p1', outcome: 'ends' },
        at('2024-05-02', actors.ciz),
      )
      .thenRefuses('forbidden', /no temporary Wlz-indication for CIZ to re-assess/);
  });

  it('treats a temporary indication without an end date as unknown, never as valid for ever', () => {
    const state = foldCase(
      story([
        [
          openReferral({
            household: {
              composition: 'partners',
              partners: [
                partnerWithIndication({
                  wlzIndication: { kind: 'temporary', validFrom: '2023-06-01' },
                }),
                workingPartner(),
              ],
            },
          }),
          at('2024-03-04', actors.officer),
        ],
      ]),
    );
    const check = eligibility(state, '2024-03-04');
    expect(check.verdict).toBe('unknown');
    expect(check.conditions.find((c) => c.code === 'indication-counts')?.met).toBeNull();
  });
});

describe('no step that cannot succeed', () => {
  const single: Step = [
    openReferral({
      household: { composition: 'single-parent', partners: [partnerWithIndication()] },
    }),
    at('2024-03-04', actors.officer),
  ];

  it('does not route a single parent to the phone line: the officer, then the claimant, decides with the family', () => {
    const referred = foldCase(story([single]));
    expect(nextStep(referred, noon('2024-03-05'))).toMatchObject({
      action: 'decide-with-family',
      responsible: { role: 'smi-officer' },
    });
    // The court placed the one parent under bewind.
    const claimSingle: Step = [
      {
        type: 'ClaimCase',
        caseId,
        mandate: {
          type: 'court-bewind',
          partnerIds: ['p1'],
          reference: 'C/16/100001 / BW RK 22-1',
          validFrom: '2022-01-01',
        },
      },
      s.claim[1],
    ];
    const claimed = story([single, s.offer, claimSingle]);
    expect(nextStep(foldCase(claimed), noon('2024-03-08'))).toMatchObject({
      action: 'decide-with-family',
      responsible: { organisation: 'org-bewind-horizon' },
    });
    given(...claimed)
      .when(
        { type: 'RequestKot', caseId, channel: 'phone' },
        at('2024-03-11', actors.bewindvoerder),
      )
      .thenRefuses('invalid-input', /apply anyway only with a reason/, 'applyAnywayReason');
    given(...claimed)
      .when(
        {
          type: 'RequestKot',
          caseId,
          channel: 'phone',
          applyAnywayReason: 'Het gezin wil een besluit van Toeslagen zelf',
        },
        at('2024-03-11', actors.bewindvoerder),
      )
      .thenEmits(([requested]) => expect(requested?.type).toBe('KotRequested'));
  });

  it('refuses an end of SMI before the SMI began', () => {
    given(
      ...story([
        [
          openReferral({ smiPeriod: { from: '2024-03-01', to: '2024-06-30' } }),
          at('2024-03-04', actors.officer),
        ],
      ]),
    )
      .when(
        {
          type: 'EndSmi',
          caseId,
          lastDay: '2024-02-28',
          acceptGapReason: 'Gezin stopt met opvang',
        },
        at('2024-03-05', actors.officer),
      )
      .thenRefuses('invalid-input', /before SMI began/, 'lastDay');
  });

  it('asks, when KOT began before SMI did, for SMI to end on its own first day and names the double funding', () => {
    const state = foldCase(
      story([...openedWith({ from: '2024-05-01', to: '2024-12-31' }), s.grant]),
    );
    const step = nextStep(state, noon('2024-04-30'));
    expect(step).toMatchObject({ action: 'align-smi' });
    expect(step?.description.en).toMatch(/end SMI on 2024-05-01\. KOT and SMI then both pay/);
    const ended = story([
      ...openedWith({ from: '2024-05-01', to: '2024-12-31' }),
      s.grant,
      [{ type: 'EndSmi', caseId, lastDay: '2024-05-01' }, at('2024-05-02', actors.officer)],
    ]);
    expect(fundingCoverage(foldCase(ended), noon('2024-05-10')).overlaps).toEqual([
      { from: '2024-05-01', to: '2024-05-01', days: 1 },
    ]);
    expect(nextStep(withLetterConfirmed(foldCase(ended)), noon('2024-05-10'))?.action).toBe(
      'aftercare',
    );
  });

  it('does not escalate a rejected case once the objection period is over: the supporter applies again or closes', () => {
    const state = withLetterConfirmed(foldCase(story([...untilReceipt, s.reject])));
    // Rejected on 30 April; SMI runs to 30 June, past the objection period (11 June).
    const after = nextStep(state, noon('2024-06-20'));
    expect(after).toMatchObject({ action: 'reapply-or-object', due: '2024-06-25', overdue: false });
    const escalations = notificationsForDeadlines(state, noon('2024-06-20')).filter((i) =>
      ['step-overdue', 'decision-overdue'].includes(i.rule),
    );
    expect(escalations).toEqual([]);
  });
});

describe('no unfunded day without an owner', () => {
  it('gives the days after SMI ran out during Toeslagen’s decision to the municipality, and the decision goes on', () => {
    const state = foldCase(story(openedWith({ from: '2024-01-01', to: '2024-04-15' })));
    expect(nextStep(state, noon('2024-04-20'))).toMatchObject({
      action: 'secure-funding',
      responsible: { organisation: 'GM0344', role: 'smi-officer' },
      since: '2024-04-16',
      due: '2024-04-17',
    });
    expect(stepBehindFunding(state, noon('2024-04-20'))).toMatchObject({
      action: 'decide-application',
      responsible: { organisation: 'DienstToeslagen' },
    });
  });

  it('gives the days between the end of SMI and a later start of KOT to the municipality', () => {
    const state = foldCase(
      story([
        ...openedWith({ from: '2024-01-01', to: '2024-04-15' }),
        [
          { type: 'GrantKot', caseId, grantedFrom: '2024-05-01' },
          at('2024-04-30', actors.toeslagen),
        ],
      ]),
    );
    expect(nextStep(state, noon('2024-04-30'))).toMatchObject({
      action: 'secure-funding',
      since: '2024-04-16',
    });
  });

  it('ends Toeslagen’s pending decision on the record when the case closes, and tells the desk', () => {
    const events: CaseEvent[] = story([
      ...untilReceipt,
      [
        { type: 'CloseCase', caseId, outcome: 'family-declined' },
        at('2024-04-20', actors.bewindvoerder),
      ],
    ]);
    const closed = events.at(-1)!;
    expect(closed).toMatchObject({
      type: 'CaseClosed',
      data: {
        endedStep: {
          action: 'decide-application',
          responsible: { organisation: 'DienstToeslagen', role: 'toeslagen-officer' },
        },
      },
    });
    const before = foldCase(events.slice(0, -1));
    const intents = notificationsForEvent(closed, 'evt', before, evolve(before, closed));
    expect(
      intents.filter((i) => i.rule === 'desk-step-ended').map((i) => i.recipient.organisation),
    ).toEqual(['DienstToeslagen']);
  });
});

describe('every funding change reaches the family', () => {
  it('gives the objection deadline to the officer and the household when the claimant’s mandate has lapsed', () => {
    const lapsed: Step = [
      {
        type: 'RecordMandate',
        caseId,
        mandate: {
          type: 'written-volmacht',
          partnerIds: ['p1', 'p2'],
          validFrom: '2024-03-01',
          validUntil: '2024-04-20',
        },
      },
      at('2024-04-10', actors.bewindvoerder),
    ];
    const events = story([...untilReceipt, lapsed, s.reject]);
    const rejected = events.at(-1)!;
    const before = foldCase(events.slice(0, -1));
    const deadline = notificationsForEvent(rejected, 'evt', before, evolve(before, rejected))
      .filter((i) => i.rule === 'kot-rejected-objection-deadline')
      .map((i) => `${i.recipient.organisation}/${i.recipient.role}`);
    expect(deadline).toEqual(['GM0344/smi-officer', `household:${caseId}/household`]);
  });

  it('tells the household and the supporter when the officer extends SMI', () => {
    const events = story([
      ...untilReceipt,
      [{ type: 'ExtendSmi', caseId, until: '2024-12-31' }, at('2024-04-05', actors.officer)],
    ]);
    const before = foldCase(events.slice(0, -1));
    const told = notificationsForEvent(events.at(-1)!, 'evt', before, foldCase(events)).map(
      (i) => `${i.rule} → ${i.recipient.organisation}`,
    );
    expect(told).toEqual(
      expect.arrayContaining([
        `smi-extended → household:${caseId}`,
        'smi-extended → org-bewind-horizon',
      ]),
    );
  });
});
