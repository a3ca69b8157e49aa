// The legal route after a decision: the objection (bezwaar, also against a grant, also late with a
// reason), the appeal to the administrative court (beroep) and its ruling, and the confirmation
// that a decision letter reached the family and whoever acts for it.
import type { IsoDate } from '../calendar';
import type { PartyRef } from '../parties';
import { text } from '../text';
import type {
  ConfirmDecisionReceived,
  DecideObjection,
  FileAppeal,
  FileObjection,
  RecordCourtRuling,
} from './commands';
import { notBeforeEarliestStart, withinIndication } from './decideDecision';
import { event, notBefore, notInFuture, requireStatus, stepDate } from './decisionChecks';
import type { CaseEvent, ObjectedDecision } from './events';
import { appealPeriodEnds, objectionPeriodEnds } from './norms';
import { refuse, refuseInput } from './refusal';
import type { CaseState } from './state';

type LegalRouteCommand =
  FileObjection | DecideObjection | FileAppeal | RecordCourtRuling | ConfirmDecisionReceived;

export function decideLegalRoute(
  command: LegalRouteCommand,
  state: CaseState,
  actor: PartyRef,
  today: IsoDate,
): CaseEvent[] {
  switch (command.type) {
    case 'FileObjection':
      return fileObjection(command, state, today);
    case 'DecideObjection':
      return decideObjection(command, state, today);
    case 'FileAppeal':
      return fileAppeal(command, state, today);
    case 'RecordCourtRuling':
      return recordCourtRuling(command, state, today);
    case 'ConfirmDecisionReceived':
      return confirmDecisionReceived(command, state, actor, today);
  }
}

/**
 * The decision an objection can still be filed against: a rejection, a stop, or a grant (its start
 * date, say), as long as no objection was filed against it; with the day it was made.
 */
export function objectableDecision(
  state: CaseState,
): { against: ObjectedDecision; decidedOn: IsoDate } | null {
  if (state.objection !== null) return null;
  if (state.status === 'rejected' && state.decision)
    return { against: 'rejection', decidedOn: state.decision.decidedOn };
  if (state.status === 'kot-stopped' && state.kotStop)
    return { against: 'stop', decidedOn: state.kotStop.decidedOn };
  if (state.status === 'granted' && state.decision?.outcome === 'granted')
    return { against: 'grant', decidedOn: state.decision.decidedOn };
  return null;
}

/** The decision on an objection that an appeal can still be filed against, and its day. */
export function appealableDecision(
  state: CaseState,
): { against: ObjectedDecision; decidedOn: IsoDate } | null {
  const decidedOn = state.objection?.decidedOn;
  if (!state.objection || decidedOn === undefined || state.appeal !== null) return null;
  if (!['rejected', 'kot-stopped', 'granted'].includes(state.status)) return null;
  return { against: state.objection.against, decidedOn };
}

/**
 * Filed after its period, a step counts only with the reason it is late (Awb 6:11): it is recorded
 * with the period's end, and whoever decides on it weighs the reason.
 */
function lateness(
  filedOn: IsoDate,
  periodEnds: IsoDate,
  lateReason: string | undefined,
  what: { nl: string; en: string; decider: { nl: string; en: string } },
): { periodEnded?: IsoDate; lateReason?: string } {
  if (filedOn <= periodEnds) return {};
  if (lateReason === undefined) {
    throw refuse(
      'wrong-state',
      `De termijn voor ${what.nl} is verlopen op ${periodEnds}. Dien het toch in met de reden waarom het te laat is; ${what.decider.nl} beslist of die te laat indiening verschoonbaar is (Awb 6:11).`,
      `The period for ${what.en} ended on ${periodEnds}. File it anyway with the reason it is late; ${what.decider.en} decides whether the lateness is excusable (Awb 6:11).`,
    );
  }
  return { periodEnded: periodEnds, lateReason };
}

function fileObjection(command: FileObjection, state: CaseState, today: IsoDate): CaseEvent[] {
  const decision = objectableDecision(state);
  if (decision === null) {
    throw refuse(
      'wrong-state',
      'Er is geen besluit waartegen nog bezwaar openstaat.',
      'There is no decision that can still be objected to.',
    );
  }
  const filedOn = stepDate('filedOn', command.filedOn, state, today);
  const late = lateness(filedOn, objectionPeriodEnds(decision.decidedOn), command.lateReason, {
    nl: 'bezwaar',
    en: 'an objection',
    decider: { nl: 'Dienst Toeslagen', en: 'Dienst Toeslagen' },
  });
  return [
    event('ObjectionFiled', {
      filedOn,
      against: decision.against,
      grounds: command.grounds,
      ...late,
    }),
  ];
}

