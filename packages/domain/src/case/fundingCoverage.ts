import {
  addDays,
  dateInAmsterdam,
  dayNumber,
  fromDayNumber,
  type Instant,
  type IsoDate,
} from '../calendar';
import { acceptanceOn, acceptances } from './fundingGapAcceptance';
import type { Period } from './household';
import { norms } from './norms';
import type { CaseState } from './state';

export interface Gap {
  from: IsoDate;
  to: IsoDate;
  days: number;
  /** The officer accepted every day of this gap explicitly. */
  accepted: boolean;
  /** The reason given (null when not accepted, or when the reason is not kept in this copy). */
  acceptedReason: string | null;
}

export interface FundingCoverage {
  today: IsoDate;
  smi: Array<Period & { to: IsoDate }>;
  kot: Period[];
  fundedToday: boolean;
  /** Last day funded without interruption from today (open-ended KOT: null with fundedToday). */
  fundedUntil: IsoDate | null;
  /**
   * Days, from the first day of funding up to today, with neither SMI nor KOT. A closed case is
   * counted up to its closing, unless it closed during a gap nobody accepted: that gap stays
   * visible until today.
   */
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
  const accepted = acceptances(state);
  const start = state.smi.reduce<IsoDate | null>(
    (first, p) => (first === null || p.from < first ? p.from : first),
    null,
  );
  // Closing a case does not fund the family: a gap that was open and unaccepted on the closing day
  // is still counted, and still at risk, after it.
  const closedOn = state.closure?.on ?? null;
  const closedWithGap =
    closedOn !== null && !funded(closedOn) && acceptanceOn(accepted, closedOn) === null;
  const watched = closedOn === null || closedWithGap;
  const end = closedOn !== null && !closedWithGap && closedOn < today ? closedOn : today;

  const gaps: Gap[] = [];
  let lastAcceptance: number | null = null;
  if (start !== null) {
    // One pass over the days; a gap is a run of unfunded days with the same acceptance.
    for (let day = dayNumber(start); day <= dayNumber(end); day++) {
      const date = fromDayNumber(day);
      if (funded(date)) continue;
      const acceptance = acceptanceOn(accepted, date);
      const last = gaps[gaps.length - 1];
      if (last && last.to === addDays(date, -1) && lastAcceptance === (acceptance?.index ?? null)) {
        last.to = date;
        last.days++;
      } else {
        gaps.push({
          from: date,
          to: date,
          days: 1,
          accepted: acceptance !== null,
          acceptedReason: acceptance?.reason ?? null,
        });
      }
      lastAcceptance = acceptance?.index ?? null;
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

  let daysAtRisk = 0;
  if (watched && start !== null) {
    for (let i = 0; i <= norms.smiEndingWarning; i++) {
      const day = addDays(today, i);
      // A day the officer accepted unfunded is known and decided, not a risk.
      if (!funded(day) && acceptanceOn(accepted, day) === null) daysAtRisk++;
    }
  }
  const currentSmi = state.smi.find((p) => p.from <= today && today <= p.to);
  const smiEndsOn = currentSmi?.to ?? null;
  // At risk: SMI ends within the warning window and a day soon after it is neither funded (KOT or
  // a next SMI period) nor accepted unfunded by the officer.
  const dayAfterSmi = smiEndsOn === null ? null : addDays(smiEndsOn, 1);
  const windowEnd = addDays(today, norms.smiEndingWarning);
  const atRisk =
    watched &&
    smiEndsOn !== null &&
    dayAfterSmi !== null &&
    dayNumber(smiEndsOn) - dayNumber(today) <= norms.smiEndingWarning &&
    firstUnsecuredDay(state, dayAfterSmi, dayAfterSmi > windowEnd ? dayAfterSmi : windowEnd) !==
      null;

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

/**
 * The first day from `from` through `to` that is neither funded nor accepted, or null: where the
 * officer must act. Bounded by the days between the two dates.
 */
export function firstUnsecuredDay(state: CaseState, from: IsoDate, to: IsoDate): IsoDate | null {
  const funding = [...state.smi, ...state.kot];
  const accepted = acceptances(state);
  for (let day = dayNumber(from); day <= dayNumber(to); day++) {
    const date = fromDayNumber(day);
    if (!covers(funding, date) && acceptanceOn(accepted, date) === null) return date;
  }
  return null;
}
