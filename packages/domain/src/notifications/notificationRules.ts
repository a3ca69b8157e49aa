import { addDays, type Instant } from '../calendar';
import { businessDateOf } from '../case/businessDate';
import type { CaseEvent } from '../case/events';
import { norms, objectionPeriodEnds } from '../case/norms';
import { changesToPass } from '../case/householdChanges';
import type { CaseState } from '../case/state';
import type { PartyRef } from '../parties';
import type {
  NotificationIntent,
  NotificationParams,
  NotificationRule,
} from './notificationIntent';
import {
  fundingAudience,
  householdOf,
  intent,
  objectionRecipients,
  partiesOf,
  toeslagenDesk,
  uniqueParties,
} from './notificationParties';

/** The events that change whether, or how, the family's childcare is funded. */
export const fundingEventTypes = [
  'SmiEnded',
  'SmiExtended',
  'SmiReinstated',
  'FundingGapAccepted',
  'KotGranted',
  'KotRejected',
  'KotChanged',
  'KotStopped',
  'ObjectionDecided',
  'CourtRuled',
  'WlzIndicationReassessed',
  'CaseClosed',
  'CaseWithdrawn',
  'KotSettled',
] as const satisfies ReadonlyArray<CaseEvent['type']>;

/**
 * Who must hear of an event. `before` and `after` are the case folded without and with it, so a
 * rule can say what changed (who held the claim that was released, for instance). `occurredAt` is
 * the event's business time: who owns the next step is decided as of then (default: noon of the
 * event's own date).
 */
