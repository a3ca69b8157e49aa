// The shape of a case as the read side answers it (CaseView / CaseAsOf), and the query that asks
// for it. The fragment is shared so the case page and the time slider show the same things.
import type { CaseStatus, Role, StepAction, Text } from '@kot/domain';

export interface PartyView {
  organisation: string;
  role: Role;
  personId: string | null;
  name: string | null;
}

export interface PeriodView {
  from: string;
  to: string | null;
}

export interface EligibilityView {
  verdict: 'yes' | 'no' | 'unknown';
  on: string;
  conditions: Array<{ code: string; met: boolean | null; explanation: Text }>;
  alternative: Text | null;
  notes: Text[];
}

export interface NextStepView {
  action: StepAction;
  description: Text;
  responsible: PartyView;
  since: string;
  due: string;
  overdue: boolean;
  daysOverdue: number;
  escalateTo: PartyView;
  deadline: { date: string; description: Text } | null;
}

export interface FundingCoverageView {
  today: string;
  smi: PeriodView[];
  kot: PeriodView[];
  fundedToday: boolean;
  fundedUntil: string | null;
  gaps: Array<{
    from: string;
    to: string;
    days: number;
    accepted: boolean;
    /** Personal: only for those who may see it, and only when asked for. */
    acceptedReason: string | null;
  }>;
  /** The gaps the officer accepted as recorded, also days still to come. */
  acceptedGaps: Array<{
    from: string;
    to: string | null;
    acceptedOn: string;
    reason: string | null;
  }>;
  gapDays: number;
  daysAtRisk: number;
  atRisk: boolean;
  smiEndsOn: string | null;
}

export interface MandateView {
  type: string;
  partnerIds: string[] | null;
  validFrom: string;
  validUntil: string | null;
  reference: string | null;
}

export interface PartnerView {
  partnerId: string;
  name: string | null;
  bsn: string | null;
  birthDate: string | null;
  wlzIndication: { kind: string; validFrom: string | null; validTo: string | null } | null;
  workStatus: string;
}

export interface ChildView {
  childId: string;
  name: string | null;
  bsn: string | null;
  birthDate: string | null;
  livesAtHome: boolean;
  childcare: {
    lrkNumber: string;
    careType: string;
    hoursPerMonth: number;
    hourlyRateCents: number;
  } | null;
}

export interface CaseView {
  id: string;
  viewLevel: 'SUMMARY' | 'PERSONAL';
  status: CaseStatus;
  statusSince: string | null;
  municipality: string;
  referredOn: string | null;
  referringOfficer: PartyView | null;
  offer: { to: PartyView; offeredOn: string } | null;
  claim: { by: PartyView; claimedOn: string; mandate: MandateView } | null;
  household: { composition: string; partners: PartnerView[] } | null;
  children: ChildView[];
  indication: {
    partnerId: string;
    kind: string;
    validFrom: string;
    validTo: string | null;
    source: string;
  } | null;
  request: { channel: string; requestedOn: string; callbackExpectedOn: string | null } | null;
  application: { submittedOn: string; requestedStart: string; receivedOn: string | null } | null;
  decision: {
    outcome: string;
    decidedOn: string;
    grantedFrom: string | null;
    reason: string | null;
    explanation: string | null;
  } | null;
  objection: {
    filedOn: string;
    against: string;
    decidedOn: string | null;
    upheld: boolean | null;
  } | null;
  closure: { on: string; outcome: string; note: string | null } | null;
  eligibility: EligibilityView | null;
  /** The verdict of the last CheckEligibility as recorded, with the codes of the conditions. */
  lastEligibilityCheck: {
    checkedOn: string;
    verdict: string;
    unmet: string[];
    unknown: string[];
  } | null;
  /** Who signalled the family, when the case came in by a signal without SMI. */
  signalledBy: PartyView | null;
  nextStep: NextStepView | null;
  /** Why the case stands where it stands on a worklist (the domain's urgencyOf). */
  urgency: { rank: number; kind: string; reason: Text };
  /** Who must act now (the domain's stepsAtTurn): the one who acts first, first. */
  atTurn: NextStepView[];
  fundingCoverage: FundingCoverageView;
  /** Changes of circumstances: a child who joined is named by childId only (its data is personal). */
  householdChanges: HouseholdChangeSummary[];
  revision: number;
  computedAt: string;
}

