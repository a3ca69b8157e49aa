import { actors, at, caseId, openReferral, story } from '../testing';
import type { CaseCommand } from './commands';
import type { CommandContext } from './decide';
import { fundingCoverage } from './fundingCoverage';
import { foldCase } from './state';

type Step = [CaseCommand, CommandContext];
const base = (smiTo = '2024-03-31'): Step[] => [
  [
    openReferral({ smiPeriod: { from: '2024-01-01', to: smiTo } }),
    at('2024-01-05', actors.officer),
  ],
  [
    {
      type: 'OfferCase',
      caseId,
      to: { organisation: 'org-bewind-horizon', role: 'bewindvoerder' },
    },
    at('2024-01-05', actors.officer),
  ],
  [
    {
      type: 'ClaimCase',
      caseId,
      mandate: {
        type: 'court-bewind',
        partnerIds: ['p1', 'p2'],
        reference: 'C/16/100001 / BW RK 22-1',
        validFrom: '2022-01-01',
      },
    },
    at('2024-01-08', actors.bewindvoerder),
  ],
  [{ type: 'RegisterWlzRequest', caseId }, at('2024-01-10', actors.toeslagen)],
  [
    {
      type: 'ConfirmWlzIndication',
      caseId,
      partnerId: 'p1',
      kind: 'permanent',
      validFrom: '2019-06-01',
    },
    at('2024-01-10', actors.toeslagen),
  ],
  [{ type: 'SendApplicationForms', caseId }, at('2024-01-12', actors.toeslagen)],
  [
    { type: 'SubmitApplication', caseId, requestedStart: '2024-02-01', signedByBothPartners: true },
    at('2024-01-25', actors.bewindvoerder),
  ],
  [{ type: 'RecordApplicationReceived', caseId }, at('2024-01-29', actors.toeslagen)],
];

