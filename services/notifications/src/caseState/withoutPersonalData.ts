import type { CaseState, PartyRef } from '@kot/domain';

/** What stands where a personal or free-text field was: not null, so "accepted with a reason" stays true. */
export const NOT_KEPT = '[not kept]';

const party = (ref: PartyRef): PartyRef => ({
  organisation: ref.organisation,
  role: ref.role,
  ...(ref.personId ? { personId: ref.personId } : {}),
});

/**
 * The case as the notification rules and timers need it, without names, BSNs, birth dates or free
 * text. This service keeps its own copy of the state, and a copy of personal data is one more place
 * that crypto-shredding could not reach.
 */
export function withoutPersonalData(state: CaseState): CaseState {
  return {
    ...state,
    referringOfficer: state.referringOfficer && party(state.referringOfficer),
    household: state.household && {
      ...state.household,
      partners: state.household.partners.map((partner) => ({
        ...partner,
        name: NOT_KEPT,
        bsn: NOT_KEPT,
        birthDate: NOT_KEPT,
      })),
    },
    children: state.children.map((child) => ({
      ...child,
      name: NOT_KEPT,
      bsn: NOT_KEPT,
      birthDate: NOT_KEPT,
    })),
    offer: state.offer && { ...state.offer, to: party(state.offer.to) },
    claim: state.claim && {
      ...state.claim,
      by: party(state.claim.by),
      mandate: withoutReference(state.claim.mandate),
    },
    decision: state.decision && withoutExplanation(state.decision),
    kotStop: state.kotStop && { ...state.kotStop, reason: NOT_KEPT },
    acceptedGaps: state.acceptedGaps.map((gap) => ({ ...gap, reason: NOT_KEPT })),
    closure: state.closure && { on: state.closure.on, outcome: state.closure.outcome },
  };
}

function withoutReference<T extends { reference?: string }>(mandate: T): T {
  const { reference: _reference, ...rest } = mandate;
  return rest as T;
}

function withoutExplanation<T extends { explanation?: string }>(decision: T): T {
  const { explanation: _explanation, ...rest } = decision;
  return rest as T;
}
