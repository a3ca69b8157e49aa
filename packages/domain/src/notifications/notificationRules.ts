import { addDays, dateInAmsterdam, type Instant } from '../calendar';
import { CIZ, TOESLAGEN, householdOrganisation, type PartyRef } from '../parties';
import type { CaseEvent } from '../case/events';
import { fundingCoverage } from '../case/fundingCoverage';
import { nextStep } from '../case/nextStep';
import { norms } from '../case/norms';
import type { CaseState } from '../case/state';
import {
  recipientKey,
  type NotificationIntent,
  type NotificationParams,
  type NotificationRule,
} from './notificationIntent';

const toeslagenLead: PartyRef = { organisation: TOESLAGEN, role: 'toeslagen-team-lead' };

/** Everyone with a part in the case: the lost rejection letter must reach all of them. */
function partiesOf(state: CaseState): PartyRef[] {
  const parties: PartyRef[] = [];
  if (state.referringOfficer) parties.push(state.referringOfficer);
  if (state.claim) parties.push(state.claim.by);
  if (state.claim?.by.role !== 'household')
    parties.push({ organisation: householdOrganisation(state.caseId), role: 'household' });
  parties.push({ organisation: TOESLAGEN, role: 'toeslagen-officer' });
  if (state.wlzRequestRegisteredOn) parties.push({ organisation: CIZ, role: 'ciz-assessor' });
  return parties;
}

function intent(
  state: CaseState,
  rule: NotificationRule,
  recipient: PartyRef,
  cause: { eventId: string } | { date: string },
  params: NotificationParams = {},
): NotificationIntent {
  const about = 'eventId' in cause ? cause.eventId : `${state.caseId}/${cause.date}`;
  return {
    id: `${rule}:${about}:${recipientKey(recipient)}`,
    rule,
    caseId: state.caseId,
    municipality: state.municipality,
    recipient,
    ...('eventId' in cause ? { eventId: cause.eventId } : { date: cause.date }),
    params: {
      caseId: state.caseId,
      municipality: state.municipality,
      status: state.status,
      ...params,
    },
  };
}

/**
 * Who must hear of an event. `before` and `after` are the case folded without and with it, so a
 * rule can say what changed (who held the claim that was released, for instance).
 */
export function notificationsForEvent(
  event: CaseEvent,
  eventId: string,
  before: CaseState,
  after: CaseState,
): NotificationIntent[] {
  const cause = { eventId };
  const officer = after.referringOfficer;
  const claimant = after.claim?.by ?? null;
  switch (event.type) {
    case 'CaseOffered':
      return [
        intent(after, 'case-offered', event.data.to, cause, {
          offeredOn: event.data.offeredOn,
          due: addDays(event.data.offeredOn, norms.claimOffer),
        }),
      ];
    case 'CaseClaimed':
      return officer
        ? [
            intent(after, 'case-claimed', officer, cause, {
              claimedBy: event.data.by.organisation,
              mandate: event.data.mandate.type,
            }),
          ]
        : [];
    case 'OfferDeclined':
      return officer
        ? [
            intent(after, 'offer-declined', officer, cause, {
              declinedBy: event.data.by.organisation,
            }),
          ]
        : [];
    case 'CaseClosed':
    case 'CaseWithdrawn':
      return partiesOf(before).map((party) =>
        intent(after, 'case-closed', party, cause, {
          outcome: event.type === 'CaseClosed' ? event.data.outcome : 'withdrawn',
        }),
      );
    case 'ClaimReleased':
      return officer
        ? [
            intent(after, 'claim-released', officer, cause, {
              releasedBy: before.claim?.by.organisation ?? event.data.by.organisation,
            }),
          ]
        : [];
    case 'WlzIndicationNotFound':
      return claimant
        ? [
            intent(after, 'indication-not-found', claimant, cause, {
              due: addDays(event.data.checkedOn, norms.sendCizDecision),
            }),
          ]
        : officer
          ? [intent(after, 'indication-not-found', officer, cause)]
          : [];
    case 'ApplicationFormsSent': {
      const recipient = claimant ?? officer;
      return recipient
        ? [
            intent(after, 'forms-sent', recipient, cause, {
              sentOn: event.data.sentOn,
              due: addDays(event.data.sentOn, norms.returnForms),
            }),
          ]
        : [];
    }
    case 'KotGranted':
    case 'KotRejected':
    case 'ObjectionDecided': {
      const decision: NotificationParams =
        event.type === 'KotGranted'
          ? { outcome: 'granted', grantedFrom: event.data.grantedFrom }
          : event.type === 'KotRejected'
            ? { outcome: 'rejected', reason: event.data.reason }
            : { outcome: event.data.upheld ? 'objection-upheld' : 'objection-rejected' };
      const all = partiesOf(after).map((party) =>
        intent(after, 'kot-decided', party, cause, {
          ...decision,
          decidedOn: event.data.decidedOn,
        }),
      );
      if (event.type !== 'KotRejected') return all;
      const objectionEnds = addDays(event.data.decidedOn, norms.objectionPeriod);
      const smiEnd = after.smi[after.smi.length - 1]?.to ?? '';
      return [
        ...all,
        ...(officer
          ? [
              intent(after, 'kot-rejected-continue-smi', officer, cause, {
                smiEndsOn: smiEnd,
                objectionEnds,
              }),
            ]
          : []),
        ...(claimant
          ? [
              intent(after, 'kot-rejected-objection-deadline', claimant, cause, {
                objectionEnds,
                reason: event.data.reason,
              }),
            ]
          : []),
      ];
    }
    case 'KotStopped':
      return partiesOf(after).map((party) =>
        intent(after, 'kot-stopped', party, cause, {
          stoppedFrom: event.data.stoppedFrom,
          setToZero: event.data.setToZero,
        }),
      );
    case 'FundingGapAccepted':
      return claimant
        ? [
            intent(after, 'funding-gap-opened', claimant, cause, {
              from: event.data.from,
              accepted: true,
            }),
          ]
        : [];
    default:
      return [];
  }
}

