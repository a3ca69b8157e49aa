// The referral until someone holds the case: opening, the pre-check, offering, claiming, the
// mandate, and giving the case back.
import type { IsoDate } from '../calendar';
import { partyOf, type Actor } from '../parties';
import type {
  CheckEligibility,
  ClaimCase,
  DeclineOffer,
  OfferCase,
  OpenReferral,
  RecordMandate,
  SignalFamily,
  ReleaseClaim,
} from './commands';
import { checkMandate, event, notInFuture, requireClaim } from './decisionChecks';
import { eligibility } from './eligibility';
import type { CaseEvent } from './events';
import { refuse } from './refusal';
import type { CaseState } from './state';

type ReferralCommand =
  | OpenReferral
  | SignalFamily
  | CheckEligibility
  | OfferCase
  | DeclineOffer
  | ClaimCase
  | RecordMandate
  | ReleaseClaim;

const holderName = (state: CaseState) => state.claim?.by.name ?? state.claim?.by.organisation;

export function decideReferral(
  command: ReferralCommand,
  state: CaseState,
  person: Actor,
  today: IsoDate,
): CaseEvent[] {
  const actor = partyOf(person);
  switch (command.type) {
    case 'OpenReferral': {
      if (state.status !== 'new') {
        throw refuse('wrong-state', 'Deze zaak bestaat al.', 'This case already exists.');
      }
      const referredOn = command.referredOn ?? today;
      notInFuture('referredOn', referredOn, today);
      return [
        event('ReferralOpened', {
          caseId: command.caseId,
          municipality: command.municipality,
          referringOfficer: actor,
          household: command.household,
          children: command.children,
          smiPeriod: { from: command.smiPeriod.from, to: command.smiPeriod.to },
          referredOn,
        }),
      ];
    }
    case 'SignalFamily': {
      if (state.status !== 'new') {
        throw refuse('wrong-state', 'Deze zaak bestaat al.', 'This case already exists.');
      }
      const signalledOn = command.signalledOn ?? today;
      notInFuture('signalledOn', signalledOn, today);
      return [
        event('FamilySignalled', {
          caseId: command.caseId,
          municipality: command.municipality,
          signalledBy: actor,
          household: command.household,
          children: command.children,
          signalledOn,
        }),
      ];
    }
    case 'CheckEligibility': {
      const on = command.on ?? today;
      const result = eligibility(state, on);
      return [
        event('EligibilityChecked', {
          checkedOn: on,
          verdict: result.verdict,
          unmet: result.conditions.filter((c) => c.met === false).map((c) => c.code),
          unknown: result.conditions.filter((c) => c.met === null).map((c) => c.code),
        }),
      ];
    }
    case 'OfferCase': {
      if (state.claim) {
        throw refuse(
          'wrong-state',
          `De zaak is al opgepakt door ${holderName(state)}; die moet de zaak eerst teruggeven.`,
          `The case is already taken on by ${holderName(state)}; they must release it first.`,
        );
      }
      const same =
        state.offer &&
        state.offer.to.organisation === command.to.organisation &&
        state.offer.to.role === command.to.role &&
        state.offer.to.personId === command.to.personId;
      if (same) {
        throw refuse(
          'wrong-state',
          'De zaak is al aan deze ondersteuner aangeboden.',
          'The case is already offered to this supporter.',
        );
      }
      return [
        event('CaseOffered', {
          to: command.to,
          offeredOn: today,
          ...(command.note ? { note: command.note } : {}),
        }),
      ];
    }
    case 'DeclineOffer':
      if (!state.offer || state.claim) {
        throw refuse(
          'wrong-state',
          'Er staat geen aanbod open om af te wijzen.',
          'There is no open offer to decline.',
        );
      }
      return [event('OfferDeclined', { by: actor, declinedOn: today, reason: command.reason })];
    case 'ClaimCase':
      if (state.claim) {
        throw refuse(
          'wrong-state',
          `De zaak is al opgepakt door ${holderName(state)}.`,
          `The case is already taken on by ${holderName(state)}.`,
        );
      }
      checkMandate(state, command.mandate, person, today);
      return [event('CaseClaimed', { by: actor, mandate: command.mandate, claimedOn: today })];
    case 'RecordMandate':
      // The mandate is the recorder's own: a colleague of the same office who records one takes
      // the case over with it (a personal mandate cannot pass from one person to another).
      requireClaim(state);
      checkMandate(state, command.mandate, person, today);
      return [event('MandateRecorded', { mandate: command.mandate, recordedOn: today, by: actor })];
    case 'ReleaseClaim':
      // The claimant gives the case back, or the referring municipality takes it back from a
      // claimant who went silent; `by` and `reason` say which and why.
      requireClaim(state);
      return [event('ClaimReleased', { by: actor, releasedOn: today, reason: command.reason })];
  }
}
