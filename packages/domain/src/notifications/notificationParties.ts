// Who the notification rules address, and how an intent is made. Shared by the event rules and the
// deadline rules so both give ids of the same shape.
import { CIZ, TOESLAGEN, householdOrganisation, type PartyRef } from '../parties';
import type { CaseState } from '../case/state';
import type { Instant, IsoDate } from '../calendar';
import { claimantMayApply } from '../case/mandate';
import { nextStep, stepBehindFunding } from '../case/nextStep';
import {
  recipientKey,
  type NotificationIntent,
  type NotificationParams,
  type NotificationRule,
} from './notificationIntent';

export const toeslagenDesk: PartyRef = { organisation: TOESLAGEN, role: 'toeslagen-officer' };
export const toeslagenLead: PartyRef = { organisation: TOESLAGEN, role: 'toeslagen-team-lead' };
export const cizDesk: PartyRef = { organisation: CIZ, role: 'ciz-assessor' };

export const householdOf = (state: CaseState): PartyRef => ({
  organisation: householdOrganisation(state.caseId),
  role: 'household',
});

export const municipalityLeadOf = (state: CaseState): PartyRef => ({
  organisation: state.municipality,
  role: 'smi-team-lead',
});

/** Everyone with a part in the case: the lost rejection letter must reach all of them. */
export function partiesOf(state: CaseState): PartyRef[] {
  const parties: PartyRef[] = [];
  if (state.referringOfficer) parties.push(state.referringOfficer);
  if (state.claim) parties.push(state.claim.by);
  if (state.claim?.by.role !== 'household') parties.push(householdOf(state));
  parties.push(toeslagenDesk);
  if (state.indication?.kind === 'temporary') parties.push(cizDesk);
  return parties;
}

/**
 * Who must hear of an objection period: the household, and whoever can file for it — the claimant
 * while their mandate lets them act for the family on `on`; else (nobody holds the claim, or the
 * mandate lapsed or only lets them signal) the referring officer, so the period never runs out
 * unseen.
 */
export function objectionRecipients(state: CaseState, on: IsoDate): PartyRef[] {
  const household = householdOf(state);
  if (state.claim && claimantMayApply(state, on)) return uniqueParties([state.claim.by, household]);
  return uniqueParties([state.referringOfficer, household]);
}

/**
 * Everyone a change of the family's funding must reach: the household, whoever acts for it, and
 * whoever must take the next step now (`now`: the moment of the change).
 */
export function fundingAudience(state: CaseState, now: Instant): PartyRef[] {
  return uniqueParties([
    householdOf(state),
    state.claim?.by,
    nextStep(state, now)?.responsible,
    stepBehindFunding(state, now)?.responsible,
  ]);
}

/** Each party slot once (organisation, role, person), in the order given. */
export function uniqueParties(parties: ReadonlyArray<PartyRef | null | undefined>): PartyRef[] {
  const seen = new Set<string>();
  return parties.filter((party): party is PartyRef => {
    if (!party) return false;
    const key = recipientKey(party);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export type IntentCause = { eventId: string } | { deadline: string; date: IsoDate };

export function intent(
  state: CaseState,
  rule: NotificationRule,
  recipient: PartyRef,
  cause: IntentCause,
  params: NotificationParams = {},
): NotificationIntent {
  const about = 'eventId' in cause ? cause.eventId : `${state.caseId}/${cause.deadline}`;
  return {
    id: `${rule}:${about}:${recipientKey(recipient)}`,
    rule,
    caseId: state.caseId,
    municipality: state.municipality,
    recipient,
    ...('eventId' in cause
      ? { eventId: cause.eventId }
      : { deadline: cause.deadline, date: cause.date }),
    params: {
      caseId: state.caseId,
      municipality: state.municipality,
      status: state.status,
      ...params,
    },
  };
}