/**
 * What the deadline timers must say about a case at `now`. Ids carry the deadline, so running this
 * every minute, or again after a restart, yields the same intents and nothing is sent twice.
 */
export function notificationsForDeadlines(state: CaseState, now: Instant): NotificationIntent[] {
  if (state.closure !== null || state.status === 'new') return [];
  const intents: NotificationIntent[] = [];
  const officer = state.referringOfficer;
  const step = nextStep(state, now);
  if (step?.overdue) {
    const about = { date: `${step.action}/${step.since}` };
    const params = { action: step.action, due: step.due, daysOverdue: step.daysOverdue };
    if (step.action === 'decide-application') {
      intents.push(intent(state, 'decision-overdue', toeslagenLead, about, params));
      if (officer) intents.push(intent(state, 'decision-overdue', officer, about, params));
    } else if (step.action === 'get-case-claimed' || step.action === 'offer-to-supporter') {
      intents.push(intent(state, 'case-unclaimed', step.responsible, about, params));
      intents.push(intent(state, 'case-unclaimed', step.escalateTo, about, params));
    } else {
      intents.push(intent(state, 'step-overdue', step.responsible, about, params));
      intents.push(intent(state, 'step-overdue', step.escalateTo, about, params));
    }
  }
  const coverage = fundingCoverage(state, now);
  if (coverage.atRisk && coverage.smiEndsOn) {
    const about = { date: `smi-end/${coverage.smiEndsOn}` };
    const params = { smiEndsOn: coverage.smiEndsOn, daysAtRisk: coverage.daysAtRisk };
    if (officer) intents.push(intent(state, 'smi-ending-without-kot', officer, about, params));
    if (state.claim)
      intents.push(intent(state, 'smi-ending-without-kot', state.claim.by, about, params));
  }
  const today = dateInAmsterdam(now);
  const openGap = coverage.gaps.find((gap) => gap.to === today && gap.acceptedReason === null);
  if (openGap && officer) {
    const about = { date: `gap/${openGap.from}` };
    intents.push(
      intent(state, 'funding-gap-opened', officer, about, {
        from: openGap.from,
        days: openGap.days,
        accepted: false,
      }),
    );
    intents.push(
      intent(
        state,
        'funding-gap-opened',
        { organisation: state.municipality, role: 'smi-team-lead' },
        about,
        { from: openGap.from, days: openGap.days, accepted: false },
      ),
    );
  }
  return intents;
}