export function notificationsForEvent(
  event: CaseEvent,
  eventId: string,
  before: CaseState,
  after: CaseState,
  occurredAt?: Instant,
): NotificationIntent[] {
  const cause = { eventId };
  const officer = after.referringOfficer;
  const claimant = after.claim?.by ?? null;
  const now =
    occurredAt ?? `${businessDateOf(event) ?? after.referredOn ?? '1970-01-01'}T12:00:00.000Z`;
  const toFundingAudience = (
    rule: NotificationRule,
    params: NotificationParams,
    also: PartyRef[] = [],
  ) =>
    uniqueParties([...also, ...fundingAudience(after, now)]).map((party) =>
      intent(after, rule, party, cause, params),
    );
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
    case 'CaseWithdrawn': {
      const closed = uniqueParties([...partiesOf(before), ...fundingAudience(after, now)]).map(
        (party) =>
          intent(after, 'case-closed', party, cause, {
            outcome: event.type === 'CaseClosed' ? event.data.outcome : 'withdrawn',
          }),
      );
      const ended = event.data.endedStep;
      return ended
        ? [
            ...closed,
            intent(after, 'desk-step-ended', ended.responsible, cause, { action: ended.action }),
          ]
        : closed;
    }
    case 'ClaimReleased': {
      // Whoever did not release it must hear: the officer when the supporter handed the case
      // back, the supporter when the municipality took it from them.
      const heldBy = before.claim?.by ?? null;
      const releasedBy = event.data.by.organisation;
      const intents: NotificationIntent[] = [];
      if (officer && releasedBy !== after.municipality) {
        intents.push(
          intent(after, 'claim-released', officer, cause, {
            releasedBy: heldBy?.organisation ?? releasedBy,
          }),
        );
      }
      if (heldBy && heldBy.organisation !== releasedBy) {
        intents.push(intent(after, 'claim-revoked', heldBy, cause, { releasedBy }));
      }
      return intents;
    }
    case 'KotRequested':
      return [
        intent(after, 'kot-requested', toeslagenDesk, cause, {
          channel: event.data.channel,
          requestedOn: event.data.requestedOn,
          due: addDays(event.data.requestedOn, norms.registerWlzRequest),
          ...(event.data.callbackExpectedOn
            ? { callbackExpectedOn: event.data.callbackExpectedOn }
            : {}),
        }),
      ];
    case 'WlzRequestRegistered':
      // The desk that registered the request looks the indication up in its view of CIZ's data;
      // when that did not happen in the same call, the check stays on the desk's list.
      return after.status === 'indication-check'
        ? [
            intent(after, 'indication-check-requested', toeslagenDesk, cause, {
              registeredOn: event.data.registeredOn,
              due: addDays(event.data.registeredOn, norms.confirmIndication),
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
    case 'ApplicationSubmitted':
      return [
        intent(after, 'application-submitted', toeslagenDesk, cause, {
          submittedOn: event.data.submittedOn,
          due: addDays(event.data.submittedOn, norms.registerReceipt),
        }),
      ];
    case 'ObjectionFiled':
      return [
        intent(after, 'objection-filed', toeslagenDesk, cause, {
          filedOn: event.data.filedOn,
          against: event.data.against,
          due: addDays(event.data.filedOn, norms.decideObjection),
          ...(event.data.periodEnded ? { periodEnded: event.data.periodEnded } : {}),
        }),
      ];
    case 'KotGranted':
    case 'KotRejected':
    case 'ObjectionDecided':
    case 'CourtRuled': {
      const decision: NotificationParams =
        event.type === 'KotGranted'
          ? { outcome: 'granted', grantedFrom: event.data.grantedFrom }
          : event.type === 'KotRejected'
            ? { outcome: 'rejected', reason: event.data.reason }
            : event.type === 'CourtRuled'
              ? {
                  outcome: event.data.outcome === 'upheld' ? 'appeal-upheld' : 'appeal-dismissed',
                  ...(event.data.grantedFrom ? { grantedFrom: event.data.grantedFrom } : {}),
                }
              : { outcome: event.data.upheld ? 'objection-upheld' : 'objection-rejected' };
      const decidedOn = event.type === 'CourtRuled' ? event.data.ruledOn : event.data.decidedOn;
      const all = uniqueParties([...partiesOf(after), ...fundingAudience(after, now)]).map(
        (party) => intent(after, 'kot-decided', party, cause, { ...decision, decidedOn }),
      );
      if (event.type !== 'KotRejected') return all;
      const objectionEnds = objectionPeriodEnds(event.data.decidedOn);
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
        ...objectionRecipients(after, event.data.decidedOn).map((recipient) =>
          intent(after, 'kot-rejected-objection-deadline', recipient, cause, {
            objectionEnds,
            reason: event.data.reason,
          }),
        ),
      ];
    }
    case 'KotStopped': {
      const stopped = toFundingAudience(
        'kot-stopped',
        { stoppedFrom: event.data.stoppedFrom, setToZero: event.data.setToZero },
        partiesOf(after),
      );
      // A stop can be objected to: the household and whoever may file hear the deadline.
      const objectionEnds = objectionPeriodEnds(event.data.decidedOn);
      return [
        ...stopped,
        ...objectionRecipients(after, event.data.decidedOn).map((recipient) =>
          intent(after, 'kot-stopped-objection-deadline', recipient, cause, { objectionEnds }),
        ),
      ];
    }
    case 'KotChanged':
      return toFundingAudience('kot-changed', { changedFrom: event.data.changedFrom });
    case 'FundingGapAccepted':
      return toFundingAudience(
        'funding-gap-opened',
        { from: event.data.from, ...(event.data.to ? { to: event.data.to } : {}), accepted: true },
        officer ? [officer] : [],
      );
    case 'SmiEnded':
      return toFundingAudience('smi-ended', { lastDay: event.data.lastDay });
    case 'SmiExtended':
      return toFundingAudience('smi-extended', { until: event.data.until });
    case 'SmiReinstated':
      return toFundingAudience('smi-reinstated', {
        from: event.data.from,
        until: event.data.until,
      });
    case 'WlzIndicationReassessed':
      return toFundingAudience(
        'indication-reassessed',
        {
          outcome: event.data.outcome,
          ...(event.data.validTo ? { validTo: event.data.validTo } : {}),
          ...(event.data.kind ? { kind: event.data.kind } : {}),
        },
        officer ? [officer] : [],
      );
    case 'HouseholdChangeRecorded': {
      // While KOT pays from the change's date, whoever passes it on and the household must know.
      if (!changesToPass(after).some((change) => change.changeId === event.data.changeId))
        return [];
      return uniqueParties([householdOf(after), claimant]).map((party) =>
        intent(after, 'change-to-pass', party, cause, {
          changeKind: event.data.changeKind,
          effectiveFrom: event.data.effectiveFrom,
        }),
      );
    }
    case 'ChangePassedToToeslagen': {
      const change = after.householdChanges.find((c) => c.changeId === event.data.changeId);
      return [
        intent(after, 'change-passed', toeslagenDesk, cause, {
          changeKind: change?.changeKind ?? 'partner-work',
          effectiveFrom: change?.effectiveFrom ?? event.data.passedOn,
        }),
      ];
    }
    case 'IndicatedPartnerCorrected':
      return uniqueParties([
        householdOf(after),
        claimant,
        officer,
        after.wlzRequestRegisteredOn ? toeslagenDesk : null,
      ]).map((party) =>
        intent(after, 'indicated-partner-corrected', party, cause, {
          correctedOn: event.data.correctedOn,
        }),
      );
    case 'KotSettled':
      // The settlement reaches the household and whoever supports it, whatever step is next.
      return toFundingAudience(
        'kot-settled',
        {
          year: event.data.year,
          outcome: event.data.outcome,
          amountCents: event.data.amountCents,
        },
        partiesOf(after).filter((party) => party !== toeslagenDesk),
      );
    default:
      return [];
  }
}
