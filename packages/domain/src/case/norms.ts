// Service norms: how many calendar days each party has for its step. The two legal ones come from
// the law and the reports; the others are our choice, documented in the package README, short
// enough that a family never waits a month on a step nobody is taking.
import { addDays, type IsoDate } from '../calendar';

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
  /** CIZ: confirm the indication (normally answered in real time through the API link). */
  confirmIndication: 5,
  /** Supporter: send a copy of CIZ's decision when CIZ did not find the indication. */
  sendCizDecision: 14,
  /** Toeslagen: post the application form and the childcare form. */
  sendForms: 5,
  /** Supporter with the family: fill in, have both partners sign, post back. */
  returnForms: 14,
  /** Toeslagen: register receipt of the posted application. */
  registerReceipt: 7,
  /** Toeslagen: decide on the application (service norm 5 weeks). */
  decide: 35,
  /** Legal maximum for the decision (13 weeks). */
  decideLegalMaximum: 91,
  /** Objection period after a decision (bezwaartermijn, 6 weeks). */
  objectionPeriod: 42,
  /** Toeslagen: decide on an objection (6 weeks). */
  decideObjection: 42,
  /** SMI officer: align SMI with a granted KOT. */
  alignSmi: 7,
  /** SMI officer: secure funding after a stopped KOT, or after a rejection once SMI has ended. */
  secureFundingAfterStop: 7,
  /** Supporter: with funding settled and no objection left, apply again or close the case. */
  reapplyOrClose: 14,
  /** Supporter: check the first KOT payment and close the case. */
  aftercare: 42,
  /** Days ahead in which an ending SMI without KOT counts as a risk. */
  smiEndingWarning: 21,
} as const;

/** The last day an objection can be filed against a decision taken on `decidedOn`. */
export const objectionPeriodEnds = (decidedOn: IsoDate): IsoDate =>
  addDays(decidedOn, norms.objectionPeriod);