function decideObjection(command: DecideObjection, state: CaseState, today: IsoDate): CaseEvent[] {
  requireStatus(state, ['objection'], 'Er loopt geen bezwaar', 'No objection is pending');
  const objection = state.objection;
  if (objection?.late && command.lateExcused === undefined) {
    throw refuseInput([
      {
        field: 'lateExcused',
        reason: text(
          'het bezwaar kwam na de bezwaartermijn: zeg of de te late indiening verschoonbaar is (Awb 6:11)',
          'the objection came after its period: say whether the lateness is excusable (Awb 6:11)',
        ),
      },
    ]);
  }
  if (objection?.late && command.lateExcused === false && command.upheld) {
    throw refuseInput([
      {
        field: 'upheld',
        reason: text(
          'een bezwaar waarvan de te late indiening niet verschoonbaar is, is niet-ontvankelijk en kan niet gegrond zijn',
          'an objection whose lateness is not excusable is inadmissible and cannot be upheld',
        ),
      },
    ]);
  }
  const grantedFrom = upheldStart(
    command.upheld,
    command.grantedFrom,
    state,
    objection?.against,
    today,
  );
  if (command.upheld && grantedFrom === undefined) {
    throw refuseInput([
      {
        field: 'grantedFrom',
        reason: text('noem de ingangsdatum van de toeslag', 'give the start date of the allowance'),
      },
    ]);
  }
  return [
    event('ObjectionDecided', {
      decidedOn: today,
      upheld: command.upheld,
      ...(grantedFrom !== undefined ? { grantedFrom } : {}),
      explanation: command.explanation,
      ...(objection?.late && command.lateExcused !== undefined
        ? { lateExcused: command.lateExcused }
        : {}),
    }),
  ];
}

/**
 * Where an upheld objection or ruling lets the allowance start: the date given, or for a stop the
 * day it was stopped from. Against a rejection or a grant the date must be given; the same rule for
 * the earliest start applies as for a grant.
 */
function upheldStart(
  upheld: boolean,
  given: IsoDate | undefined,
  state: CaseState,
  against: ObjectedDecision | undefined,
  today: IsoDate,
): IsoDate | undefined {
  if (!upheld) return undefined;
  const grantedFrom = given ?? (against === 'stop' ? state.kotStop?.stoppedFrom : undefined);
  if (grantedFrom === undefined) return undefined;
  notBeforeEarliestStart(state, 'grantedFrom', grantedFrom, today);
  withinIndication(state, grantedFrom);
  return grantedFrom;
}

function fileAppeal(command: FileAppeal, state: CaseState, today: IsoDate): CaseEvent[] {
  const decision = appealableDecision(state);
  if (decision === null) {
    throw refuse(
      'wrong-state',
      'Er is geen beslissing op bezwaar waartegen nog beroep openstaat; beroep bij de rechtbank volgt op de beslissing op een bezwaar.',
      'There is no decision on an objection that can still be appealed; an appeal to the court follows the decision on an objection.',
    );
  }
  const filedOn = command.filedOn ?? today;
  notInFuture('filedOn', filedOn, today);
  notBefore('filedOn', filedOn, decision.decidedOn, {
    nl: 'de beslissing op het bezwaar',
    en: 'the decision on the objection',
  });
  const late = lateness(filedOn, appealPeriodEnds(decision.decidedOn), command.lateReason, {
    nl: 'beroep',
    en: 'an appeal',
    decider: { nl: 'de rechtbank', en: 'the court' },
  });
  return [
    event('AppealFiled', {
      filedOn,
      against: decision.against,
      grounds: command.grounds,
      ...late,
    }),
  ];
}

function recordCourtRuling(
  command: RecordCourtRuling,
  state: CaseState,
  today: IsoDate,
): CaseEvent[] {
  requireStatus(
    state,
    ['appeal'],
    'Er loopt geen beroep bij de rechtbank',
    'No appeal is pending at the court',
  );
  const ruledOn = stepDate('ruledOn', command.ruledOn, state, today);
  const upheld = command.outcome === 'upheld';
  if (!upheld && command.grantedFrom !== undefined) {
    throw refuseInput([
      {
        field: 'grantedFrom',
        reason: text(
          'een ongegrond beroep laat het besluit staan; er is geen nieuwe ingangsdatum',
          'a dismissed appeal leaves the decision as it was; there is no new start date',
        ),
      },
    ]);
  }
  const grantedFrom = upheldStart(
    upheld,
    command.grantedFrom,
    state,
    state.appeal?.against,
    ruledOn,
  );
  return [
    event('CourtRuled', {
      ruledOn,
      outcome: command.outcome,
      ...(grantedFrom !== undefined ? { grantedFrom } : {}),
      explanation: command.explanation,
    }),
  ];
}

function confirmDecisionReceived(
  command: ConfirmDecisionReceived,
  state: CaseState,
  actor: PartyRef,
  today: IsoDate,
): CaseEvent[] {
  const current = state.decisionLetter;
  if (!current) {
    throw refuse(
      'wrong-state',
      'Er is geen besluit waarvan de ontvangst kan worden bevestigd.',
      'There is no decision whose receipt can be confirmed.',
    );
  }
  if (current.confirmations.some((c) => sameSlot(c.by, actor))) {
    throw refuse(
      'wrong-state',
      `U heeft de ontvangst van het besluit van ${current.decidedOn} al bevestigd.`,
      `You already confirmed receipt of the decision of ${current.decidedOn}.`,
    );
  }
  const receivedOn = command.receivedOn ?? today;
  notInFuture('receivedOn', receivedOn, today);
  notBefore('receivedOn', receivedOn, current.decidedOn, {
    nl: 'de datum van het besluit',
    en: 'the date of the decision',
  });
  return [
    event('DecisionReceiptConfirmed', {
      decidedOn: current.decidedOn,
      channel: command.channel,
      receivedOn,
      by: actor,
    }),
  ];
}

/** The same office role (and household): whoever fills it confirms for it. */
export const sameSlot = (a: PartyRef, b: PartyRef): boolean =>
  a.organisation === b.organisation && a.role === b.role;
