import {
  addDays,
  dateInAmsterdam,
  dayNumber,
  fromDayNumber,
  maxDate,
  type Instant,
  type IsoDate,
} from '../calendar';
import { acceptanceOn, acceptances } from './fundingGapAcceptance';
import type { Period } from './household';
import { grantedAndClosed } from './decisionChecks';
import { norms } from './norms';
import { fundedKot, type CaseState } from './state';

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
  /** Granted KOT as it funds the family: ending with a temporary indication unless CIZ extended it. */
  kot: Period[];
  fundedToday: boolean;
  /** Last day funded without interruption from today (open-ended KOT: null with fundedToday). */
  fundedUntil: IsoDate | null;
  /**
   * Days, from the first day of funding up to today, with neither SMI nor KOT. A closed case is
   * counted up to its closing, unless it closed during a gap nobody accepted or its funding rests
   * on a granted KOT (which can still end with the indication): then up to today.
   */
  gaps: Gap[];
  gapDays: number;
  /** Days that SMI and KOT both fund (double funding): the municipality settles these. */
  overlaps: Array<{ from: IsoDate; to: IsoDate; days: number }>;
  /** Days from tomorrow through the next `smiEndingWarning` days that no funding or acceptance covers. */
  daysAtRisk: number;
  /** Some day in that window is neither funded nor accepted: the family is about to lose funding. */
  atRisk: boolean;
  smiEndsOn: IsoDate | null;
  /** The last day of the KOT that funds today, when it has one (a temporary indication's end). */
  kotEndsOn: IsoDate | null;
}

const covers = (periods: readonly Period[], day: IsoDate): boolean =>
  periods.some((period) => period.from <= day && (period.to === undefined || day <= period.to));

const fundingOf = (state: CaseState): Period[] => [...state.smi, ...fundedKot(state)];

/**
 * The first day the family was funded: the first SMI day (the platform follows from there). A
 * family that came in by a signal was never funded by SMI: nothing was promised, so no day is a
 * gap until SMI or KOT first funds it; from then on the same rules hold.
 */
const firstFundedDay = (state: CaseState): IsoDate | null =>
  (state.signalledBy !== null
    ? [...state.smi, ...fundedKot(state)]
    : state.smi
  ).reduce<IsoDate | null>((first, p) => (first === null || p.from < first ? p.from : first), null);

/**
 * The last day whose funding the platform still answers for: today for an open case; for an ended
 * one, today when it ended during a gap nobody accepted or rests on a granted KOT (which can still
 * end with the indication), else the day it ended.
 */
function watchedUntil(state: CaseState, today: IsoDate): IsoDate {
  const closedOn = state.closure?.on ?? null;
  if (closedOn === null || closedOn >= today) return today;
  const funded = (day: IsoDate) => covers(fundingOf(state), day);
  const closedWithGap = !funded(closedOn) && acceptanceOn(acceptances(state), closedOn) === null;
  return closedWithGap || grantedAndClosed(state) ? today : closedOn;
}

const watchesAhead = (state: CaseState, today: IsoDate): boolean =>
  watchedUntil(state, today) === today;

/**
 * Whether the family's childcare is funded every day. Counted from the first SMI day up to today
 * (or the day the case closed), so a KOT granted retroactively closes earlier gaps and a
 * reinstated SMI covers the days it reaches back to.
 */
export function fundingCoverage(state: CaseState, now: Instant): FundingCoverage {
  // A case's rows ask for it more than once at one moment (the summary, then its urgency); states
  // are never changed in place, so the same state at the same moment has the same coverage.
  if (remembered?.state !== state || remembered.now !== now) {
    remembered = { state, now, coverage: computeCoverage(state, now) };
  }
  return remembered.coverage;
}

let remembered: { state: CaseState; now: Instant; coverage: FundingCoverage } | null = null;

