// The business date of each event: the day its step happened in the world, which the event
// carries in a field of its own (the caller may record a step days after it happened).
import type { IsoDate } from '../calendar';
import type { CaseEvent, CaseEventType } from './events';

/**
 * The field holding each event's business date. A step recorded on its own day has today's date
 * there; one recorded later carries the date the caller gave (the domain's stepDate). The check
 * of eligibility is the exception: its date is the day the check is about, not when it happened.
 */
const businessDateField: Record<CaseEventType, string | null> = {
  ReferralOpened: 'referredOn',
  FamilySignalled: 'signalledOn',
  EligibilityChecked: null,
  CaseOffered: 'offeredOn',
  OfferDeclined: 'declinedOn',
  CaseClaimed: 'claimedOn',
  MandateRecorded: 'recordedOn',
  ClaimReleased: 'releasedOn',
  KotRequested: 'requestedOn',
  WlzRequestRegistered: 'registeredOn',
  WlzIndicationConfirmed: 'confirmedOn',
  WlzIndicationNotFound: 'checkedOn',
  CizDecisionCopySubmitted: 'submittedOn',
  WlzIndicationReassessed: 'reassessedOn',
  ApplicationFormsSent: 'sentOn',
  ApplicationSubmitted: 'submittedOn',
  ApplicationReceived: 'receivedOn',
  KotGranted: 'decidedOn',
  KotRejected: 'decidedOn',
  KotChanged: 'decidedOn',
  KotStopped: 'decidedOn',
  ObjectionFiled: 'filedOn',
  ObjectionDecided: 'decidedOn',
  AppealFiled: 'filedOn',
  CourtRuled: 'ruledOn',
  DecisionReceiptConfirmed: 'receivedOn',
  SmiExtended: 'decidedOn',
  SmiEnded: 'decidedOn',
  SmiReinstated: 'decidedOn',
  FundingGapAccepted: 'acceptedOn',
  CaseClosed: 'closedOn',
  CaseWithdrawn: 'withdrawnOn',
  PersonalDataErased: 'erasedOn',
  HouseholdChangeRecorded: 'recordedOn',
  ChangePassedToToeslagen: 'passedOn',
  HouseholdChangeProcessed: 'processedOn',
  IndicatedPartnerCorrected: 'correctedOn',
  KotSettled: 'settledOn',
};

export function businessDateOf(event: CaseEvent): IsoDate | null {
  const field = businessDateField[event.type];
  const value = field === null ? undefined : (event.data as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : null;
}
