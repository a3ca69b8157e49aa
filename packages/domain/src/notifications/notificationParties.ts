// Who the notification rules address, and how an intent is made. Shared by the event rules and the
// deadline rules so both give ids of the same shape.
import { CIZ, TOESLAGEN, householdOrganisation, type PartyRef } from '../parties';
import type { CaseState } from '../case/state';
import type { IsoDate } from '../calendar';
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
  if (state.wlzRequestRegisteredOn) parties.push(cizDesk);
  return parties;
}

/**
 * Who must act on an objection period: the claimant; while nobody holds the claim, the referring
 * officer and the household itself, so the period never runs out unseen.
 */
export function objectionRecipients(state: CaseState): PartyRef[] {
  if (state.claim) return [state.claim.by];
  return [...(state.referringOfficer ? [state.referringOfficer] : []), householdOf(state)];
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
