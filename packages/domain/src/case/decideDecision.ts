// Toeslagen's decisions and what follows them: grant, rejection, change, stop, objection.
import type { IsoDate } from '../calendar';
import { text } from '../text';
import type {
  ChangeKot,
  DecideObjection,
  FileObjection,
  GrantKot,
  RejectKot,
  StopKot,
} from './commands';
import { event, grantedAndClosed, notBefore, requireStatus, stepDate } from './decisionChecks';
import { applicationDate, earliestKotStart } from './eligibility';
import type { CaseEvent } from './events';
import { objectionPeriodEnds } from './norms';
import { refuse, refuseInput } from './refusal';
import { indicationEnd, type CaseState } from './state';

type DecisionCommand = GrantKot | RejectKot | ChangeKot | StopKot | FileObjection | DecideObjection;

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
      const periodEnds = objectionPeriodEnds(decidedOn ?? filedOn);
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
      if (command.upheld && grantedFrom !== undefined) {
        notBeforeEarliestStart(state, 'grantedFrom', grantedFrom, today);
        withinIndication(state, grantedFrom);
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
  }
}

/**
 * One rule for the earliest start of an allowance, for a grant and for an upheld objection alike:
 * the first day of the month three months before the application date (`applicationDate`: the
 * registered request through the Wlz route), never before the indication counts.
 */
function notBeforeEarliestStart(
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
function withinIndication(state: CaseState, grantedFrom: IsoDate): void {
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
