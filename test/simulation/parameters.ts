// Every figure the simulated year is made of, in one place, each with where it comes from: a
// report (seed 000 = the behavioural study, seed 001 = Toeslagen's invoeringstoets, both summarised
// in /work/shared/DOMAIN.md) or "assumption" when the reports give no number. A what-if run is a
// copy of this object with some fields changed (see whatIfs.ts); nothing else shapes a run.
import type { IsoDate } from '@kot/domain';

/** Days a party takes for a step: most within `typical`, a tail up to `tail`. */
export interface Delay {
  /** Days within which most (1 - tailShare) of the steps are taken. */
  typical: number;
  /** Share of steps that take longer (between typical and tail days). */
  tailShare: number;
  tail: number;
}

export interface Sourced<T> {
  value: T;
  source: string;
}

const ASSUMPTION = 'assumption';

export interface SimulationParameters {
  seed: number;
  firstDay: IsoDate;
  days: number;
  families: Sourced<number>;
  /** Relative weight of referrals per calendar month (Jan..Dec). */
  monthlyWeights: Sourced<number[]>;
  households: Sourced<{
    eligibleCouple: number;
    temporaryIndication: number;
    partnerNotWorking: number;
    singleParent: number;
    bothIndicated: number;
  }>;
  /** The referring officer does not know the indication's kind and enters "unknown". */
  indicationKindUnknownAtReferral: Sourced<number>;
  /** Share of families whose check said "no" that apply anyway (the family insists). */
  applyDespiteNo: Sourced<number>;
  /** The household applies for itself instead of a supporter. */
  householdClaimsItself: Sourced<number>;
  /** Supporter organisations per municipality that officers offer cases to. */
  supportersPerMunicipality: Sourced<number>;
  municipalities: Sourced<
    Array<{ code: string; smiMonths: number; extends: boolean; retroactive: boolean }>
  >;
  /** A supporter declines an offer (no capacity, not their kind of client). */
  offerDeclined: Sourced<number>;
  /** CIZ's API link does not find the indication; the family must send a copy. */
  indicationNotFound: Sourced<number>;
  delays: Sourced<{
    officer: Delay;
    supporter: Delay;
    household: Delay;
    toeslagenDesk: Delay;
    toeslagenDecision: Delay;
    ciz: Delay;
  }>;
  /** Each party reads a notification after these days, or misses it altogether. */
  inbox: Sourced<{ readWithinDays: number; missed: number }>;
  /** A supporter files an objection against a rejection (otherwise closes, family stays on SMI). */
  objectAfterRejection: Sourced<number>;
  failures: {
    lostDecisionLetter: Sourced<number>;
    silentSupporter: Sourced<number>;
    expiringMandate: Sourced<number>;
    smiEndedEarly: Sourced<number>;
    temporaryIndicationRunsOut: Sourced<number>;
    kotSetToZero: Sourced<number>;
  };
}

