import type { IsoDate } from '../calendar';
import type { PartyRef } from '../parties';
import type { Child, Household, IndicationKind, Period } from './household';
import type { HouseholdChangeFacts } from './householdChanges';
import type { Mandate } from './mandate';

export const rejectionReasons = [
  'no-permanent-indication',
  'single-parent',
  'both-partners-indicated',
  'partner-not-working',
  'childcare-not-registered',
  'application-incomplete',
  'other',
] as const;
export type RejectionReason = (typeof rejectionReasons)[number];

export const closingOutcomes = [
  'kot-granted',
  'stays-on-smi',
  'not-eligible',
  'family-declined',
  'no-longer-needed',
] as const;
export type ClosingOutcome = (typeof closingOutcomes)[number];

/** The definitive settlement of a year's KOT (vaststelling): Toeslagen pays more, reclaims, or neither. */
export const settlementOutcomes = ['additional-payment', 'reclaim', 'no-difference'] as const;
export type SettlementOutcome = (typeof settlementOutcomes)[number];

/** The GDPR grounds (art. 17 AVG) on which the platform erases a family's personal data. */
export const erasureGrounds = [
  'request-of-data-subject',
  'retention-period-ended',
  'unlawfully-processed',
  'legal-obligation',
] as const;
export type ErasureGround = (typeof erasureGrounds)[number];

/** Each event: `type`, `schemaVersion` and `data`. Dates are business dates in Europe/Amsterdam. */
type Event<Type extends string, Data> = { type: Type; schemaVersion: 1; data: Data };

export type ReferralOpened = Event<
  'ReferralOpened',
  {
    caseId: string;
    municipality: string;
    referringOfficer: PartyRef;
    household: Household;
    children: Child[];
    smiPeriod: Period & { to: IsoDate };
    referredOn: IsoDate;
  }
>;
/** A family signalled without an SMI period; the municipality's SMI desk owns it from here. */
export type FamilySignalled = Event<
  'FamilySignalled',
  {
    caseId: string;
    municipality: string;
    signalledBy: PartyRef;
    household: Household;
    children: Child[];
    signalledOn: IsoDate;
  }
>;
export type EligibilityChecked = Event<
  'EligibilityChecked',
  { checkedOn: IsoDate; verdict: 'yes' | 'no' | 'unknown'; unmet: string[]; unknown: string[] }
>;
export type CaseOffered = Event<'CaseOffered', { to: PartyRef; offeredOn: IsoDate; note?: string }>;
export type OfferDeclined = Event<
  'OfferDeclined',
  { by: PartyRef; declinedOn: IsoDate; reason: string }
>;
export type CaseClaimed = Event<
  'CaseClaimed',
  { by: PartyRef; mandate: Mandate; claimedOn: IsoDate }
>;
/**
 * `by`: the person the mandate was given to, who from then on holds the claim (a colleague of the
 * same office who records their own mandate takes the case over). Absent in events recorded before
 * mandates were personal: the mandate then belongs to whoever held the claim.
 */
export type MandateRecorded = Event<
  'MandateRecorded',
  { mandate: Mandate; recordedOn: IsoDate; by?: PartyRef }
>;
export type ClaimReleased = Event<
  'ClaimReleased',
  { by: PartyRef; releasedOn: IsoDate; reason: string }
>;
export type KotRequested = Event<
  'KotRequested',
  {
    channel: 'phone' | 'letter';
    requestedOn: IsoDate;
    callbackExpectedOn?: IsoDate;
    applyAnywayReason?: string;
  }
>;
export type WlzRequestRegistered = Event<'WlzRequestRegistered', { registeredOn: IsoDate }>;
export type WlzIndicationConfirmed = Event<
  'WlzIndicationConfirmed',
  {
    partnerId: string;
    kind: IndicationKind;
    validFrom: IsoDate;
    validTo?: IsoDate;
    confirmedOn: IsoDate;
  }
