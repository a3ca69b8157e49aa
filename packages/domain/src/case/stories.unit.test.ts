// The stories from the behavioural study (seed 000) and the evaluation (seed 001), told through
// the commands the platform offers, checking what each party would see at each moment.
import {
  actors,
  at,
  caseId,
  child,
  openReferral,
  partnerWithIndication,
  story,
  withLetterConfirmed,
} from '../testing';
import type { CaseCommand } from './commands';
import type { CommandContext } from './decide';
import { eligibility } from './eligibility';
import { fundingCoverage } from './fundingCoverage';
import { handleCommand } from './handleCommand';
import { nextStep } from './nextStep';
import { defaultSmiPolicy } from './smiPolicy';
import { foldCase } from './state';
import { notificationsForDeadlines } from '../notifications';

type Step = [CaseCommand, CommandContext];
const officer = { organisation: 'GM0344', role: 'smi-officer' };

const toApplication = (
  smiTo: string,
  dates: { claim: string; register: string; receive: string },
): Step[] => [
  [
    openReferral({ smiPeriod: { from: '2022-01-01', to: smiTo } }),
    at('2022-03-01', actors.officer),
  ],
  [
    {
      type: 'OfferCase',
      caseId,
      to: { organisation: 'org-bewind-horizon', role: 'bewindvoerder' },
    },
    at('2022-03-01', actors.officer),
  ],
  [
    {
      type: 'ClaimCase',
      caseId,
      mandate: {
        type: 'court-bewind',
        partnerIds: ['p1', 'p2'],
        reference: 'C/16/100001 / BW RK 22-1',
        validFrom: '2020-01-01',
      },
    },
    at(dates.claim, actors.bewindvoerder),
  ],
  [{ type: 'RequestKot', caseId, channel: 'phone' }, at(dates.claim, actors.bewindvoerder)],
  [{ type: 'RegisterWlzRequest', caseId }, at(dates.register, actors.toeslagen)],
  [
    {
      type: 'ConfirmWlzIndication',
      caseId,
      partnerId: 'p1',
      kind: 'permanent',
      validFrom: '2019-06-01',
    },
    at(dates.register, actors.toeslagen),
  ],
  [{ type: 'SendApplicationForms', caseId }, at(dates.register, actors.toeslagen)],
  [
    { type: 'SubmitApplication', caseId, requestedStart: '2022-04-01', signedByBothPartners: true },
    at(dates.receive, actors.bewindvoerder),
  ],
  [{ type: 'RecordApplicationReceived', caseId }, at(dates.receive, actors.toeslagen)],
];

