// Which unfunded days the officer has accepted. An acceptance covers the gap it was given for: an
// open-ended one lasts until funding resumes (a later gap is a new gap), and a change of outlook
// (rejection, stop, failed objection) ends it in `evolve`. Both the gap guard in `decide` and
// `fundingCoverage` read acceptances through this file, so they cannot disagree.
import { addDays, maxDate, type IsoDate } from '../calendar';
import type { Period } from './household';
import { fundedKot, type AcceptedGap, type CaseState } from './state';

export interface Acceptance {
  /** Position in `state.acceptedGaps`: tells two acceptances apart even when reasons are redacted. */
  index: number;
  from: IsoDate;
  /** Absent: no funding is known to resume. */
  to?: IsoDate;
  reason: string | null;
}

/** The first day on or after `day` that a period covers, or null. */
export function firstCoveredFrom(periods: readonly Period[], day: IsoDate): IsoDate | null {
  return periods
    .filter((period) => period.to === undefined || period.to >= day)
    .map((period) => maxDate(period.from, day))
    .reduce<IsoDate | null>((first, from) => (first === null || from < first ? from : first), null);
}

/** The days each acceptance covers now, given the funding periods the case has now. */
export function acceptances(
  state: Pick<CaseState, 'smi' | 'kot' | 'indication' | 'acceptedGaps'>,
): Acceptance[] {
  const funding: Period[] = [...state.smi, ...fundedKot(state)];
  return state.acceptedGaps.map((gap: AcceptedGap, index) => {
    const resumes = gap.to === undefined ? firstCoveredFrom(funding, gap.from) : null;
    const to = gap.to ?? (resumes === null ? undefined : addDays(resumes, -1));
    return { index, from: gap.from, ...(to === undefined ? {} : { to }), reason: gap.reason };
  });
}

/** The acceptance that covers `day`, if any (the earliest given, when several do). */
export const acceptanceOn = (all: readonly Acceptance[], day: IsoDate): Acceptance | null =>
  all.find((a) => a.from <= day && (a.to === undefined || day <= a.to)) ?? null;

/**
 * The first day from `from` through `to` (open: onwards) that no acceptance covers, or null when
 * acceptances cover it all. Each step jumps past one acceptance, so it ends within their number.
 */
export function firstUnacceptedDay(
  all: readonly Acceptance[],
  from: IsoDate,
  to: IsoDate | undefined,
): IsoDate | null {
  let day = from;
  for (let step = 0; step <= all.length; step++) {
    if (to !== undefined && day > to) return null;
    const acceptance = acceptanceOn(all, day);
    if (!acceptance) return day;
    if (acceptance.to === undefined) return null;
    day = addDays(acceptance.to, 1);
  }
  return day;
}