>;
export type WlzIndicationNotFound = Event<
  'WlzIndicationNotFound',
  { partnerId: string; checkedOn: IsoDate; reason: string }
>;
export type CizDecisionCopySubmitted = Event<
  'CizDecisionCopySubmitted',
  {
    partnerId: string;
    kind: IndicationKind;
    validFrom: IsoDate;
    validTo?: IsoDate;
    submittedOn: IsoDate;
  }
>;
export type WlzIndicationReassessed = Event<
  'WlzIndicationReassessed',
  {
    partnerId: string;
    outcome: 'extended' | 'ends';
    kind?: IndicationKind;
    validTo?: IsoDate;
    reassessedOn: IsoDate;
  }
>;
export type ApplicationFormsSent = Event<'ApplicationFormsSent', { sentOn: IsoDate }>;
export type ApplicationSubmitted = Event<
  'ApplicationSubmitted',
  { submittedOn: IsoDate; requestedStart: IsoDate; signedByBothPartners: true }
>;
export type ApplicationReceived = Event<'ApplicationReceived', { receivedOn: IsoDate }>;
export type KotGranted = Event<'KotGranted', { decidedOn: IsoDate; grantedFrom: IsoDate }>;
export type KotRejected = Event<
  'KotRejected',
  { decidedOn: IsoDate; reason: RejectionReason; explanation: string }
>;
export type KotChanged = Event<
  'KotChanged',
  { changedFrom: IsoDate; decidedOn: IsoDate; reason: string }
>;
export type KotStopped = Event<
  'KotStopped',
  { stoppedFrom: IsoDate; decidedOn: IsoDate; setToZero: boolean; reason: string }
>;
/** What an objection (and an appeal after it) is against: a rejection, a stop, or a grant. */
export type ObjectedDecision = 'rejection' | 'stop' | 'grant';
/** A late objection carries the end of the period it missed and the reason (Awb 6:11). */
export type ObjectionFiled = Event<
  'ObjectionFiled',
  {
    filedOn: IsoDate;
    against: ObjectedDecision;
    grounds: string;
    periodEnded?: IsoDate;
    lateReason?: string;
  }
>;
export type ObjectionDecided = Event<
  'ObjectionDecided',
  {
    decidedOn: IsoDate;
    upheld: boolean;
    grantedFrom?: IsoDate;
    explanation: string;
    lateExcused?: boolean;
  }
>;
export type AppealFiled = Event<
  'AppealFiled',
  {
    filedOn: IsoDate;
    against: ObjectedDecision;
    grounds: string;
    periodEnded?: IsoDate;
    lateReason?: string;
  }
>;
export type CourtRuled = Event<
  'CourtRuled',
  {
    ruledOn: IsoDate;
    outcome: 'upheld' | 'dismissed';
    grantedFrom?: IsoDate;
    explanation: string;
  }
>;
export const letterChannels = ['berichtenbox', 'post'] as const;
export type LetterChannel = (typeof letterChannels)[number];
export type DecisionReceiptConfirmed = Event<
  'DecisionReceiptConfirmed',
  { decidedOn: IsoDate; channel: LetterChannel; receivedOn: IsoDate; by: PartyRef }
>;
export type SmiExtended = Event<'SmiExtended', { until: IsoDate; decidedOn: IsoDate }>;
export type SmiEnded = Event<'SmiEnded', { lastDay: IsoDate; decidedOn: IsoDate }>;
export type SmiReinstated = Event<
  'SmiReinstated',
  { from: IsoDate; until: IsoDate; decidedOn: IsoDate }
>;
export type FundingGapAccepted = Event<
  'FundingGapAccepted',
  { from: IsoDate; to?: IsoDate; reason: string; acceptedOn: IsoDate }
>;
export type HouseholdChangeRecorded = Event<
  'HouseholdChangeRecorded',
  HouseholdChangeFacts & { changeId: string; effectiveFrom: IsoDate; recordedOn: IsoDate }
>;
export type ChangePassedToToeslagen = Event<
  'ChangePassedToToeslagen',
  { changeId: string; passedOn: IsoDate }