describe('case 1: the professional who found the scheme by searching; KOT later set to zero', () => {
  const granted: Step[] = [
    ...toApplication('2022-09-30', {
      claim: '2022-03-10',
      register: '2022-03-21',
      receive: '2022-04-04',
    }),
    [{ type: 'GrantKot', caseId, grantedFrom: '2022-04-01' }, at('2022-05-02', actors.toeslagen)],
    [{ type: 'EndSmi', caseId, lastDay: '2022-03-31' }, at('2022-05-03', actors.officer)],
    [
      { type: 'CloseCase', caseId, outcome: 'kot-granted', note: 'Eerste betaling ontvangen' },
      at('2022-06-15', actors.bewindvoerder),
    ],
  ];

  it('ends with KOT granted, SMI aligned and no day unfunded', () => {
    const state = foldCase(story(granted));
    expect(state.status).toBe('closed');
    expect(fundingCoverage(state, '2022-06-15T12:00:00Z')).toMatchObject({
      gapDays: 0,
      fundedToday: true,
    });
  });

  it('reopens when KOT is set to zero, puts the municipality in charge and shows the coming gap', () => {
    const stopped = foldCase(
      story([
        ...granted,
        [
          {
            type: 'StopKot',
            caseId,
            stoppedFrom: '2022-09-01',
            setToZero: true,
            reason: 'Aantal uren onjuist ingevuld',
          },
          at('2022-08-20', actors.toeslagen),
        ],
      ]),
    );
    expect(stopped.status).toBe('kot-stopped');
    expect(nextStep(stopped, '2022-08-20T12:00:00Z')).toMatchObject({
      action: 'secure-funding',
      responsible: officer,
    });
    expect(fundingCoverage(stopped, '2022-08-20T12:00:00Z')).toMatchObject({
      fundedUntil: '2022-08-31',
      daysAtRisk: 10,
    });
  });

  it('moves on once SMI is reinstated after the stop: the supporter and the family choose to object, apply again or close', () => {
    const stop: Step = [
      {
        type: 'StopKot',
        caseId,
        stoppedFrom: '2022-09-01',
        setToZero: true,
        reason: 'Aantal uren onjuist ingevuld',
      },
      at('2022-08-20', actors.toeslagen),
    ];
    const reinstated = foldCase(
      story([
        ...granted,
        stop,
        [
          { type: 'ReinstateSmi', caseId, from: '2022-09-01', until: '2022-12-31' },
          at('2022-08-22', actors.officer),
        ],
      ]),
    );
    const step = nextStep(withLetterConfirmed(reinstated), '2022-08-22T12:00:00Z');
    expect(step).toMatchObject({
      action: 'reapply-or-object',
      responsible: { organisation: 'org-bewind-horizon', role: 'bewindvoerder' },
      // Six weeks end on Saturday 1 October 2022: the Atw moves the end to Monday 3 October.
      due: '2022-10-03',
      deadline: { date: '2022-10-03' },
    });
    expect(step?.description.en).toMatch(/object \(by 2022-10-03\), apply for KOT again, or close/);
    // Once the objection period is over, applying again or closing is what is left.
    expect(nextStep(withLetterConfirmed(reinstated), '2022-10-05T12:00:00Z')).toMatchObject({
      action: 'reapply-or-object',
      due: '2022-10-17',
      description: { en: expect.stringMatching(/apply again, or close the case/) },
    });
  });

  it('applies again after the stop and goes through the application a second time', () => {
    const events = story([
      ...granted,
      [
        {
          type: 'StopKot',
          caseId,
          stoppedFrom: '2022-09-01',
          setToZero: true,
          reason: 'Aantal uren onjuist ingevuld',
        },
        at('2022-08-20', actors.toeslagen),
      ],
      [
        { type: 'ReinstateSmi', caseId, from: '2022-09-01', until: '2022-12-31' },
        at('2022-08-22', actors.officer),
      ],
      [{ type: 'RequestKot', caseId, channel: 'phone' }, at('2022-10-10', actors.bewindvoerder)],
      [{ type: 'RegisterWlzRequest', caseId }, at('2022-10-12', actors.toeslagen)],
      [{ type: 'SendApplicationForms', caseId }, at('2022-10-13', actors.toeslagen)],
      [
        {
          type: 'SubmitApplication',
          caseId,
          requestedStart: '2022-09-01',
          signedByBothPartners: true,
        },
        at('2022-10-20', actors.bewindvoerder),
      ],
      [{ type: 'RecordApplicationReceived', caseId }, at('2022-10-24', actors.toeslagen)],
      [{ type: 'GrantKot', caseId, grantedFrom: '2022-09-01' }, at('2022-11-14', actors.toeslagen)],
    ]);
    const state = foldCase(events);
    expect(state.status).toBe('granted');
    expect(state.kot).toEqual([{ from: '2022-04-01', to: '2022-08-31' }, { from: '2022-09-01' }]);
    expect(state.earlierOutcomes).toHaveLength(1);
    expect(state.earlierOutcomes[0]?.kotStop).toEqual({
      stoppedFrom: '2022-09-01',
      decidedOn: '2022-08-20',
      setToZero: true,
    });
    expect(fundingCoverage(state, '2022-11-14T12:00:00Z').gapDays).toBe(0);
  });

  it('is set right by an objection against the stop, restoring KOT from the stop date with no gap', () => {
    const restored = foldCase(
      story([
        ...granted,
        [
          {
            type: 'StopKot',
            caseId,
            stoppedFrom: '2022-09-01',
            setToZero: true,
            reason: 'Aantal uren onjuist ingevuld',
          },
          at('2022-08-20', actors.toeslagen),
        ],
        [
          {
            type: 'FileObjection',
            caseId,
            grounds: 'Het aantal uren was verkeerd overgenomen; juiste opgave bijgevoegd.',
          },
          at('2022-08-25', actors.bewindvoerder),
        ],
        [
          { type: 'DecideObjection', caseId, upheld: true, explanation: 'Uren gecorrigeerd.' },
          at('2022-09-10', actors.toeslagen),
        ],
      ]),
    );
    expect(restored.status).toBe('granted');
    expect(restored.kot).toEqual([
      { from: '2022-04-01', to: '2022-08-31' },
      { from: '2022-09-01' },
    ]);
    expect(fundingCoverage(restored, '2022-09-12T12:00:00Z')).toMatchObject({
      gapDays: 0,
      fundedToday: true,
    });
  });
});

