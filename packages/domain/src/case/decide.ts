import { addDays, dateInAmsterdam, type Instant, type IsoDate } from '../calendar';
import { partyOf, type Actor } from '../parties';
import type { CaseCommand } from './commands';
import { earliestKotStart, eligibility } from './eligibility';
import type { CaseEvent } from './events';
import { kotCoversDayAfter } from './fundingCoverage';
import { norms } from './norms';
import { refuse, refuseInput } from './refusal';
import { isOpen, type CaseState, type CaseStatus } from './state';
import { text } from '../text';

export interface CommandContext {
  actor: Actor;
  /** The moment the command is handled; business dates default to this day in Amsterdam. */
  now: Instant;
}

const event = <E extends CaseEvent>(type: E['type'], data: E['data']): E =>
  ({ type, schemaVersion: 1, data }) as E;

const statusNames: Record<CaseStatus, string> = {
  new: 'nog niet aangemaakt',
  referred: 'doorverwezen, nog niet opgepakt',
  claimed: 'opgepakt door een ondersteuner',
  requested: 'aangevraagd bij de BelastingTelefoon',
  'indication-check': 'wacht op bevestiging door CIZ',
  'indication-missing': 'wacht op een kopie van het CIZ-besluit',
  'forms-pending': 'wacht op de formulieren van Toeslagen',
  'forms-sent': 'formulieren verstuurd aan het gezin',
  'application-submitted': 'aanvraag verstuurd',
  'awaiting-decision': 'wacht op het besluit van Toeslagen',
  granted: 'kinderopvangtoeslag toegekend',
  rejected: 'kinderopvangtoeslag afgewezen',
  objection: 'bezwaar loopt',
  'kot-stopped': 'kinderopvangtoeslag gestopt',
  closed: 'gesloten',
  withdrawn: 'ingetrokken',
};

function requireStatus(
  state: CaseState,
  allowed: readonly CaseStatus[],
  nl: string,
  en: string,
): void {
  if (!allowed.includes(state.status)) {
    throw refuse(
      'wrong-state',
      `${nl} (de zaak is nu: ${statusNames[state.status]}).`,
      `${en} (the case is now: ${state.status}).`,
    );
  }
}

/**
 * A business date lies between the day the case reached its current step and today: a step cannot
 * be dated before the one it follows (the process's durations would lie), nor in the future.
 */
function stepDate(
  field: string,
  given: IsoDate | undefined,
  state: CaseState,
  today: IsoDate,
): IsoDate {
  const date = given ?? today;
  notInFuture(field, date, today);
  if (state.statusSince !== null) {
    notBefore(field, date, state.statusSince, {
      nl: 'de datum van de vorige stap',
      en: 'the date of the previous step',
    });
  }
  return date;
}

function notInFuture(field: string, date: IsoDate, today: IsoDate): void {
  if (date > today) {
    throw refuseInput([
      { field, reason: text(`${date} ligt in de toekomst`, `${date} is in the future`) },
    ]);
  }
}

function notBefore(
  field: string,
  date: IsoDate,
  earliest: IsoDate,
  what: { nl: string; en: string },
): void {
  if (date < earliest) {
    throw refuseInput([
      {
        field,
        reason: text(
          `${date} ligt vóór ${what.nl} (${earliest})`,
          `${date} is before ${what.en} (${earliest})`,
        ),
      },
    ]);
  }
}

/**
 * Changing or stopping KOT needs a granted KOT that still runs (also on a case closed as granted:
 * a stop reopens it), from a date no earlier than its start.
 */
function requireRunningKot(
  state: CaseState,
  field: string,
  from: IsoDate,
  verb: { nl: string; en: string },
): void {
  const last = state.kot[state.kot.length - 1];
  const granted =
    state.status === 'granted' ||
    (state.status === 'closed' && state.closure?.outcome === 'kot-granted');
  if (!last || last.to !== undefined || !granted) {
    throw refuse(
      'wrong-state',
      `Er loopt geen kinderopvangtoeslag om te ${verb.nl}.`,
      `There is no running KOT to ${verb.en}.`,
    );
  }
  notBefore(field, from, last.from, { nl: 'de ingangsdatum', en: 'the start date' });
}