export const defaultParameters: SimulationParameters = {
  seed: 20230531,
  // The year before the evaluation's count (until May 2023), so temporary indications count only
  // from 2023-01-01 as the law says and rejections for "no permanent indication" still happen.
  firstDay: '2022-06-01',
  days: 365,
  families: {
    value: 4000,
    source: 'seed 001: up to 4,000 parents expected at design time (DOMAIN.md, Numbers)',
  },
  monthlyWeights: {
    value: [1.1, 1, 1, 1, 1, 0.9, 0.7, 0.7, 1.1, 1.1, 1, 0.8],
    source: `${ASSUMPTION}: fewer referrals in the summer and December holidays`,
  },
  households: {
    value: {
      eligibleCouple: 0.46,
      temporaryIndication: 0.12,
      partnerNotWorking: 0.22,
      singleParent: 0.14,
      bothIndicated: 0.06,
    },
    source:
      'seed 001: 62 of 232 applications rejected, most for no permanent indication and single parents; ' +
      '~80% of indicated parents have an intellectual disability and their partners often do not work ' +
      '(DOMAIN.md, Numbers); the split itself is an assumption fitted to those statements',
  },
  indicationKindUnknownAtReferral: {
    value: 0.3,
    source: `${ASSUMPTION}; seed 000: professionals often do not know the details of the indication`,
  },
  applyDespiteNo: {
    value: 0.2,
    source: `${ASSUMPTION}; seed 000 (point 9): families feel misinformed and apply anyway`,
  },
  householdClaimsItself: {
    value: 0.15,
    source: `${ASSUMPTION}; seed 000 (point 2): many families have no fixed professional`,
  },
  supportersPerMunicipality: { value: 3, source: ASSUMPTION },
  municipalities: {
    value: [
      { code: 'GM0344', smiMonths: 6, extends: true, retroactive: true },
      { code: 'GM0363', smiMonths: 12, extends: true, retroactive: false },
      { code: 'GM0599', smiMonths: 3, extends: true, retroactive: false },
      { code: 'GM0518', smiMonths: 6, extends: false, retroactive: false },
      { code: 'GM0193', smiMonths: 6, extends: true, retroactive: true },
      { code: 'GM0014', smiMonths: 3, extends: false, retroactive: true },
    ],
    source:
      'DOMAIN.md (SMI): every municipality sets its own duration, 3 months to a year; extensions ' +
      'must be requested on time; many do not grant retroactively. Which municipality does what: assumption',
  },
  offerDeclined: { value: 0.1, source: ASSUMPTION },
  indicationNotFound: {
    value: 0.1,
    source: `${ASSUMPTION}; seed 000 (figure 1): when the desk does not find the indication the family must send CIZ's decision`,
  },
  delays: {
    value: {
      officer: { typical: 5, tailShare: 0.1, tail: 20 },
      supporter: { typical: 7, tailShare: 0.15, tail: 30 },
      household: { typical: 10, tailShare: 0.25, tail: 40 },
      toeslagenDesk: { typical: 4, tailShare: 0.1, tail: 15 },
      toeslagenDecision: { typical: 30, tailShare: 0.15, tail: 70 },
      ciz: { typical: 1, tailShare: 0.05, tail: 10 },
    },
    source:
      'seed 000 (figures 1 and 2): call-backs days later, forms by post, decision within the 5-week norm; ' +
      'the shares beyond the norms are assumptions',
  },
  inbox: {
    value: { readWithinDays: 2, missed: 0.1 },
    source: `${ASSUMPTION}; seed 000 (point 5): a letter never reached the professional`,
  },
  objectAfterRejection: {
    value: 0.3,
    source: `${ASSUMPTION}; seed 000: the portal route needs a bezwaar to succeed`,
  },
  failures: {
    lostDecisionLetter: {
      value: 0.05,
      source: `seed 000 (point 5): one case lost a year to a rejection letter that never arrived; rate: ${ASSUMPTION}`,
    },
    silentSupporter: { value: 0.05, source: `seed 000 (point 2); rate: ${ASSUMPTION}` },
    expiringMandate: {
      value: 0.1,
      source: `seed 000 (figure 2): a supporter needs DigiD mandates; rate: ${ASSUMPTION}`,
    },
    smiEndedEarly: {
      value: 0.1,
      source: `seed 000 (point 6): SMI ended before KOT was decided; rate: ${ASSUMPTION}`,
    },
    temporaryIndicationRunsOut: {
      value: 0.3,
      source: `share of temporary indications that end within the year: ${ASSUMPTION}`,
    },
    kotSetToZero: {
      value: 0.03,
      source: `seed 000 (point 7): KOT set to zero by one wrong figure; rate: ${ASSUMPTION}`,
    },
  },
};

/** The evaluation's own counts, to set beside the simulated funnel (seed 001, DOMAIN.md). */
export const evaluationFunnel = {
  source: 'seed 001 (invoeringstoets), until May 2023',
  applied: 232,
  granted: 170,
  rejected: 62,
  rejectedMostlyFor: ['no-permanent-indication', 'single-parent'],
};