function computeCoverage(state: CaseState, now: Instant): FundingCoverage {
  const today = dateInAmsterdam(now);
  const kot = fundedKot(state);
  const funding = [...state.smi, ...kot];
  const funded = (day: IsoDate) => covers(funding, day);
  const accepted = acceptances(state);
  const start = firstFundedDay(state);
  const end = watchedUntil(state, today);

  const gaps: Gap[] = [];
  const overlaps: FundingCoverage['overlaps'] = [];
  let lastAcceptance: number | null = null;
  if (start !== null) {
    // One pass over the stretches in which nothing starts or ends; a gap is a run of unfunded
    // days with the same acceptance.
    for (const [first, last] of stretches([...funding, ...accepted], start, end)) {
      const date = fromDayNumber(first);
      const days = last - first + 1;
      if (covers(state.smi, date) && covers(kot, date)) extendRun(overlaps, first, last);
      if (funded(date)) continue;
      const acceptance = acceptanceOn(accepted, date);
      const previous = gaps[gaps.length - 1];
      if (
        previous &&
        dayNumber(previous.to) === first - 1 &&
        lastAcceptance === (acceptance?.index ?? null)
      ) {
        previous.to = fromDayNumber(last);
        previous.days += days;
      } else {
        gaps.push({
          from: date,
          to: fromDayNumber(last),
          days,
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
    const openKot = kot.some((p) => p.to === undefined && p.from <= today);
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
  if (start !== null && watchesAhead(state, today)) {
    const windowEnd = addDays(today, norms.smiEndingWarning);
    const windowStart = maxDate(addDays(today, 1), start);
    for (const [first, last] of stretches([...funding, ...accepted], windowStart, windowEnd)) {
      const date = fromDayNumber(first);
      // A day the officer accepted unfunded is known and decided, not a risk.
      if (!funded(date) && acceptanceOn(accepted, date) === null) daysAtRisk += last - first + 1;
    }
  }
  const currentSmi = state.smi.find((p) => p.from <= today && today <= p.to);
  const currentKot = kot.find((p) => p.from <= today && (p.to === undefined || today <= p.to));

  return {
    today,
    smi: state.smi,
    kot,
    fundedToday,
    fundedUntil,
    gaps,
    gapDays: gaps.reduce((sum, gap) => sum + gap.days, 0),
    overlaps,
    daysAtRisk,
    atRisk: daysAtRisk > 0,
    smiEndsOn: currentSmi?.to ?? null,
    kotEndsOn: currentKot?.to ?? null,
  };
}

function extendRun(runs: FundingCoverage['overlaps'], first: number, last: number): void {
  const previous = runs[runs.length - 1];
  if (previous && dayNumber(previous.to) === first - 1) {
    previous.to = fromDayNumber(last);
    previous.days += last - first + 1;
  } else {
    runs.push({ from: fromDayNumber(first), to: fromDayNumber(last), days: last - first + 1 });
  }
}

/**
 * The days from `from` through `to` cut into stretches (first and last day number) within which
 * no period starts or ends, so what covers a stretch's first day covers all of it. Coverage is
 * counted per stretch rather than per day: a case's cost follows its periods, not its age.
 */
function stretches(
  periods: ReadonlyArray<{ from: IsoDate; to?: IsoDate }>,
  from: IsoDate,
  to: IsoDate,
): Array<[number, number]> {
  const first = dayNumber(from);
  const last = dayNumber(to);
  if (first > last) return [];
  const cuts = new Set([first]);
  const cut = (day: number) => {
    if (day > first && day <= last) cuts.add(day);
  };
  for (const period of periods) {
    cut(dayNumber(period.from));
    if (period.to !== undefined) cut(dayNumber(period.to) + 1);
  }
  const starts = [...cuts].sort((a, b) => a - b);
  return starts.map((start, index) => [start, (starts[index + 1] ?? last + 1) - 1]);
}

/**
 * The first day, from the first day of funding through today, that is neither funded nor accepted
 * while the platform answers for the family's funding: the day the municipality must act on.
 */
export function firstUnsecuredDaySoFar(state: CaseState, today: IsoDate): IsoDate | null {
  const start = firstFundedDay(state);
  if (start === null || start > today) return null;
  return firstUnsecuredDay(state, start, watchedUntil(state, today));
}

/** Whether SMI may end on `lastDay` without opening a gap: KOT must be granted for the next day. */
export const kotCoversDayAfter = (state: CaseState, lastDay: IsoDate): boolean =>
  covers(fundedKot(state), addDays(lastDay, 1));

/**
 * The first day from `from` through `to` that is neither funded nor accepted, or null: where the
 * officer must act. Jumps over whole periods and acceptances instead of walking day by day (it runs
 * for every case on every refresh); each jump passes one of them, so it ends within their number.
 */
export function firstUnsecuredDay(state: CaseState, from: IsoDate, to: IsoDate): IsoDate | null {
  const covering: Array<{ from: IsoDate; to?: IsoDate }> = [
    ...fundingOf(state),
    ...acceptances(state),
  ];
  let day = from;
  for (let step = 0; step <= covering.length; step++) {
    if (day > to) return null;
    const cover = covering.find(
      (period) => period.from <= day && (period.to === undefined || day <= period.to),
    );
    if (!cover) return day;
    if (cover.to === undefined) return null;
    day = addDays(cover.to, 1);
  }
  return day > to ? null : day;
}
