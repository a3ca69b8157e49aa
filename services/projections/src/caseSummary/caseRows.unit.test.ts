import {
  caseAccessOf,
  foldCase,
  fundingCoverage,
  mayView,
  nextStep,
  type Actor,
} from '@kot/domain';
import {
  actors,
  at,
  caseId,
  journey,
  journeyStages,
  openReferral,
  story,
} from '@kot/domain/testing';
import { withoutPersonalData } from '../personalData/withoutPersonalData';
import { caseRows, type LogPoint } from './caseRows';
import { mergeKeyDates, noKeyDates } from './keyDates';

const logPoint: LogPoint = {
  streamId: `case-${caseId}`,
  revision: 2,
  position: 17,
  occurredAt: '2024-03-05T11:00:00.000Z',
  recordedAt: '2024-03-05T11:00:01.000Z',
};
const offered = () =>
  foldCase(
    story([
      [openReferral(), at('2024-03-04', actors.officer)],
      [
        {
          type: 'OfferCase',
          caseId,
          to: { organisation: 'org-bewind-horizon', role: 'bewindvoerder' },
        },
        at('2024-03-05', actors.officer),
      ],
    ]),
  );

describe('caseRows', () => {
  it('stores what nextStep and fundingCoverage return at the given moment', () => {
    const state = offered();
    const now = '2024-03-06T09:00:00.000Z';
    const { summary, worklist } = caseRows(state, noKeyDates(), logPoint, now);
    const step = nextStep(state, now)!;
    const coverage = fundingCoverage(state, now);
    expect(summary).toMatchObject({
      case_id: caseId,
      status: 'referred',
      next_action: step.action,
      next_due: step.due,
      next_overdue: false,
      next_responsible_person: actors.officer.id,
      funded_today: coverage.fundedToday,
      days_at_risk: coverage.daysAtRisk,
      offered_to_organisation: 'org-bewind-horizon',
      computed_on: '2024-03-06',
      revision: 2,
      last_position: 17,
    });
    expect(worklist.map((row) => row.audience)).toEqual(['responsible', 'offered']);
  });

  it('adds an escalation row for the escalation party once the step is overdue', () => {
    const { worklist, summary } = caseRows(
      offered(),
      noKeyDates(),
      logPoint,
      '2024-04-01T09:00:00.000Z',
    );
    expect(summary.next_overdue).toBe(true);
    expect(worklist.map((row) => [row.audience, row.party_organisation, row.party_role])).toEqual([
      ['responsible', 'GM0344', 'smi-officer'],
      ['escalation', 'GM0344', 'smi-team-lead'],
      ['offered', 'org-bewind-horizon', 'bewindvoerder'],
    ]);
  });

  it('counts an accepted gap as accepted although the read model does not keep its reason', () => {
    const events = story([
      [
        openReferral({ smiPeriod: { from: '2024-01-01', to: '2024-03-31' } }),
        at('2024-03-04', actors.officer),
      ],
      [
        {
          type: 'EndSmi',
          caseId,
          lastDay: '2024-03-10',
          acceptGapReason: 'Gezin heeft de opvang zelf opgezegd',
        },
        at('2024-03-05', actors.officer),
      ],
    ]);
    const state = foldCase(events.map(withoutPersonalData));
    const { summary } = caseRows(state, noKeyDates(), logPoint, '2024-03-20T09:00:00.000Z');
    expect(summary).toMatchObject({ gap_days: 10, unaccepted_gap_days: 0 });
  });

  it('lets every organisation that may see the case find it, starting with the municipality', () => {
    const { summary } = caseRows(offered(), noKeyDates(), logPoint, '2024-03-06T09:00:00.000Z');
    expect(summary.audience_organisations).toEqual([
      'GM0344',
      `household:${caseId}`,
      'org-bewind-horizon',
    ]);
  });
});

describe('mergeKeyDates', () => {
  it('keeps the first claim date after the claim is released', () => {
    const events = story([
      [openReferral(), at('2024-03-04', actors.officer)],
      [
        {
          type: 'OfferCase',
          caseId,
          to: { organisation: 'org-bewind-horizon', role: 'bewindvoerder' },
        },
        at('2024-03-05', actors.officer),
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
        at('2024-03-07', actors.bewindvoerder),
      ],
      [
        { type: 'ReleaseClaim', caseId, reason: 'Geen tijd' },
        at('2024-03-08', actors.bewindvoerder),
      ],
    ]);
    let dates = noKeyDates();
    for (let i = 1; i <= events.length; i++)
      dates = mergeKeyDates(dates, foldCase(events.slice(0, i)));
    expect(dates).toMatchObject({
      referred_on: '2024-03-04',
      offered_on: '2024-03-05',
      claimed_on: '2024-03-07',
    });
  });
});

describe('the worklist rows of a case', () => {
  // Every stage of the shared journey's paths through the process.
  const stages = journeyStages().filter((stage) => stage.length > 0);

  it.each(stages.map((stage) => [stage.join(' → '), stage] as const))(
    'are addressed only to parties that may open the case (%s), on the day and when overdue',
    (_name, stage) => {
      const steps = stage.map((name) => journey[name]);
      const state = foldCase(story(steps));
      const lastDay = steps[steps.length - 1]![1].now;
      for (const now of [lastDay, new Date(Date.parse(lastDay) + 90 * 86_400_000).toISOString()]) {
        for (const row of caseRows(state, noKeyDates(), logPoint, now).worklist) {
          const reader = {
            id: row.party_person ?? 'u-colleague',
            role: row.party_role,
            organisation: row.party_organisation,
          } as Actor;
          expect({
            row: row.audience,
            party: reader,
            view: mayView(reader, caseAccessOf(state)),
          }).not.toMatchObject({ view: 'none' });
        }
      }
    },
  );
});