export interface HouseholdChangeSummary {
  changeId: string;
  changeKind: string;
  effectiveFrom: string;
  recordedOn: string;
  childId: string | null;
  passedOn: string | null;
  processedOn: string | null;
}

const party = 'organisation role personId name';
const textFields = 'nl en';
const stepFields = `
    action description { ${textFields} } responsible { ${party} } since due overdue daysOverdue
    escalateTo { ${party} } deadline { date description { ${textFields} } }`;

/**
 * The case's fields, with or without the personal ones (names, BSNs, birth dates, the mandate's
 * reference, free-text explanations). An auditor's read of personal data is recorded, so pages ask
 * for it only when it is shown.
 */
export function caseViewFieldsOf(personal: boolean): string {
  const p = (fields: string) => (personal ? fields : '');
  return `
  id viewLevel status statusSince municipality referredOn
  referringOfficer { ${party} }
  offer { to { ${party} } offeredOn }
  claim { by { ${party} } claimedOn mandate { type partnerIds validFrom validUntil ${p('reference')} } }
  household { composition partners { partnerId ${p('name bsn birthDate')} workStatus wlzIndication { kind validFrom validTo } } }
  children { childId ${p('name bsn birthDate')} livesAtHome childcare { lrkNumber careType hoursPerMonth hourlyRateCents } }
  indication { partnerId kind validFrom validTo source }
  request { channel requestedOn callbackExpectedOn }
  application { submittedOn requestedStart receivedOn }
  decision { outcome decidedOn grantedFrom reason ${p('explanation')} }
  objection { filedOn against decidedOn upheld }
  closure { on outcome ${p('note')} }
  eligibility { verdict on conditions { code met explanation { ${textFields} } } alternative { ${textFields} } notes { ${textFields} } }
  lastEligibilityCheck { checkedOn verdict unmet unknown }
  signalledBy { ${party} }
  nextStep { ${stepFields} }
  atTurn { ${stepFields} }
  urgency { rank kind reason { ${textFields} } }
  fundingCoverage {
    today fundedToday fundedUntil gapDays daysAtRisk atRisk smiEndsOn
    smi { from to } kot { from to } gaps { from to days accepted ${p('acceptedReason')} }
    acceptedGaps { from to acceptedOn ${p('reason')} }
  }
  householdChanges { changeId changeKind effectiveFrom recordedOn childId passedOn processedOn }
  revision computedAt
`;
}

/** The case with everything the user may see: what the case page shows to those who work on it. */
export const caseQuery = `query Case($id: ID!) { case(id: $id) { ${caseViewFieldsOf(true)} } }`;

/** The case without personal data: what an auditor sees until they choose to see the family. */
export const caseWithoutPersonalDataQuery = `query CaseWithoutPersonalData($id: ID!) { case(id: $id) { ${caseViewFieldsOf(false)} } }`;

export interface HistoryEntryView {
  position: number;
  revision: number;
  eventId: string;
  type: string;
  actor: { id: string; role: string; organisation: string };
  occurredAt: string;
  recordedAt: string;
  /** For NotificationDelivered and NotificationFailed: who was told, how. */
  notification: {
    channel: string;
    outcome: string;
    recipient: { organisation: string; role: string };
  } | null;
}

/** The platform's own services write some entries (deliveries): no person, no organisation. */
export const byThePlatform = (entry: HistoryEntryView): boolean => entry.actor.role === 'system';

export const caseHistoryQuery = `query CaseHistory($id: ID!) {
  caseHistory(id: $id) {
    position revision eventId type actor { id role organisation } occurredAt recordedAt
    notification { channel outcome recipient { organisation role } }
  }
}`;
