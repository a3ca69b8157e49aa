// Toeslagen's decisions on an application: grant, rejection, change, stop (the legal route after
// them is decideLegalRoute).
import type { IsoDate } from '../calendar';
import { text } from '../text';
import type { ChangeKot, GrantKot, RejectKot, StopKot } from './commands';
import { event, grantedAndClosed, notBefore, requireStatus, stepDate } from './decisionChecks';
import { applicationDate, earliestKotStart } from './eligibility';
import type { CaseEvent } from './events';
import { refuse, refuseInput } from './refusal';
import { indicationEnd, type CaseState } from './state';

type DecisionCommand = GrantKot | RejectKot | ChangeKot | StopKot;

export function decideDecision(
  command: DecisionCommand,
  state: CaseState,
  today: IsoDate,
): CaseEvent[] {
  switch (command.type) {
    case 'GrantKot': {
      requireStatus(
        state,
        ['awaiting-decision'],
        'Er ligt geen aanvraag ter beslissing',
        'No application awaits a decision',
      );
      const decidedOn = stepDate('decidedOn', command.decidedOn, state, today);
      notBeforeEarliestStart(state, 'grantedFrom', command.grantedFrom, decidedOn);
      withinIndication(state, command.grantedFrom);
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
    case 'StopKot':
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
}

/**
 * One rule for the earliest start of an allowance, for a grant and for an upheld objection alike:
 * the first day of the month three months before the application date (`applicationDate`: the
 * registered request through the Wlz route), never before the indication counts.
 */
export function notBeforeEarliestStart(
  state: CaseState,
  field: string,
  start: IsoDate,
  decidedOn: IsoDate,
): void {
  const appliedOn = applicationDate(state) ?? decidedOn;
  notBefore(field, start, earliestKotStart(appliedOn, state.indication), {
    nl: `de vroegste ingangsdatum voor een aanvraag gedaan op ${appliedOn}`,
    en: `the earliest start for an application made on ${appliedOn}`,
  });
}

/** KOT through the Wlz route cannot start after the temporary indication it rests on has ended. */
export function withinIndication(state: CaseState, grantedFrom: IsoDate): void {
  const end = indicationEnd(state);
  if (end !== null && grantedFrom > end) {
    throw refuseInput([
      {
        field: 'grantedFrom',
        reason: text(
          `de tijdelijke Wlz-indicatie liep af op ${end}; zonder verlenging door CIZ kan de toeslag niet later ingaan`,
          `the temporary Wlz-indication ended on ${end}; without an extension by CIZ the allowance cannot start later`,
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
  const granted = state.status === 'granted' || grantedAndClosed(state);
  if (!last || last.to !== undefined || !granted) {
    throw refuse(
      'wrong-state',
      `Er loopt geen kinderopvangtoeslag om te ${verb.nl}.`,
      `There is no running KOT to ${verb.en}.`,
    );
  }
  notBefore(field, from, last.from, { nl: 'de ingangsdatum', en: 'the start date' });
}