>;
export type HouseholdChangeProcessed = Event<
  'HouseholdChangeProcessed',
  { changeId: string; processedOn: IsoDate }
>;
/** A recorded fact was wrong: the indication is another partner's. `reason` may describe the family. */
export type IndicatedPartnerCorrected = Event<
  'IndicatedPartnerCorrected',
  { partnerId: string; previousPartnerId: string | null; reason: string; correctedOn: IsoDate }
>;
export type KotSettled = Event<
  'KotSettled',
  { year: number; outcome: SettlementOutcome; amountCents: number; settledOn: IsoDate }
>;
/** A desk's step that a closing or withdrawal ends: the desk is told, the step ends on the record. */
export interface EndedStep {
  action: string;
  responsible: PartyRef;
}
export type CaseClosed = Event<
  'CaseClosed',
  { closedOn: IsoDate; outcome: ClosingOutcome; note?: string; endedStep?: EndedStep }
>;
export type CaseWithdrawn = Event<
  'CaseWithdrawn',
  { withdrawnOn: IsoDate; reason: string; endedStep?: EndedStep }
>;
/**
 * The family's personal data was erased: the case key is destroyed right after this is stored.
 * It holds no personal data itself, so auditors keep seeing who erased, when and why.
 */
export type PersonalDataErased = Event<
  'PersonalDataErased',
  { erasedOn: IsoDate; ground: ErasureGround; reference?: string; by: PartyRef }
>;

export type CaseEvent =
  | ReferralOpened
  | FamilySignalled
  | EligibilityChecked
  | CaseOffered
  | OfferDeclined
  | CaseClaimed
  | MandateRecorded
  | ClaimReleased
  | KotRequested
  | WlzRequestRegistered
  | WlzIndicationConfirmed
  | WlzIndicationNotFound
  | CizDecisionCopySubmitted
  | WlzIndicationReassessed
  | ApplicationFormsSent
  | ApplicationSubmitted
  | ApplicationReceived
  | KotGranted
  | KotRejected
  | KotChanged
  | KotStopped
  | ObjectionFiled
  | ObjectionDecided
  | AppealFiled
  | CourtRuled
  | DecisionReceiptConfirmed
  | SmiExtended
  | SmiEnded
  | SmiReinstated
  | FundingGapAccepted
  | CaseClosed
  | CaseWithdrawn
  | PersonalDataErased
  | HouseholdChangeRecorded
  | ChangePassedToToeslagen
  | HouseholdChangeProcessed
  | IndicatedPartnerCorrected
  | KotSettled;

export type CaseEventType = CaseEvent['type'];

export const caseEventTypes: readonly CaseEventType[] = [
  'ReferralOpened',
  'FamilySignalled',
  'EligibilityChecked',
  'CaseOffered',
  'OfferDeclined',
  'CaseClaimed',
  'MandateRecorded',
  'ClaimReleased',
  'KotRequested',
  'WlzRequestRegistered',
  'WlzIndicationConfirmed',
  'WlzIndicationNotFound',
  'CizDecisionCopySubmitted',
  'WlzIndicationReassessed',
  'ApplicationFormsSent',
  'ApplicationSubmitted',
  'ApplicationReceived',
  'KotGranted',
  'KotRejected',
  'KotChanged',
  'KotStopped',
  'ObjectionFiled',
  'ObjectionDecided',
  'AppealFiled',
  'CourtRuled',
  'DecisionReceiptConfirmed',
  'SmiExtended',
  'SmiEnded',
  'SmiReinstated',
  'FundingGapAccepted',
  'CaseClosed',
  'CaseWithdrawn',
  'PersonalDataErased',
  'HouseholdChangeRecorded',
  'ChangePassedToToeslagen',
  'HouseholdChangeProcessed',
  'IndicatedPartnerCorrected',
  'KotSettled',
];

export const caseStreamId = (caseId: string): string => `case-${caseId}`;
