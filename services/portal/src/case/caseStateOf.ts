// The domain's rules (may, kotCoversDayAfter, earliestKotStart) take a CaseState. The read side
// answers a CaseView; this rebuilds from it the part of the state those rules read, so the page
// asks the domain itself rather than repeating its rules.
import {
  initialState,
  type CaseState,
  type MandateType,
  type PartyRef,
  type WorkStatus,
  type IndicationKind,
  type CareType,
  type Verdict,
  type HouseholdChangeKind,
} from '@kot/domain';
import type { CaseView, PartyView } from '../api/caseView';

const partyRefOf = (party: PartyView): PartyRef => ({
  organisation: party.organisation,
  role: party.role,
  // The domain tells "offered to anyone at the office" from "to this person" by an absent id.
  ...(party.personId ? { personId: party.personId } : {}),
  ...(party.name ? { name: party.name } : {}),
});

const optional = <K extends string>(key: K, value: string | null | undefined) =>
  (value ? { [key]: value } : {}) as Partial<Record<K, string>>;

export function caseStateOf(view: CaseView): CaseState {
  const coverage = view.fundingCoverage;
  return {
    ...initialState(),
    status: view.status,
    caseId: view.id,
    municipality: view.municipality,
    referringOfficer: view.referringOfficer ? partyRefOf(view.referringOfficer) : null,
    referredOn: view.referredOn,
    // The signaller sees the case and may take it on without an offer: the actions follow that.
    signalledBy: view.signalledBy ? partyRefOf(view.signalledBy) : null,
    lastEligibilityCheck: view.lastEligibilityCheck && {
      ...view.lastEligibilityCheck,
      verdict: view.lastEligibilityCheck.verdict as Verdict,
    },
    statusSince: view.statusSince,
    household: view.household && {
      composition: view.household.composition === 'single-parent' ? 'single-parent' : 'partners',
      partners: view.household.partners.map((partner) => ({
        partnerId: partner.partnerId,
        name: partner.name ?? '',
        bsn: partner.bsn ?? '',
        birthDate: partner.birthDate ?? '',
        workStatus: partner.workStatus as WorkStatus,
        wlzIndication: partner.wlzIndication && {
          kind: partner.wlzIndication.kind as IndicationKind | 'unknown',
          ...optional('validFrom', partner.wlzIndication.validFrom),
          ...optional('validTo', partner.wlzIndication.validTo),
        },
      })),
    },
    children: view.children.map((child) => ({
      childId: child.childId,
      name: child.name ?? '',
      bsn: child.bsn ?? '',
      birthDate: child.birthDate ?? '',
      livesAtHome: child.livesAtHome,
      childcare: child.childcare && {
        ...child.childcare,
        careType: child.childcare.careType as CareType,
      },
    })),
    smi: coverage.smi.map((period) => ({ from: period.from, to: period.to ?? period.from })),
    kot: coverage.kot.map((period) => ({ from: period.from, ...optional('to', period.to) })),
    offer: view.offer && { to: partyRefOf(view.offer.to), offeredOn: view.offer.offeredOn },
    claim: view.claim && {
      by: partyRefOf(view.claim.by),
      claimedOn: view.claim.claimedOn,
      mandate: {
        type: view.claim.mandate.type as MandateType,
        validFrom: view.claim.mandate.validFrom,
        ...optional('validUntil', view.claim.mandate.validUntil),
        ...(view.claim.mandate.partnerIds ? { partnerIds: view.claim.mandate.partnerIds } : {}),
      },
    },
    indication: view.indication && {
      partnerId: view.indication.partnerId,
      kind: view.indication.kind as IndicationKind,
      validFrom: view.indication.validFrom,
      ...optional('validTo', view.indication.validTo),
      source: view.indication.source === 'copy' ? 'copy' : 'ciz',
    },
    request: view.request && {
      channel: view.request.channel === 'letter' ? 'letter' : 'phone',
      requestedOn: view.request.requestedOn,
      ...optional('callbackExpectedOn', view.request.callbackExpectedOn),
    },
    application: view.application && {
      submittedOn: view.application.submittedOn,
      requestedStart: view.application.requestedStart,
      ...optional('receivedOn', view.application.receivedOn),
    },
    objection: view.objection && {
      filedOn: view.objection.filedOn,
      against: view.objection.against === 'stop' ? 'stop' : 'rejection',
      ...optional('decidedOn', view.objection.decidedOn),
      ...(view.objection.upheld !== null ? { upheld: view.objection.upheld } : {}),
    },
    householdChanges: (view.householdChanges ?? []).map((change) => ({
      changeId: change.changeId,
      changeKind: change.changeKind as HouseholdChangeKind,
      effectiveFrom: change.effectiveFrom,
      recordedOn: change.recordedOn,
      ...optional('childId', change.childId),
      ...optional('passedOn', change.passedOn),
      ...optional('processedOn', change.processedOn),
    })),
    closure: view.closure && {
      on: view.closure.on,
      outcome: view.closure.outcome as NonNullable<CaseState['closure']>['outcome'],
      ...optional('note', view.closure.note),
    },
  };
}