describe('case 2: the rejection letter that never reached the professional', () => {
  const rejected: Step[] = [
    ...toApplication('2022-06-30', {
      claim: '2022-03-15',
      register: '2022-03-28',
      receive: '2022-04-11',
    }),
    [
      {
        type: 'RejectKot',
        caseId,
        reason: 'other',
        explanation: 'Regeling niet herkend door behandelaar',
      },
      at('2022-05-16', actors.toeslagen),
    ],
  ];

  it('asks whoever acts for the family to confirm the rejection letter reached them, and escalates to the officer when nobody does within a week', () => {
    const state = foldCase(story(rejected));
    const step = nextStep(state, '2022-05-16T12:00:00Z');
    expect(step).toMatchObject({
      action: 'confirm-decision-received',
      responsible: { organisation: 'org-bewind-horizon', role: 'bewindvoerder' },
      due: '2022-05-23',
      escalateTo: { organisation: 'GM0344', role: 'smi-officer' },
      // The letter that never arrived costs the objection period: its end is on the step.
      deadline: { date: '2022-06-27' },
    });
    const overdue = notificationsForDeadlines(state, '2022-05-24T12:00:00Z').filter(
      (intent) => intent.rule === 'step-overdue',
    );
    expect(overdue.map((intent) => intent.recipient.role).sort()).toEqual([
      'bewindvoerder',
      'smi-officer',
    ]);
  });

  it('puts the objection, with its deadline, before whoever acts for the family while SMI keeps running past it', () => {
    const state = withLetterConfirmed(foldCase(story(rejected)));
    const step = nextStep(state, '2022-05-16T12:00:00Z');
    // SMI runs until 30 June, beyond the objection period (27 June): the officer has nothing to
    // secure, so the step is the supporter's, with the deadline named.
    expect(step).toMatchObject({
      action: 'reapply-or-object',
      responsible: { organisation: 'org-bewind-horizon', role: 'bewindvoerder' },
      deadline: { date: '2022-06-27' },
    });
    expect(fundingCoverage(state, '2022-06-20T12:00:00Z')).toMatchObject({
      atRisk: true,
      smiEndsOn: '2022-06-30',
    });
  });

  it('is granted retroactively after an objection within weeks instead of a year, with SMI bridging the time', () => {
    const events = story([
      ...rejected,
      [{ type: 'ExtendSmi', caseId, until: '2022-12-31' }, at('2022-05-17', actors.officer)],
      [
        {
          type: 'FileObjection',
          caseId,
          grounds: 'De partner met Wlz-indicatie valt onder de uitbreiding per 2021.',
        },
        at('2022-05-30', actors.bewindvoerder),
      ],
      [
        {
          type: 'DecideObjection',
          caseId,
          upheld: true,
          grantedFrom: '2022-04-01',
          explanation: 'Uitbreiding Wlz is van toepassing.',
        },
        at('2022-07-04', actors.toeslagen),
      ],
    ]);
    const state = foldCase(events);
    expect(state.status).toBe('granted');
    expect(nextStep(state, '2022-07-04T12:00:00Z')).toMatchObject({
      action: 'align-smi',
      responsible: officer,
    });
    expect(fundingCoverage(state, '2022-07-04T12:00:00Z').gapDays).toBe(0);
  });
});

