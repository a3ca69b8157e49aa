import type { IsoDate } from '../calendar';
import type { PartyRef } from '../parties';
import type {
  ClosingOutcome,
  ErasureGround,
  LetterChannel,
  RejectionReason,
  SettlementOutcome,
} from './events';
import type { HouseholdChangeFacts } from './householdChanges';
import type { Child, Household, IndicationKind } from './household';
import type { Mandate } from './mandate';

type Command<Type extends string, Data> = { type: Type; caseId: string } & Data;

export type OpenReferral = Command<
  'OpenReferral',
  {
    municipality: string;
    household: Household;
    children: Child[];
    smiPeriod: { from: IsoDate; to: IsoDate };
    referredOn?: IsoDate;
  }
>;
/**
 * Another way in: a professional (SMI officer, supporter, wijkteam, Toeslagen's desk) signals a
 * family that may be eligible, without an SMI period. The municipality owns it from then on.
 */
export type SignalFamily = Command<
  'SignalFamily',
  { municipality: string; household: Household; children: Child[]; signalledOn?: IsoDate }
>;
export type CheckEligibility = Command<'CheckEligibility', { on?: IsoDate }>;
export type OfferCase = Command<'OfferCase', { to: PartyRef; note?: string }>;
export type DeclineOffer = Command<'DeclineOffer', { reason: string }>;
export type ClaimCase = Command<'ClaimCase', { mandate: Mandate }>;
export type RecordMandate = Command<'RecordMandate', { mandate: Mandate }>;
export type ReleaseClaim = Command<'ReleaseClaim', { reason: string }>;
export type RequestKot = Command<
  'RequestKot',
  {
    channel: 'phone' | 'letter';
    requestedOn?: IsoDate;
    callbackExpectedOn?: IsoDate;
    /** Why the family applies although the eligibility check says no: their right, recorded. */
    applyAnywayReason?: string;
  }
>;
export type RegisterWlzRequest = Command<'RegisterWlzRequest', { registeredOn?: IsoDate }>;
export type ConfirmWlzIndication = Command<
  'ConfirmWlzIndication',
  { partnerId: string; kind: IndicationKind; validFrom: IsoDate; validTo?: IsoDate }
>;
export type ReportWlzIndicationNotFound = Command<
  'ReportWlzIndicationNotFound',
  { partnerId: string; reason: string }
>;
export type SubmitCizDecisionCopy = Command<
  'SubmitCizDecisionCopy',
  { partnerId: string; kind: IndicationKind; validFrom: IsoDate; validTo?: IsoDate }
>;
/** CIZ re-assessed a temporary indication before it ends: extended (with its new end) or ending. */
export type ReassessWlzIndication = Command<
  'ReassessWlzIndication',
  { partnerId: string; outcome: 'extended' | 'ends'; kind?: IndicationKind; validTo?: IsoDate }
>;
export type SendApplicationForms = Command<'SendApplicationForms', { sentOn?: IsoDate }>;
export type SubmitApplication = Command<
  'SubmitApplication',
  { requestedStart: IsoDate; signedByBothPartners: boolean; submittedOn?: IsoDate }
>;
export type RecordApplicationReceived = Command<
  'RecordApplicationReceived',
  { receivedOn?: IsoDate }
>;
export type GrantKot = Command<'GrantKot', { grantedFrom: IsoDate; decidedOn?: IsoDate }>;
export type RejectKot = Command<
  'RejectKot',
  { reason: RejectionReason; explanation: string; decidedOn?: IsoDate }
>;
export type ChangeKot = Command<'ChangeKot', { changedFrom: IsoDate; reason: string }>;
export type StopKot = Command<
  'StopKot',
  { stoppedFrom: IsoDate; setToZero: boolean; reason: string }
>;
/** `lateReason`: why an objection comes after its period (Awb 6:11); Toeslagen weighs it. */
export type FileObjection = Command<
  'FileObjection',
  { grounds: string; filedOn?: IsoDate; lateReason?: string }
>;
/** `lateExcused`: for a late objection, whether Toeslagen finds the lateness excusable. */
export type DecideObjection = Command<
  'DecideObjection',
  { upheld: boolean; grantedFrom?: IsoDate; explanation: string; lateExcused?: boolean }
>;
/** Beroep bij de rechtbank against the decision on the objection (Awb 8:1, period Awb 6:7). */
export type FileAppeal = Command<
  'FileAppeal',
  { grounds: string; filedOn?: IsoDate; lateReason?: string }
>;
export type RecordCourtRuling = Command<
  'RecordCourtRuling',
  {
    outcome: 'upheld' | 'dismissed';
    grantedFrom?: IsoDate;
    ruledOn?: IsoDate;
    explanation: string;
  }