describe('funding coverage', () => {
  it('is funded every day while SMI runs, with no gaps and nothing at risk far from the end', () => {
    const coverage = fundingCoverage(foldCase(story(base('2024-06-30'))), '2024-02-15T12:00:00Z');
    expect(coverage).toMatchObject({
      fundedToday: true,
      fundedUntil: '2024-06-30',
      gapDays: 0,
      daysAtRisk: 0,
      atRisk: false,
      smiEndsOn: '2024-06-30',
    });
  });

  it('counts the days at risk when SMI ends within 21 days and KOT is not granted', () => {
    const coverage = fundingCoverage(foldCase(story(base('2024-03-31'))), '2024-03-20T12:00:00Z');
    // 2024-03-20 .. 2024-04-10 is 22 days; SMI covers 20 through 31 March (12 days), 10 days are not covered.
    expect(coverage).toMatchObject({
      atRisk: true,
      daysAtRisk: 10,
      smiEndsOn: '2024-03-31',
      gapDays: 0,
    });
  });

  it('does not count days the officer accepted unfunded as at risk, only the days nobody decided on', () => {
    const acceptedAfterEnd: Step[] = [
      ...base('2024-03-31'),
      [
        {
          type: 'AcceptFundingGap',
          caseId,
          from: '2024-04-01',
          to: '2024-04-05',
          reason: 'Opvang gesloten in de eerste week van april',
        },
        at('2024-03-18', actors.officer),
      ],
    ];
    const coverage = fundingCoverage(foldCase(story(acceptedAfterEnd)), '2024-03-20T12:00:00Z');
    // Of the ten unfunded days 1–10 April, 1–5 April are accepted: 6–10 April remain at risk.
    expect(coverage).toMatchObject({ atRisk: true, daysAtRisk: 5, smiEndsOn: '2024-03-31' });

    const acceptedThroughWindow: Step[] = [
      ...base('2024-03-31'),
      [
        {
          type: 'AcceptFundingGap',
          caseId,
          from: '2024-04-01',
          to: '2024-04-30',
          reason: 'Gezin zegt de opvang op per april',
        },
        at('2024-03-18', actors.officer),
      ],
    ];
    expect(
      fundingCoverage(foldCase(story(acceptedThroughWindow)), '2024-03-20T12:00:00Z'),
    ).toMatchObject({ atRisk: false, daysAtRisk: 0 });
  });

  it('counts gap days across a month boundary in a leap year after SMI ended without KOT', () => {
    const coverage = fundingCoverage(foldCase(story(base('2024-02-27'))), '2024-03-03T12:00:00Z');
    // 28, 29 February and 1, 2, 3 March: five days without funding.
    expect(coverage.gaps).toEqual([
      { from: '2024-02-28', to: '2024-03-03', days: 5, accepted: false, acceptedReason: null },
    ]);
    expect(coverage.fundedToday).toBe(false);
  });

  it('closes an earlier gap when KOT is granted retroactively', () => {
    const steps: Step[] = [
      ...base('2024-02-27'),
      [{ type: 'GrantKot', caseId, grantedFrom: '2024-02-01' }, at('2024-03-05', actors.toeslagen)],
    ];
    const coverage = fundingCoverage(foldCase(story(steps)), '2024-03-10T12:00:00Z');
    expect(coverage).toMatchObject({
      gapDays: 0,
      fundedToday: true,
      fundedUntil: null,
      atRisk: false,
      daysAtRisk: 0,
    });
  });

  it('shows an accepted gap with its reason, and a reinstated SMI covering back', () => {
    const gapAccepted: Step[] = [
      ...base('2024-06-30'),
      [
        {
          type: 'EndSmi',
          caseId,
          lastDay: '2024-02-29',
          acceptGapReason: 'Opvang in maart stopgezet door het gezin',
        },
        at('2024-02-20', actors.officer),
      ],
    ];
    const accepted = fundingCoverage(foldCase(story(gapAccepted)), '2024-03-05T12:00:00Z');
    expect(accepted.gaps).toEqual([
      {
        from: '2024-03-01',
        to: '2024-03-05',
        days: 5,
        accepted: true,
        acceptedReason: 'Opvang in maart stopgezet door het gezin',
      },
    ]);
    const reinstated: Step[] = [
      ...gapAccepted,
      [
        { type: 'ReinstateSmi', caseId, from: '2024-03-01', until: '2024-08-31' },
        at('2024-03-06', actors.officer),
      ],
    ];
    expect(fundingCoverage(foldCase(story(reinstated)), '2024-03-10T12:00:00Z')).toMatchObject({
      gapDays: 0,
      fundedUntil: '2024-08-31',
    });
  });

  it('follows adjoining SMI periods to find how long the family is funded', () => {
    const steps: Step[] = [
      ...base('2024-03-31'),
      [
        { type: 'ReinstateSmi', caseId, from: '2024-04-01', until: '2024-05-31' },
        at('2024-03-20', actors.officer),
      ],
    ];
    expect(fundingCoverage(foldCase(story(steps)), '2024-03-20T12:00:00Z')).toMatchObject({
      fundedUntil: '2024-05-31',
      atRisk: false,
      daysAtRisk: 0,
    });
  });
});

