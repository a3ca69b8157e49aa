// fundingCoverage counts per stretch of days in which no period starts or ends. This checks it
// against the plain walk over every day that it replaced, for random periods, acceptances and
// closings around a leap day and a year end.
import fc from 'fast-check';
import { addDays, dateInAmsterdam, dayNumber, fromDayNumber, type IsoDate } from '../calendar';
import { acceptanceOn, acceptances } from './fundingGapAcceptance';
import { fundingCoverage } from './fundingCoverage';
import type { Period } from './household';
import { norms } from './norms';
import { fundedKot, initialState, type CaseState } from './state';

const covers = (periods: readonly Period[], day: IsoDate): boolean =>
  periods.some((period) => period.from <= day && (period.to === undefined || day <= period.to));

/** The day-by-day count: gaps, overlaps and days at risk as fundingCoverage defines them. */
function walkEveryDay(state: CaseState, today: IsoDate, end: IsoDate) {
  const kot = fundedKot(state);
  const funded = (day: IsoDate) => covers([...state.smi, ...kot], day);
  const accepted = acceptances(state);
  const start = state.smi.map((p) => p.from).sort()[0];
  const gaps: Array<{ from: IsoDate; to: IsoDate; days: number; index: number | null }> = [];
  const overlaps: Array<{ from: IsoDate; to: IsoDate; days: number }> = [];
  let daysAtRisk = 0;
  if (start === undefined) return { gaps, overlaps, daysAtRisk };
  for (let day = dayNumber(start); day <= dayNumber(end); day++) {
    const date = fromDayNumber(day);
    if (covers(state.smi, date) && covers(kot, date)) {
      const last = overlaps[overlaps.length - 1];
      if (last && last.to === addDays(date, -1)) {
        last.to = date;
        last.days++;
      } else overlaps.push({ from: date, to: date, days: 1 });
    }
    if (funded(date)) continue;
    const index = acceptanceOn(accepted, date)?.index ?? null;
    const last = gaps[gaps.length - 1];
    if (last && last.to === addDays(date, -1) && last.index === index) {
      last.to = date;
      last.days++;
    } else gaps.push({ from: date, to: date, days: 1, index });
  }
  if (end === today) {
    for (let i = 1; i <= norms.smiEndingWarning; i++) {
      const day = addDays(today, i);
      if (day >= start && !funded(day) && acceptanceOn(accepted, day) === null) daysAtRisk++;
    }
  }
  return { gaps, overlaps, daysAtRisk };
}

/** Today, unless the case closed before today while funded or in an accepted gap. */
function watchedUntil(state: CaseState, today: IsoDate): IsoDate {
  const closedOn = state.closure?.on;
  if (closedOn === undefined || closedOn >= today) return today;
  const funded = covers([...state.smi, ...fundedKot(state)], closedOn);
  return funded || acceptanceOn(acceptances(state), closedOn) !== null ? closedOn : today;
}

const origin = dayNumber('2023-12-01');
const day = fc.integer({ min: 0, max: 150 }).map((offset) => fromDayNumber(origin + offset));
const period = fc
  .tuple(day, fc.integer({ min: 0, max: 60 }))
  .map(([from, length]) => ({ from, to: addDays(from, length) }));
const openPeriod = fc.oneof(
  period,
  day.map((from) => ({ from })),
);

const stateArbitrary = fc
  .record({
    smi: fc.array(period, { maxLength: 3 }),
    kot: fc.array(openPeriod, { maxLength: 2 }),
    indicationEnds: fc.option(day, { nil: undefined }),
    acceptedGaps: fc.array(
      fc.record({ from: day, to: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }) }),
      { maxLength: 3 },
    ),
    closedOn: fc.option(day, { nil: undefined }),
  })
  .map(({ smi, kot, indicationEnds, acceptedGaps, closedOn }): CaseState => ({
    ...initialState(),
    smi,
    kot,
    indication:
      indicationEnds === undefined
        ? null
        : {
            partnerId: 'p1',
            kind: 'temporary',
            validFrom: '2023-01-01',
            validTo: indicationEnds,
            source: 'ciz',
          },
    acceptedGaps: acceptedGaps.map((gap, index) => ({
      from: gap.from,
      ...(gap.to === undefined ? {} : { to: addDays(gap.from, gap.to) }),
      reason: `reden ${index}`,
      acceptedOn: gap.from,
    })),
    closure: closedOn === undefined ? null : { on: closedOn, outcome: 'withdrawn' },
    status: closedOn === undefined ? 'granted' : 'withdrawn',
  }));

describe('funding coverage counted per stretch of days', () => {
  it('finds the same gaps, overlaps and days at risk as a walk over every day', () => {
    fc.assert(
      fc.property(stateArbitrary, day, (state, todayDate) => {
        const coverage = fundingCoverage(state, `${todayDate}T11:00:00.000Z`);
        const today = dateInAmsterdam(`${todayDate}T11:00:00.000Z`);
        const walked = walkEveryDay(state, today, watchedUntil(state, today));
        expect(coverage.overlaps).toEqual(walked.overlaps);
        expect(
          coverage.gaps.map(({ from, to, days, accepted }) => ({ from, to, days, accepted })),
        ).toEqual(
          walked.gaps.map(({ from, to, days, index }) => ({
            from,
            to,
            days,
            accepted: index !== null,
          })),
        );
        expect(coverage.gapDays).toBe(walked.gaps.reduce((sum, gap) => sum + gap.days, 0));
        expect(coverage.daysAtRisk).toBe(walked.daysAtRisk);
      }),
      { numRuns: 3000, seed: 20261207 },
    );
  });
});