/** Given the case so far, what does this command add? Throws `CommandRefused` when it may not happen. */
export function decide(command: CaseCommand, state: CaseState, ctx: CommandContext): CaseEvent[] {
  const today = dateInAmsterdam(ctx.now);
  const actor = partyOf(ctx.actor);

  if (command.type === 'OpenReferral') {
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

  if (state.status === 'new') {
    throw refuse('not-found', 'Er is geen zaak met dit nummer.', 'There is no case with this id.');
  }
  const grantedAndClosed = state.status === 'closed' && state.closure?.outcome === 'kot-granted';
  const reopensClosed =
    (command.type === 'StopKot' || command.type === 'ChangeKot') && grantedAndClosed;
  if (!isOpen(state) && !reopensClosed) {
    throw refuse('wrong-state', 'Deze zaak is gesloten.', 'This case is closed.');
  }

  switch (command.type) {
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
          `De zaak is al opgepakt door ${state.claim.by.name ?? state.claim.by.organisation}; die moet de zaak eerst teruggeven.`,
          `The case is already taken on by ${state.claim.by.name ?? state.claim.by.organisation}; they must release it first.`,
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
    case 'ClaimCase': {
      if (state.claim) {
        throw refuse(
          'wrong-state',
          `De zaak is al opgepakt door ${state.claim.by.name ?? state.claim.by.organisation}.`,
          `The case is already taken on by ${state.claim.by.name ?? state.claim.by.organisation}.`,
        );
      }
      if (command.mandate.validUntil !== undefined && command.mandate.validUntil < today) {
        throw refuseInput([
          {
            field: 'mandate.validUntil',
            reason: text('de machtiging is verlopen', 'the mandate has expired'),
          },
        ]);
      }
      checkMandatePartners(state, command.mandate.partnerIds);
      return [event('CaseClaimed', { by: actor, mandate: command.mandate, claimedOn: today })];
    }
    case 'RecordMandate':
      requireClaim(state);
      checkMandatePartners(state, command.mandate.partnerIds);
      return [event('MandateRecorded', { mandate: command.mandate, recordedOn: today })];
    case 'ReleaseClaim':
      requireClaim(state);
      return [event('ClaimReleased', { by: actor, releasedOn: today, reason: command.reason })];
    case 'RequestKot': {
      requireStatus(
        state,
        ['claimed'],
        'Kinderopvangtoeslag is al aangevraagd',
        'KOT has already been requested',
      );
      const requestedOn = stepDate('requestedOn', command.requestedOn, state, today);
      return [
        event('KotRequested', {
          channel: command.channel,
          requestedOn,
          ...(command.callbackExpectedOn ? { callbackExpectedOn: command.callbackExpectedOn } : {}),
        }),
      ];
    }
    case 'RegisterWlzRequest': {
      requireStatus(
        state,
        ['claimed', 'requested'],
        'Er is geen openstaand verzoek om te registreren',
        'There is no pending request to register',
      );
      const registeredOn = stepDate('registeredOn', command.registeredOn, state, today);
      const events: CaseEvent[] = [];
      // The supporter reached the desk directly: the request and its registration happen together.
      if (state.status === 'claimed')
        events.push(event('KotRequested', { channel: 'phone', requestedOn: registeredOn }));
      events.push(event('WlzRequestRegistered', { registeredOn }));
      return events;
    }
    case 'ConfirmWlzIndication': {
      requireStatus(
        state,
        [
          'indication-check',
          'indication-missing',
          'forms-pending',
          'forms-sent',
          'application-submitted',
          'awaiting-decision',
        ],
        'Er is geen Wlz-verzoek om te controleren',
        'There is no Wlz request to check',
      );
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
    }
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
        'CIZ heeft de indicatie niet gemist',
        'CIZ did not report the indication missing',
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
      const submittedOn = stepDate('submittedOn', command.submittedOn, state, today);
      notBefore(
        'requestedStart',
        command.requestedStart,
        earliestKotStart(submittedOn, state.indication),
        {
          nl: 'de vroegste ingangsdatum (eerste dag van de maand drie maanden vóór de aanvraag)',
          en: 'the earliest start (first day of the month three months before the application)',
        },
      );
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
    case 'GrantKot': {
      requireStatus(
        state,
        ['awaiting-decision'],
        'Er ligt geen aanvraag ter beslissing',
        'No application awaits a decision',
      );
      const decidedOn = stepDate('decidedOn', command.decidedOn, state, today);
      const receivedOn = state.application?.receivedOn ?? decidedOn;
      notBefore(
        'grantedFrom',
        command.grantedFrom,
        earliestKotStart(receivedOn, state.indication),
        {
          nl: 'de vroegste ingangsdatum voor deze aanvraag',
          en: 'the earliest start for this application',
        },
      );
      return [event('KotGranted', { decidedOn, grantedFrom: command.grantedFrom })];
    }
    case 'RejectKot': {
      requireStatus(
        state,
        ['awaiting-decision'],
        'Er ligt geen aanvraag ter beslissing',
        'No application awaits a decision',
      );
      const decidedOn = stepDate('decidedOn', command.decidedOn, state, today);
      return [
        event('KotRejected', {
          decidedOn,
          reason: command.reason,
          explanation: command.explanation,
        }),
      ];
    }
    case 'ChangeKot':
      requireRunningKot(state, 'changedFrom', command.changedFrom, {
        nl: 'wijzigen',
        en: 'change',
      });
      return [
        event('KotChanged', {
          changedFrom: command.changedFrom,
          decidedOn: today,
          reason: command.reason,
        }),
      ];
    case 'StopKot': {
      requireRunningKot(state, 'stoppedFrom', command.stoppedFrom, { nl: 'stoppen', en: 'stop' });
      return [
        event('KotStopped', {
          stoppedFrom: command.stoppedFrom,
          decidedOn: today,
          setToZero: command.setToZero,
          reason: command.reason,
        }),
      ];
    }
    case 'FileObjection': {
      const against =
        state.status === 'rejected' ? 'rejection' : state.status === 'kot-stopped' ? 'stop' : null;
      if (against === null || state.objection !== null) {
        throw refuse(
          'wrong-state',
          'Er is geen besluit waartegen nog bezwaar openstaat.',
          'There is no decision that can still be objected to.',
        );
      }
      const decidedOn =
        against === 'rejection' ? state.decision?.decidedOn : state.kotStop?.decidedOn;
      const filedOn = stepDate('filedOn', command.filedOn, state, today);
      const periodEnds = addDays(decidedOn ?? filedOn, norms.objectionPeriod);
      if (filedOn > periodEnds) {
        throw refuse(
          'wrong-state',
          `De bezwaartermijn is verlopen op ${periodEnds}. Neem contact op met Dienst Toeslagen over een te laat bezwaar.`,
          `The objection period ended on ${periodEnds}. Contact Dienst Toeslagen about a late objection.`,
        );
      }
      return [event('ObjectionFiled', { filedOn, against, grounds: command.grounds })];
    }
    case 'DecideObjection': {
      requireStatus(state, ['objection'], 'Er loopt geen bezwaar', 'No objection is pending');
      const grantedFrom =
        command.grantedFrom ??
        (state.objection?.against === 'stop' ? state.kotStop?.stoppedFrom : undefined);
      if (command.upheld && grantedFrom === undefined) {
        throw refuseInput([
          {
            field: 'grantedFrom',
            reason: text(
              'noem de ingangsdatum van de toeslag',
              'give the start date of the allowance',
            ),
          },
        ]);
      }
      return [
        event('ObjectionDecided', {
          decidedOn: today,
          upheld: command.upheld,
          ...(command.upheld && grantedFrom ? { grantedFrom } : {}),
          explanation: command.explanation,
        }),
      ];
    }
    case 'ExtendSmi': {
      const lastEnd = state.smi[state.smi.length - 1]?.to;
      if (lastEnd !== undefined && command.until <= lastEnd) {
        throw refuseInput([
          {
            field: 'until',
            reason: text(`de SMI loopt al tot ${lastEnd}`, `SMI already runs until ${lastEnd}`),
          },
        ]);
      }
      return [event('SmiExtended', { until: command.until, decidedOn: today })];
    }
    case 'EndSmi':
      return endSmi(state, command.lastDay, command.acceptGapReason, today);
    case 'ReinstateSmi':
      return [
        event('SmiReinstated', { from: command.from, until: command.until, decidedOn: today }),
      ];
    case 'AcceptFundingGap':
      return [
        event('FundingGapAccepted', {
          from: command.from,
          ...(command.to ? { to: command.to } : {}),
          reason: command.reason,
          acceptedOn: today,
        }),
      ];
    case 'CloseCase':
      if (command.outcome === 'kot-granted' && state.status !== 'granted') {
        throw refuse(
          'wrong-state',
          'De zaak kan alleen als "toeslag toegekend" worden gesloten als de toeslag is toegekend.',
          'The case can only be closed as "KOT granted" once KOT is granted.',
        );
      }
      return [
        event('CaseClosed', {
          closedOn: today,
          outcome: command.outcome,
          ...(command.note ? { note: command.note } : {}),
        }),
      ];
    case 'WithdrawCase':
      return [event('CaseWithdrawn', { withdrawnOn: today, reason: command.reason })];
  }
}

/**
 * The gap guard: SMI may only end when KOT is granted for the next day, or when the officer accepts
 * the gap explicitly with a reason, which is recorded with the end.
 */
function endSmi(
  state: CaseState,
  lastDay: IsoDate,
  acceptGapReason: string | undefined,
  today: IsoDate,
): CaseEvent[] {
  const current = state.smi[state.smi.length - 1];
  if (!current || lastDay > current.to) {
    throw refuseInput([
      {
        field: 'lastDay',
        reason: text(
          `de SMI loopt ${current ? `tot ${current.to}` : 'niet'}; verleng haar in plaats daarvan`,
          `SMI runs ${current ? `until ${current.to}` : 'no longer'}; extend it instead`,
        ),
      },
    ]);
  }
  if (kotCoversDayAfter(state, lastDay)) {
    return [event('SmiEnded', { lastDay, decidedOn: today })];
  }
  if (!acceptGapReason) {
    throw refuseInput([
      {
        field: 'acceptGapReason',
        reason: text(
          `op ${addDays(lastDay, 1)} is er geen kinderopvangtoeslag toegekend: het gezin zou dan geen vergoeding voor de opvang hebben. Verleng de SMI, of accepteer dit gat uitdrukkelijk met een reden`,
          `no KOT is granted for ${addDays(lastDay, 1)}: the family would have no funding for childcare. Extend SMI, or accept this gap explicitly with a reason`,
        ),
      },
    ]);
  }
  const resumes = [...state.kot, ...state.smi]
    .map((period) => period.from)
    .filter((from) => from > lastDay)
    .sort()[0];
  return [
    event('FundingGapAccepted', {
      from: addDays(lastDay, 1),
      ...(resumes ? { to: addDays(resumes, -1) } : {}),
      reason: acceptGapReason,
      acceptedOn: today,
    }),
    event('SmiEnded', { lastDay, decidedOn: today }),
  ];
}

function requireClaim(state: CaseState): void {
  if (!state.claim) {
    throw refuse(
      'wrong-state',
      'Niemand heeft deze zaak opgepakt.',
      'Nobody has taken this case on.',
    );
  }
}

function checkPartner(state: CaseState, partnerId: string): void {
  if (!state.household?.partners.some((partner) => partner.partnerId === partnerId)) {
    throw refuseInput([
      {
        field: 'partnerId',
        reason: text('geen ouder in dit gezin', 'not a parent in this household'),
      },
    ]);
  }
}

function checkMandatePartners(state: CaseState, partnerIds: string[] | undefined): void {
  for (const id of partnerIds ?? []) checkPartner(state, id);
}