>;
/** The decision letter reached whoever confirms it, through the Berichtenbox or by post. */
export type ConfirmDecisionReceived = Command<
  'ConfirmDecisionReceived',
  { channel: LetterChannel; receivedOn?: IsoDate }
>;
export type ExtendSmi = Command<'ExtendSmi', { until: IsoDate }>;
/** Ending SMI before KOT is granted for the next day needs `acceptGapReason`: the gap guard. */
export type EndSmi = Command<'EndSmi', { lastDay: IsoDate; acceptGapReason?: string }>;
export type ReinstateSmi = Command<'ReinstateSmi', { from: IsoDate; until: IsoDate }>;
export type AcceptFundingGap = Command<
  'AcceptFundingGap',
  { from: IsoDate; to?: IsoDate; reason: string }
>;
export type CloseCase = Command<'CloseCase', { outcome: ClosingOutcome; note?: string }>;
export type WithdrawCase = Command<'WithdrawCase', { reason: string }>;
/** `reference` is the privacy officer's own request number, never a name or BSN. */
export type ErasePersonalData = Command<
  'ErasePersonalData',
  { ground: ErasureGround; reference?: string }
>;
/** A change in the household from `effectiveFrom` on (a partner's work, a child, childcare, …). */
export type RecordHouseholdChange = Command<
  'RecordHouseholdChange',
  HouseholdChangeFacts & { effectiveFrom: IsoDate }
>;
export type PassChangeToToeslagen = Command<'PassChangeToToeslagen', { changeId: string }>;
export type RecordChangeProcessed = Command<'RecordChangeProcessed', { changeId: string }>;
/** The Wlz-indication was recorded on the wrong partner: `partnerId` is the one who holds it. */
export type CorrectIndicatedPartner = Command<
  'CorrectIndicatedPartner',
  { partnerId: string; reason: string }
>;
/** The definitive settlement (vaststelling) of a year's KOT, after that year ended. */
export type SettleKot = Command<
  'SettleKot',
  { year: number; outcome: SettlementOutcome; amountCents: number }
>;

export type CaseCommand =
  | OpenReferral
  | SignalFamily
  | CheckEligibility
  | OfferCase
  | DeclineOffer
  | ClaimCase
  | RecordMandate
  | ReleaseClaim
  | RequestKot
  | RegisterWlzRequest
  | ConfirmWlzIndication
  | ReportWlzIndicationNotFound
  | SubmitCizDecisionCopy
  | ReassessWlzIndication
  | SendApplicationForms
  | SubmitApplication
  | RecordApplicationReceived
  | GrantKot
  | RejectKot
  | ChangeKot
  | StopKot
  | FileObjection
  | DecideObjection
  | FileAppeal
  | RecordCourtRuling
  | ConfirmDecisionReceived
  | ExtendSmi
  | EndSmi
  | ReinstateSmi
  | AcceptFundingGap
  | CloseCase
  | WithdrawCase
  | ErasePersonalData
  | RecordHouseholdChange
  | PassChangeToToeslagen
  | RecordChangeProcessed
  | CorrectIndicatedPartner
  | SettleKot;

export type CaseCommandType = CaseCommand['type'];

/** The commands that open a case: an SMI referral, or a professional's signal without SMI. */
export const opensCase = (type: string): type is 'OpenReferral' | 'SignalFamily' =>
  type === 'OpenReferral' || type === 'SignalFamily';

export const caseCommandTypes: readonly CaseCommandType[] = [
  'OpenReferral',
  'SignalFamily',
  'CheckEligibility',
  'OfferCase',
  'DeclineOffer',
  'ClaimCase',
  'RecordMandate',
  'ReleaseClaim',
  'RequestKot',
  'RegisterWlzRequest',
  'ConfirmWlzIndication',
  'ReportWlzIndicationNotFound',
  'SubmitCizDecisionCopy',
  'ReassessWlzIndication',
  'SendApplicationForms',
  'SubmitApplication',
  'RecordApplicationReceived',
  'GrantKot',
  'RejectKot',
  'ChangeKot',
  'StopKot',
  'FileObjection',
  'DecideObjection',
  'FileAppeal',
  'RecordCourtRuling',
  'ConfirmDecisionReceived',
  'ExtendSmi',
  'EndSmi',
  'ReinstateSmi',
  'AcceptFundingGap',
  'CloseCase',
  'WithdrawCase',
  'ErasePersonalData',
  'RecordHouseholdChange',
  'PassChangeToToeslagen',
  'RecordChangeProcessed',
  'CorrectIndicatedPartner',
  'SettleKot',
];
