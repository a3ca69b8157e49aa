import {
  addDays,
  dateInAmsterdam,
  dayNumber,
  fromDayNumber,
  type Instant,
  type IsoDate,
} from '../calendar';
import type { Period } from './household';
import { norms } from './norms';
import type { CaseState } from './state';

export interface Gap {
  from: IsoDate;
  to: IsoDate;
  days: number;
  /** The officer accepted every day of this gap explicitly, with this reason. */
  acceptedReason: string | null;
}

export interface FundingCoverage {
  today: IsoDate;
  smi: Array<Period & { to: IsoDate }>;
  kot: Period[];
  fundedToday: boolean;
  /** Last day funded without interruption from today (open-ended KOT: null with fundedToday). */
  fundedUntil: IsoDate | null;
  /** Days, from the first day of funding up to today (or the case's closing), with neither SMI nor KOT. */
  gaps: Gap[];
  gapDays: number;
  /** Days in the coming `smiEndingWarning` days that no SMI or granted KOT covers. */
  daysAtRisk: number;
  /** SMI ends within the warning window and KOT is not granted for the day after. */
  atRisk: boolean;
  smiEndsOn: IsoDate | null;
}

const covers = (periods: readonly Period[], day: IsoDate): boolean =>
  periods.some((period) => period.from <= day && (period.to === undefined || day <= period.to));

/**
 * Whether the family's childcare is funded every day. Counted from the first SMI day up to today
 * (or the day the case closed), so a KOT granted retroactively closes earlier gaps and a
 * reinstated SMI covers the days it reaches back to.
 */
export function fundingCoverage(state: CaseState, now: Instant): FundingCoverage {
  const today = dateInAmsterdam(now);
  const funding = [...state.smi, ...state.kot];
  const funded = (day: IsoDate) => covers(funding, day);
  const start = state.smi.reduce<IsoDate | null>(
    (first, p) => (first === null || p.from < first ? p.from : first),
    null,
  );
  const end = state.closure && state.closure.on < today ? state.closure.on : today;

  const gaps: Gap[] = [];
  if (start !== null) {
    // One pass over the days; a gap is a run of unfunded days with the same acceptance.
    for (let day = dayNumber(start); day <= dayNumber(end); day++) {
      const date = fromDayNumber(day);
      if (funded(date)) continue;
      const acceptedReason = state.acceptedGaps.find((gap) => covers([gap], date))?.reason ?? null;
      const last = gaps[gaps.length - 1];
      if (last && last.to === addDays(date, -1) && last.acceptedReason === acceptedReason) {
        last.to = date;
        last.days++;
      } else {
        gaps.push({ from: date, to: date, days: 1, acceptedReason });
      }
    }
  }

  const fundedToday = funded(today);
  let fundedUntil: IsoDate | null = null;
  if (fundedToday) {
    const openKot = state.kot.some((p) => p.to === undefined && p.from <= today);
    if (!openKot) {
      // Walk forward over adjoining periods; bounded by the number of periods.
      let last = today;
      for (let i = 0; i <= funding.length; i++) {
        const reach = funding
          .filter((p) => p.from <= addDays(last, 1) && p.to !== undefined && p.to >= last)
          .reduce<IsoDate>((max, p) => (p.to! > max ? p.to! : max), last);
        if (reach === last) break;
        last = reach;
      }
      fundedUntil = last;
    }
  }

  const isOpenCase = state.closure === null;
  let daysAtRisk = 0;
  if (isOpenCase && start !== null) {
    for (let i = 0; i <= norms.smiEndingWarning; i++) {
      if (!funded(addDays(today, i))) daysAtRisk++;
    }
  }
  const currentSmi = state.smi.find((p) => p.from <= today && today <= p.to);
  const smiEndsOn = currentSmi?.to ?? null;
  const atRisk =
    isOpenCase &&
    smiEndsOn !== null &&
    dayNumber(smiEndsOn) - dayNumber(today) <= norms.smiEndingWarning &&
    !covers(state.kot, addDays(smiEndsOn, 1)) &&
    !covers(
      state.smi.filter((p) => p !== currentSmi),
      addDays(smiEndsOn, 1),
    );

  return {
    today,
    smi: state.smi,
    kot: state.kot,
    fundedToday,
    fundedUntil,
    gaps,
    gapDays: gaps.reduce((sum, gap) => sum + gap.days, 0),
    daysAtRisk,
    atRisk,
    smiEndsOn,
  };
}

/** Whether SMI may end on `lastDay` without opening a gap: KOT must be granted for the next day. */
export const kotCoversDayAfter = (state: CaseState, lastDay: IsoDate): boolean =>
  covers(state.kot, addDays(lastDay, 1));
