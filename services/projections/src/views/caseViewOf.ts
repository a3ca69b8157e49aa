// A case as a viewer sees it, at a moment: the stored facts plus what the domain's rules say at
// `now`. Personal fields are null below the PERSONAL level, whatever the state passed in holds.
import {
  dateInAmsterdam,
  eligibility,
  fundingCoverage,
  nextStep,
  stepsAtTurn,
  urgencyOf,
  reclaimRisk,
  type CaseState,
  type Instant,
} from '@kot/domain';
import { ViewLevel } from '../graphql/types/enums';
import type { CaseView } from '../graphql/types/caseView';
import type { RecordedSmiPolicy } from './smiPolicyOf';

export function caseViewOf(
  state: CaseState,
  level: 'summary' | 'personal',
  now: Instant,
  revision: number,
  smiPolicy?: RecordedSmiPolicy,
): CaseView {
  const personal = level === 'personal';
  const shown = <T>(value: T | undefined): T | null => (personal ? (value ?? null) : null);
  const coverage = fundingCoverage(state, now);
  const step = nextStep(state, now, smiPolicy?.policy);
  return {
    id: state.caseId,
    viewLevel: personal ? ViewLevel.PERSONAL : ViewLevel.SUMMARY,
    status: state.status,
    statusSince: state.statusSince,
    municipality: state.municipality,
    referredOn: state.referredOn,
    referringOfficer: state.referringOfficer,
    offer: state.offer,
    claim: state.claim && {
      ...state.claim,
      mandate: { ...state.claim.mandate, reference: shown(state.claim.mandate.reference) },
    },
    household: state.household && {
      composition: state.household.composition,
      partners: state.household.partners.map((partner) => ({
        ...partner,
        name: shown(partner.name),
        bsn: shown(partner.bsn),
        birthDate: shown(partner.birthDate),
      })),
    },
    children: state.children.map((child) => ({
      ...child,
      name: shown(child.name),
      bsn: shown(child.bsn),
      birthDate: shown(child.birthDate),
    })),
    indication: state.indication,
    request: state.request,
    application: state.application,
    decision: state.decision && {
      ...state.decision,
      explanation: shown(state.decision.explanation),
    },
    objection: state.objection,
    closure: state.closure && { ...state.closure, note: shown(state.closure.note) },
    // States stored before erasure existed lack the fields: never erased.
    erasure: state.erasedOn
      ? { on: state.erasedOn, ground: state.erasureGround ?? 'request-of-data-subject' }
      : null,
    eligibility: state.household ? eligibility(state, dateInAmsterdam(now)) : null,
    // States stored before signals and recorded checks were kept lack the fields.
    lastEligibilityCheck: state.lastEligibilityCheck ?? null,
    signalledBy: state.signalledBy ?? null,
    nextStep: step,
    urgency: urgencyOf(state, step, now),
    atTurn: stepsAtTurn(state, now, smiPolicy?.policy),
    fundingCoverage: {
      ...coverage,
      gaps: coverage.gaps.map((gap) => ({ ...gap, acceptedReason: shown(gap.acceptedReason) })),
      acceptedGaps: state.acceptedGaps.map((gap) => ({
        from: gap.from,
        to: gap.to ?? null,
        acceptedOn: gap.acceptedOn,
        reason: shown(gap.reason),
      })),
    },
    householdChanges: state.householdChanges.map((change) => ({
      changeId: change.changeId,
      changeKind: change.changeKind,
      effectiveFrom: change.effectiveFrom,
      recordedOn: change.recordedOn,
      partnerId: change.partnerId ?? null,
      workStatus: change.workStatus ?? null,
      childId: change.child?.childId ?? change.childId ?? null,
      passedOn: change.passedOn ?? null,
      processedOn: change.processedOn ?? null,
    })),
    corrections: state.corrections.map((correction) => ({
      ...correction,
      checkedOn: correction.checkedOn ?? null,
    })),
    settlements: state.settlements,
    reclaimRisk: reclaimRisk(state),
    smiPolicy: {
      retroactive: smiPolicy?.policy.retroactive ?? false,
      maximumMonths: smiPolicy?.policy.maximumMonths ?? 12,
      extensionLeadDays: smiPolicy?.policy.extensionLeadDays ?? 28,
      recorded: smiPolicy?.recorded ?? false,
    },
    revision,
    computedAt: now,
  };
}
