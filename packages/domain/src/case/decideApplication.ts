// The application: the request at BelastingTelefoon (or by letter), the check of the indication,
// the forms, and their receipt at Toeslagen. A rejected or stopped case may start here again.
import { addDays, type IsoDate } from '../calendar';
import { text } from '../text';
import type {
  ConfirmWlzIndication,
  ReassessWlzIndication,
  RecordApplicationReceived,
  RegisterWlzRequest,
  ReportWlzIndicationNotFound,
  RequestKot,
  SendApplicationForms,
  SubmitApplication,
  SubmitCizDecisionCopy,
} from './commands';
import { correctionToCheck } from './decideChanges';
import {
  checkPartner,
  event,
  notBefore,
  notInFuture,
  requireStatus,
  stepDate,
} from './decisionChecks';
import { eligibility } from './eligibility';
import type { CaseEvent } from './events';
import { refuse, refuseInput } from './refusal';
import type { CaseState } from './state';

type ApplicationCommand =
  | RequestKot
  | ReassessWlzIndication
  | RegisterWlzRequest
  | ConfirmWlzIndication
  | ReportWlzIndicationNotFound
  | SubmitCizDecisionCopy
  | SendApplicationForms
  | SubmitApplication
  | RecordApplicationReceived;

/** Where Toeslagen can still confirm (or correct) the indication from its view of CIZ's data. */
export const indicationStatuses = [
  'indication-check',
  'indication-missing',
  'forms-pending',
  'forms-sent',
  'application-submitted',
  'awaiting-decision',
] as const;

export function decideApplication(
  command: ApplicationCommand,
  state: CaseState,
  today: IsoDate,
): CaseEvent[] {
  switch (command.type) {
    case 'RequestKot': {
      requireRequestable(state);
      const requestedOn = requestDate('requestedOn', command.requestedOn, state, today);
      requireReasonAgainstClearNo(state, requestedOn, command.applyAnywayReason);
      return [
        event('KotRequested', {
          channel: command.channel,
          requestedOn,
          ...(command.callbackExpectedOn ? { callbackExpectedOn: command.callbackExpectedOn } : {}),
          ...(command.applyAnywayReason ? { applyAnywayReason: command.applyAnywayReason } : {}),
        }),
      ];
    }
    case 'ReassessWlzIndication':
      return reassessIndication(command, state, today);
    case 'RegisterWlzRequest': {
      requireStatus(
        state,
        ['claimed', 'requested'],
        'Er is geen openstaand verzoek om te registreren',
        'There is no pending request to register',
      );
      const registeredOn =
        state.status === 'claimed'
          ? requestDate('registeredOn', command.registeredOn, state, today)
          : stepDate('registeredOn', command.registeredOn, state, today);
      const events: CaseEvent[] = [];
      // The claimant reached the desk directly: the request and its registration happen together.
      // `may` lets this happen only when the claimant may apply for the family.
      if (state.status === 'claimed')
        events.push(event('KotRequested', { channel: 'phone', requestedOn: registeredOn }));
      events.push(event('WlzRequestRegistered', { registeredOn }));
      return events;
    }
    case 'ConfirmWlzIndication':
      // A corrected record of who holds the indication is checked whenever it was corrected.
      if (correctionToCheck(state)?.partnerId !== command.partnerId) {
        requireStatus(
          state,
          indicationStatuses,
          'Er is geen Wlz-verzoek om te controleren',
          'There is no Wlz request to check',
        );
      }
      checkPartner(state, command.partnerId);
      return [
        event('WlzIndicationConfirmed', {
          partnerId: command.partnerId,
          kind: command.kind,
          validFrom: command.validFrom,
          ...(command.validTo ? { validTo: command.validTo } : {}),
          confirmedOn: today,
        }),
      ];
    case 'ReportWlzIndicationNotFound':
      requireStatus(
        state,
        ['indication-check'],
        'Er wacht geen indicatie op controle',
        'No indication is waiting to be checked',
      );
      checkPartner(state, command.partnerId);
      return [
        event('WlzIndicationNotFound', {
          partnerId: command.partnerId,
          checkedOn: today,
          reason: command.reason,
        }),
      ];
    case 'SubmitCizDecisionCopy':
      requireStatus(
        state,
        ['indication-missing'],
        'Dienst Toeslagen heeft niet vastgelegd dat de indicatie ontbreekt',
        'Dienst Toeslagen did not record the indication as missing',
      );
      checkPartner(state, command.partnerId);
      return [
        event('CizDecisionCopySubmitted', {
          partnerId: command.partnerId,
          kind: command.kind,
          validFrom: command.validFrom,
          ...(command.validTo ? { validTo: command.validTo } : {}),
          submittedOn: today,
        }),
      ];
    case 'SendApplicationForms': {
      requireStatus(
        state,
        ['forms-pending'],
        'De formulieren kunnen nu niet worden verstuurd',
        'The forms cannot be sent now',
      );
      const sentOn = stepDate('sentOn', command.sentOn, state, today);
      return [event('ApplicationFormsSent', { sentOn })];
    }
    case 'SubmitApplication': {
      requireStatus(
        state,
        ['forms-sent'],
        'Er zijn geen formulieren om in te dienen',
        'There are no forms to submit',
      );
      // The posted forms are a fact: a requested start before the earliest possible is recorded
      // as written. The earliest start counts from receipt at Toeslagen (the legal application
      // date), which `GrantKot` checks; the steps before it warn (see nextStep).
      const submittedOn = stepDate('submittedOn', command.submittedOn, state, today);
      return [
        event('ApplicationSubmitted', {
          submittedOn,
          requestedStart: command.requestedStart,
          signedByBothPartners: true,
        }),
      ];
    }
    case 'RecordApplicationReceived': {
      requireStatus(
        state,
        ['application-submitted'],
        'Er is geen verstuurde aanvraag',
        'No application was submitted',
      );
      const receivedOn = stepDate('receivedOn', command.receivedOn, state, today);
      return [event('ApplicationReceived', { receivedOn })];
    }
  }
}