describe('the single parent who feels misinformed', () => {
  const single: Step = [
    openReferral({
      household: {
        composition: 'single-parent',
        partners: [partnerWithIndication({ workStatus: 'none' })],
      },
      children: [child()],
    }),
    at('2024-03-04', actors.officer),
  ];

  it('gets a clear no at the pre-check, with the reason and the alternative of staying on SMI', () => {
    const state = foldCase(story([single]));
    const result = eligibility(state, '2024-03-04');
    expect(result.verdict).toBe('no');
    expect(result.conditions.filter((c) => c.met === false).map((c) => c.code)).toEqual([
      'partner-pair',
    ]);
    expect(result.alternative?.nl).toMatch(/SMI/);
    const [checked] = handleCommand(
      { type: 'CheckEligibility', caseId },
      state,
      at('2024-03-04', actors.officer),
    );
    expect(checked).toMatchObject({ data: { verdict: 'no', unmet: ['partner-pair'] } });
  });

  it('is closed as not eligible while SMI keeps paying', () => {
    const state = foldCase(
      story([
        single,
        [
          {
            type: 'CloseCase',
            caseId,
            outcome: 'not-eligible',
            note: 'Uitleg gegeven; SMI loopt door',
          },
          at('2024-03-05', actors.officer),
        ],
      ]),
    );
    expect(nextStep(state, '2024-03-05T12:00:00Z')).toBeNull();
    expect(fundingCoverage(state, '2024-03-05T12:00:00Z')).toMatchObject({
      fundedToday: true,
      gapDays: 0,
    });
  });
});

describe('the gap: rejected after SMI ended', () => {
  const late: Step[] = [
    ...toApplication('2022-04-30', {
      claim: '2022-03-15',
      register: '2022-03-28',
      receive: '2022-04-11',
    }),
  ];

  it('refuses to let the officer end SMI early while the decision is pending', () => {
    const state = foldCase(story(late));
    expect(() =>
      handleCommand(
        { type: 'EndSmi', caseId, lastDay: '2022-04-15' },
        state,
        at('2022-04-12', actors.officer),
      ),
    ).toThrow(/no KOT is granted/);
  });

  it('warns before SMI runs out, then exposes every unfunded day after a rejection', () => {
    const pending = foldCase(story(late));
    expect(fundingCoverage(pending, '2022-04-20T12:00:00Z')).toMatchObject({
      atRisk: true,
      daysAtRisk: 11,
    });
    const rejected = foldCase(
      story([
        ...late,
        [
          {
            type: 'RejectKot',
            caseId,
            reason: 'partner-not-working',
            explanation: 'Partner werkt niet',
          },
          at('2022-05-20', actors.toeslagen),
        ],
      ]),
    );
    const coverage = fundingCoverage(rejected, '2022-05-25T12:00:00Z');
    expect(coverage.gaps).toEqual([
      { from: '2022-05-01', to: '2022-05-25', days: 25, accepted: false, acceptedReason: null },
    ]);
    // SMI cannot be "continued": it ended. The officer is told to bring it back, from which day,
    // where the municipality grants SMI retroactively.
    const retroactive = { ...defaultSmiPolicy('GM0344'), retroactive: true };
    const step = nextStep(rejected, '2022-05-25T12:00:00Z', retroactive);
    expect(step).toMatchObject({
      action: 'secure-funding',
      responsible: officer,
      // Owned since the first unfunded day, due the day after it: it is long overdue by now.
      since: '2022-05-01',
      due: '2022-05-02',
    });
    expect(step?.description.en).toMatch(/reinstate SMI from 2022-05-01/);
    expect(step?.description.nl).toMatch(/zet de SMI weer in vanaf 2022-05-01/);
    // Under the default policy (no retroactive SMI) it never asks for SMI from a past day.
    const careful = nextStep(rejected, '2022-05-25T12:00:00Z');
    expect(careful).toMatchObject({ action: 'secure-funding', since: '2022-05-01' });
    expect(careful?.description.en).not.toMatch(/reinstate SMI from 2022-05-01/);
    expect(careful?.description.en).toMatch(
      /put SMI in place from today \(2022-05-25\) and accept the days from 2022-05-01/,
    );
  });

  it('is closed when the municipality reinstates SMI back to the day it ended', () => {
    const repaired = foldCase(
      story([
        ...late,
        [
          {
            type: 'RejectKot',
            caseId,
            reason: 'partner-not-working',
            explanation: 'Partner werkt niet',
          },
          at('2022-05-20', actors.toeslagen),
        ],
        [
          { type: 'ReinstateSmi', caseId, from: '2022-05-01', until: '2022-12-31' },
          at('2022-05-25', actors.officer),
        ],
      ]),
    );
    expect(fundingCoverage(repaired, '2022-05-25T12:00:00Z')).toMatchObject({
      gapDays: 0,
      fundedUntil: '2022-12-31',
    });
  });
});