describe('the scope of an accepted gap', () => {
  const acceptedOpenEnded: Step[] = [
    ...base('2024-06-30'),
    [
      {
        type: 'EndSmi',
        caseId,
        lastDay: '2024-02-29',
        acceptGapReason: 'Opvang in maart stopgezet door het gezin',
      },
      at('2024-02-20', actors.officer),
    ],
  ];
  const unaccepted = (steps: Step[], now: string) =>
    fundingCoverage(foldCase(story(steps)), now).gaps.filter((gap) => !gap.accepted);

  it('ends when funding resumes: a later gap is a new gap that nobody accepted', () => {
    const steps: Step[] = [
      ...acceptedOpenEnded,
      [
        { type: 'ReinstateSmi', caseId, from: '2024-03-11', until: '2024-03-31' },
        at('2024-03-10', actors.officer),
      ],
    ];
    expect(fundingCoverage(foldCase(story(steps)), '2024-04-05T12:00:00Z').gaps).toEqual([
      {
        from: '2024-03-01',
        to: '2024-03-10',
        days: 10,
        accepted: true,
        acceptedReason: 'Opvang in maart stopgezet door het gezin',
      },
      { from: '2024-04-01', to: '2024-04-05', days: 5, accepted: false, acceptedReason: null },
    ]);
  });

  it('does not carry over to the days after a granted KOT is stopped, even back to its start', () => {
    const stopped: Step[] = [
      ...acceptedOpenEnded,
      [{ type: 'GrantKot', caseId, grantedFrom: '2024-03-15' }, at('2024-03-12', actors.toeslagen)],
      [
        {
          type: 'StopKot',
          caseId,
          stoppedFrom: '2024-03-15',
          setToZero: true,
          reason: 'Opvang niet geregistreerd',
        },
        at('2024-04-02', actors.toeslagen),
      ],
    ];
    const coverage = fundingCoverage(foldCase(story(stopped)), '2024-04-05T12:00:00Z');
    expect(coverage.gaps).toEqual([
      {
        from: '2024-03-01',
        to: '2024-03-14',
        days: 14,
        accepted: true,
        acceptedReason: 'Opvang in maart stopgezet door het gezin',
      },
      { from: '2024-03-15', to: '2024-04-05', days: 22, accepted: false, acceptedReason: null },
    ]);
  });

  it('lapses at a rejection for the days from the decision on, until the officer accepts again', () => {
    const rejected: Step[] = [
      ...acceptedOpenEnded,
      [
        { type: 'RejectKot', caseId, reason: 'partner-not-working', explanation: 'Werkt niet' },
        at('2024-03-20', actors.toeslagen),
      ],
    ];
    expect(unaccepted(rejected, '2024-03-25T12:00:00Z')).toEqual([
      { from: '2024-03-20', to: '2024-03-25', days: 6, accepted: false, acceptedReason: null },
    ]);
    const acceptedAgain: Step[] = [
      ...rejected,
      [
        {
          type: 'AcceptFundingGap',
          caseId,
          from: '2024-03-20',
          reason: 'Gezin houdt de opvang stop na de afwijzing',
        },
        at('2024-03-22', actors.officer),
      ],
    ];
    expect(unaccepted(acceptedAgain, '2024-03-25T12:00:00Z')).toEqual([]);
  });
});

describe('funding of a closed case', () => {
  it('stops counting at the closing day when the family was funded then', () => {
    const steps: Step[] = [
      ...base('2024-03-31'),
      [{ type: 'CloseCase', caseId, outcome: 'stays-on-smi' }, at('2024-02-01', actors.officer)],
    ];
    expect(fundingCoverage(foldCase(story(steps)), '2024-04-10T12:00:00Z')).toMatchObject({
      gapDays: 0,
      daysAtRisk: 0,
    });
  });

  it('keeps showing, and keeps at risk, an unaccepted gap the case was withdrawn in', () => {
    const steps: Step[] = [
      ...base('2024-02-27'),
      [
        { type: 'WithdrawCase', caseId, reason: 'Gezin ziet ervan af' },
        at('2024-03-01', actors.officer),
      ],
    ];
    const coverage = fundingCoverage(foldCase(story(steps)), '2024-03-10T12:00:00Z');
    expect(coverage.gaps).toEqual([
      { from: '2024-02-28', to: '2024-03-10', days: 12, accepted: false, acceptedReason: null },
    ]);
    // Tomorrow and the twenty days after it: exactly the 21-day window.
    expect(coverage.daysAtRisk).toBe(21);
    const accepted: Step[] = [
      ...steps,
      [
        {
          type: 'AcceptFundingGap',
          caseId,
          from: '2024-02-28',
          reason: 'Gezin heeft geen opvang meer nodig',
        },
        at('2024-03-05', actors.officer),
      ],
    ];
    expect(fundingCoverage(foldCase(story(accepted)), '2024-03-10T12:00:00Z')).toMatchObject({
      gaps: [{ from: '2024-02-28', to: '2024-03-01', days: 3, accepted: true }],
      daysAtRisk: 0,
    });
  });
});