/**
 * When the eligibility check is a clear no, an application cannot succeed as things stand: the
 * family may still apply (it is their right), but only with the reason recorded, so nobody is sent
 * to the phone line by default.
 */
function requireReasonAgainstClearNo(
  state: CaseState,
  on: IsoDate,
  reason: string | undefined,
): void {
  if (!state.household || reason !== undefined) return;
  const check = eligibility(state, on);
  if (check.verdict !== 'no') return;
  const unmet = check.conditions.filter((condition) => condition.met === false);
  throw refuseInput([
    {
      field: 'applyAnywayReason',
      reason: text(
        `volgens de controle heeft het gezin geen recht (${unmet.map((c) => c.explanation.nl).join(' ')}); vraag alleen toch aan met een reden`,
        `the check says the family is not entitled (${unmet.map((c) => c.explanation.en).join(' ')}); apply anyway only with a reason`,
      ),
    },
  ]);
}

/**
 * CIZ re-assesses a temporary indication before it ends: extended (to a later end, or made
 * permanent), or it ends as it stood. Only for the indication the allowance rests on.
 */
function reassessIndication(
  command: ReassessWlzIndication,
  state: CaseState,
  today: IsoDate,
): CaseEvent[] {
  const current = state.indication;
  if (!current || current.kind !== 'temporary' || current.validTo === undefined) {
    throw refuse(
      'wrong-state',
      'Er is geen tijdelijke Wlz-indicatie met een einddatum om opnieuw te beoordelen.',
      'There is no temporary Wlz-indication with an end date to re-assess.',
    );
  }
  checkPartner(state, command.partnerId);
  if (command.partnerId !== current.partnerId) {
    throw refuseInput([
      {
        field: 'partnerId',
        reason: text(
          'dit is niet de ouder met de Wlz-indicatie',
          'this is not the parent with the Wlz-indication',
        ),
      },
    ]);
  }
  if (command.outcome === 'extended' && command.kind !== 'permanent') {
    notBefore('validTo', command.validTo ?? current.validTo, addDays(current.validTo, 1), {
      nl: 'de dag na de huidige einddatum',
      en: 'the day after the current end',
    });
  }
  return [
    event('WlzIndicationReassessed', {
      partnerId: command.partnerId,
      outcome: command.outcome,
      ...(command.outcome === 'extended' && command.kind ? { kind: command.kind } : {}),
      ...(command.outcome === 'extended' && command.validTo && command.kind !== 'permanent'
        ? { validTo: command.validTo }
        : {}),
      reassessedOn: today,
    }),
  ];
}

/**
 * KOT is requested once a case is claimed, and again after a rejection or a stop (a new
 * application; the earlier decision stays in the history). Not while an objection is pending.
 */
function requireRequestable(state: CaseState): void {
  if (state.status === 'objection') {
    throw refuse(
      'wrong-state',
      'Er loopt nog een bezwaar; vraag opnieuw aan nadat Dienst Toeslagen daarop heeft beslist.',
      'An objection is still pending; apply again once Dienst Toeslagen has decided on it.',
    );
  }
  if (state.status === 'granted') {
    throw refuse(
      'wrong-state',
      'Kinderopvangtoeslag is al toegekend.',
      'KOT has already been granted.',
    );
  }
  requireStatus(
    state,
    ['claimed', 'rejected', 'kot-stopped'],
    state.status === 'referred'
      ? 'Kinderopvangtoeslag kan pas worden aangevraagd als iemand de zaak heeft opgepakt'
      : 'Kinderopvangtoeslag is al aangevraagd; die aanvraag loopt nog',
    state.status === 'referred'
      ? 'KOT can only be requested once someone has taken the case on'
      : 'KOT has already been requested; that application is still running',
  );
}

/**
 * The day of a request at Toeslagen: it counts as the application date (`applicationDate`), and
 * the family may have called before anyone recorded the case on the platform, so a first request
 * may lie before the claim or the referral. A new application after a rejection or a stop comes
 * after the outcome it follows.
 */
function requestDate(
  field: string,
  given: IsoDate | undefined,
  state: CaseState,
  today: IsoDate,
): IsoDate {
  if (state.status === 'rejected' || state.status === 'kot-stopped') {
    return stepDate(field, given, state, today);
  }
  const date = given ?? today;
  notInFuture(field, date, today);
  return date;
}
