// What a run counts. The funnel is a function of events only, so the same function run over the
// store's own log must give the same numbers as the run's report (the CI check).
import type { IsoDate } from '@kot/domain';

export interface Funnel {
  referred: number;
  checkedYes: number;
  checkedNo: number;
  checkedUnknown: number;
  claimed: number;
  applied: number;
  granted: number;
  /** Cases with at least one rejection and never a grant, by the reason of their last rejection. */
  rejected: number;
  rejectedByReason: Record<string, number>;
  objections: number;
  objectionsUpheld: number;
  kotStopped: number;
}

export interface CaseEventLine {
  caseId: string;
  type: string;
  data: Record<string, unknown>;
}

/** The funnel counted per case from events with their case id. */
export function funnelOfCases(events: readonly CaseEventLine[]): Funnel {
  const cases = new Map<
    string,
    {
      verdict?: string;
      claimed: boolean;
      applied: boolean;
      granted: boolean;
      rejectedFor?: string;
    }
  >();
  const funnel: Funnel = {
    referred: 0,
    checkedYes: 0,
    checkedNo: 0,
    checkedUnknown: 0,
    claimed: 0,
    applied: 0,
    granted: 0,
    rejected: 0,
    rejectedByReason: {},
    objections: 0,
    objectionsUpheld: 0,
    kotStopped: 0,
  };
  const of = (caseId: string) => {
    let entry = cases.get(caseId);
    if (!entry) {
      entry = { claimed: false, applied: false, granted: false };
      cases.set(caseId, entry);
    }
    return entry;
  };
  for (const { caseId, type, data } of events) {
    const entry = of(caseId);
    switch (type) {
      case 'ReferralOpened':
        funnel.referred++;
        break;
      case 'EligibilityChecked':
        entry.verdict ??= String(data['verdict']);
        break;
      case 'CaseClaimed':
        entry.claimed = true;
        break;
      case 'ApplicationSubmitted':
        entry.applied = true;
        break;
      case 'KotGranted':
        entry.granted = true;
        break;
      case 'KotRejected':
        entry.rejectedFor = String(data['reason']);
        break;
      case 'ObjectionFiled':
        funnel.objections++;
        break;
      case 'ObjectionDecided':
        if (data['upheld'] === true) {
          funnel.objectionsUpheld++;
          entry.granted = true;
        }
        break;
      case 'KotStopped':
        funnel.kotStopped++;
        break;
    }
  }
  for (const entry of cases.values()) {
    if (entry.verdict === 'yes') funnel.checkedYes++;
    if (entry.verdict === 'no') funnel.checkedNo++;
    if (entry.verdict === 'unknown') funnel.checkedUnknown++;
    if (entry.claimed) funnel.claimed++;
    if (entry.applied) funnel.applied++;
    if (entry.granted) funnel.granted++;
    else if (entry.rejectedFor) {
      funnel.rejected++;
      funnel.rejectedByReason[entry.rejectedFor] =
        (funnel.rejectedByReason[entry.rejectedFor] ?? 0) + 1;
    }
  }
  return funnel;
}

export interface Percentiles {
  count: number;
  median: number;
  p90: number;
  max: number;
}

export function percentiles(values: readonly number[]): Percentiles {
  if (values.length === 0) return { count: 0, median: 0, p90: 0, max: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { count: sorted.length, median: at(0.5), p90: at(0.9), max: sorted[sorted.length - 1]! };
}

/** A day on which a family had no funding, no accepted gap and no notified owner. */
export interface SilentDay {
  caseId: string;
  family: number;
  day: IsoDate;
  status: string;
  /** The open step on that day and whose it was. */
  step: string | null;
  owner: string | null;
  /** Whether the referring officer had been told (they hold no open step then). */
  officerTold: boolean;
}

export interface DayCounts {
  day: IsoDate;
  /** Families without funding that day whose gap an officer accepted. */
  accepted: number;
  /** Without funding, not accepted, but an owner of an open step was told. */
  notified: number;
  silent: number;
  open: number;
}

export interface RunMeasures {
  funnel: Funnel;
  stepDays: Record<string, Percentiles>;
  silentDays: number;
  silentExamples: SilentDay[];
  /** Days from a run of unfunded days' first day until an owner was told (per run). */
  timeToNotifiedOwner: Percentiles;
  /** Unfunded days at the end of the year, by the case's status on the gap's first day. */
  unfundedByCause: Record<string, { accepted: number; unaccepted: number }>;
  unfundedByFailure: Record<string, number>;
  unfundedDaysTotal: number;
  daily: DayCounts[];
  notifications: {
    total: number;
    perFamily: number;
    byRole: Record<string, number>;
    byRule: Record<string, number>;
  };
  escalations: Record<string, number>;
  actions: Record<string, number>;
  refusals: Record<string, number>;
  failuresInjected: Record<string, number>;
  lostLetterDaysToAction: Percentiles;
  openAtEnd: number;
}
