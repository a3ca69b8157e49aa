// Service norms: how many calendar days each party has for its step. The statutory periods come
// from the law and are counted as the law counts them (statutoryPeriods.ts); the others are our
// choice, documented in the package README, short enough that a family never waits a month on a
// step nobody is taking.
import type { IsoDate } from '../calendar';
import { statutoryPeriodInWeeks } from '../statutoryPeriods';

export const norms = {
  /** SMI officer: offer a new referral to a supporter (or claim-by-household). */
  offerReferral: 7,
  /** Offered but unclaimed: after this the officer must chase or re-offer. */
  claimOffer: 10,
  /** Supporter without a mandate that allows applying: arrange one or hand over. */
  arrangeMandate: 14,
  /** Supporter: start the request at BelastingTelefoon (or by letter) after claiming. */
  requestKot: 7,
  /** Toeslagen (Belcentrum): call back and register the Wlz request. */
  registerWlzRequest: 5,
  /** Toeslagen (Belcentrum): look the indication up in its real-time view of CIZ's data. */
  confirmIndication: 5,
  /** Claimant: send a copy of CIZ's decision when the indication is not in CIZ's data. */
  sendCizDecision: 14,
  /** Toeslagen: post the application form and the childcare form. */
  sendForms: 5,
  /** Supporter with the family: fill in, have both partners sign, post back. */
  returnForms: 14,
  /** Toeslagen: register receipt of the posted application. */
  registerReceipt: 7,
  /** Toeslagen: decide on the application (its own service norm of 5 weeks, as the reports say). */
  decide: 35,
  /** Statutory decision period in weeks when no other law sets one (Awb 4:13(2)). */
  decideLegalWeeks: 8,
  /** Objection period after a decision in weeks (bezwaartermijn, Awb 6:7). */
  objectionPeriodWeeks: 6,
  /** Toeslagen: decide on an objection (service norm, counted from the filing). */
  decideObjection: 42,
  /** Statutory period for deciding on an objection in weeks, without an advisory committee (Awb 7:10(1)). */
  decideObjectionLegalWeeks: 6,
  /** Appeal period after the decision on an objection in weeks (beroepstermijn, Awb 6:7). */
  appealPeriodWeeks: 6,
  /**
   * Toeslagen: record the court's ruling on an appeal. No law sets the court a period; half a year
   * is our norm for asking after the case, so an appeal never waits unseen.
   */
  recordCourtRuling: 182,
  /**
   * Claimant: confirm that a decision letter reached the family and them. A Berichtenbox message
   * arrives the day it is sent, a posted letter within days; a week leaves room for both, and a
   * letter that went astray (seed 000, case 2) is noticed within the objection period.
   */
  confirmDecisionReceived: 7,
  /** Claimant: pass a change of circumstances to Toeslagen, counted from its effective date. */
  passChange: 28,
  /** Toeslagen: process a change passed on (the statutory reasonable period, Awb 4:13(2)). */
  processChange: 56,
  /** SMI officer: align SMI with a granted KOT. */
  alignSmi: 7,
  /** SMI officer: secure funding after a stopped KOT, or after a rejection once SMI has ended. */
  secureFundingAfterStop: 7,
  /** Supporter: with funding settled and no objection left, apply again or close the case. */
  reapplyOrClose: 14,
  /** Supporter: check the first KOT payment and close the case. */
  aftercare: 42,
  /** Days ahead in which a day without SMI or KOT counts as a risk: tomorrow and the 20 after it. */
  smiEndingWarning: 21,
  /**
   * CIZ: re-assess a temporary Wlz-indication. The step opens this many days before the indication
   * ends, so CIZ has its own six-week decision period and two weeks to spare before KOT would stop.
   */
  renewIndicationLead: 56,
  /** CIZ: the re-assessment is due this many days before the indication ends. */
  renewIndicationDueBeforeEnd: 14,
} as const;

/**
 * The last day an objection can be filed against a decision made known on `decidedOn`: six weeks
 * from the next day (Awb 6:7, 6:8), to the next working day when that is a weekend day or holiday.
 */
export const objectionPeriodEnds = (decidedOn: IsoDate): IsoDate =>
  statutoryPeriodInWeeks(decidedOn, norms.objectionPeriodWeeks);

/** The statutory deadline for deciding on an application received on `receivedOn` (Awb 4:13). */
export const decisionDeadline = (receivedOn: IsoDate): IsoDate =>
  statutoryPeriodInWeeks(receivedOn, norms.decideLegalWeeks);

/**
 * The statutory deadline for deciding on an objection: six weeks from the day after the objection
 * period ended (Awb 7:10(1)), whenever within the period it was filed.
 */
export const objectionDecisionDeadline = (decisionDecidedOn: IsoDate): IsoDate =>
  statutoryPeriodInWeeks(objectionPeriodEnds(decisionDecidedOn), norms.decideObjectionLegalWeeks);

/**
 * The last day an appeal can be filed against a decision on an objection made known on
 * `objectionDecidedOn`: six weeks from the next day (Awb 6:7, 6:8), to the next working day.
 */
export const appealPeriodEnds = (objectionDecidedOn: IsoDate): IsoDate =>
  statutoryPeriodInWeeks(objectionDecidedOn, norms.appealPeriodWeeks);
