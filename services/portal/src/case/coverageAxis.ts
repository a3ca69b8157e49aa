// The time axis of the funding picture: which days it spans, where each date falls, the month
// ticks, and the window of coming days in which the domain counts the days at risk. Which days are
// funded, unfunded or accepted is the domain's answer (fundingCoverage); nothing here decides it.
import { addDays, dayNumber, firstOfMonth, norms, type IsoDate } from '@kot/domain';
import type { FundingCoverageView, PeriodView } from '../api/caseView';

export interface Range {
  from: IsoDate;
  to: IsoDate;
}

export interface CoverageAxis {
  start: IsoDate;
  end: IsoDate;
  /** 0..1 for a date on the axis (clamped). */
  position(date: IsoDate): number;
  months: IsoDate[];
}

/** The coming days in which the domain counts `daysAtRisk`: today and `smiEndingWarning` more. */
export const riskWindow = (coverage: FundingCoverageView): Range => ({
  from: coverage.today,
  to: addDays(coverage.today, norms.smiEndingWarning),
});

export function coverageAxis(
  coverage: FundingCoverageView,
  referredOn: IsoDate | null,
): CoverageAxis {
  const dates = [
    coverage.today,
    addDays(coverage.today, norms.smiEndingWarning + 7),
    ...(referredOn ? [referredOn] : []),
    ...coverage.smi.flatMap((p) => [p.from, p.to ?? p.from]),
    ...coverage.kot.flatMap((p) => [p.from, ...(p.to ? [p.to] : [])]),
    ...coverage.gaps.flatMap((g) => [g.from, g.to]),
    ...coverage.acceptedGaps.flatMap((g) => [g.from, ...(g.to ? [g.to] : [])]),
  ];
  const sorted = [...dates].sort();
  const start = firstOfMonth(sorted[0] ?? coverage.today);
  const end = addDays(firstOfMonth(sorted[sorted.length - 1] ?? coverage.today, 1), -1);
  const span = Math.max(1, dayNumber(end) - dayNumber(start) + 1);
  const months: IsoDate[] = [];
  // Bounded: at most five years of ticks; longer cases show every third month.
  const step = span > 550 ? 3 : 1;
  for (let i = 0, month = start; i < 60 && month <= end; i++, month = firstOfMonth(month, step))
    months.push(month);
  return {
    start,
    end,
    position: (date) => Math.min(1, Math.max(0, (dayNumber(date) - dayNumber(start)) / span)),
    months,
  };
}

export const lastDayOf = (period: PeriodView, axis: CoverageAxis): IsoDate => period.to ?? axis.end;
