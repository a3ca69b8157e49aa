// Ending a case: closing with its outcome, or withdrawing it.
import type { IsoDate } from '../calendar';
import { CIZ, TOESLAGEN } from '../parties';
import type { CloseCase, WithdrawCase } from './commands';
import { event } from './decisionChecks';
import type { CaseEvent, EndedStep } from './events';
import { firstUnsecuredDaySoFar } from './fundingCoverage';
import { nextStep, stepBehindFunding } from './nextStep';
import { refuse } from './refusal';
import { runningKot, type CaseState } from './state';

/** The outcome must be true of the family's funding on the closing day. */
export function decideClosing(
  command: CloseCase | WithdrawCase,
  state: CaseState,
  today: IsoDate,
): CaseEvent[] {
  const endedStep = deskStepEnded(state, today);
  if (command.type === 'WithdrawCase') {
    return [
      event('CaseWithdrawn', {
        withdrawnOn: today,
        reason: command.reason,
        ...(endedStep ? { endedStep } : {}),
      }),
    ];
  }
  if (command.outcome === 'kot-granted' && (state.status !== 'granted' || !runningKot(state))) {
    throw refuse(
      'wrong-state',
      'De zaak kan alleen als "toeslag toegekend" worden gesloten als de kinderopvangtoeslag is toegekend.',
      'The case can only be closed as "KOT granted" once KOT is granted.',
    );
  }
  const smiRuns = state.smi.some((period) => period.from <= today && today <= period.to);
  if (command.outcome === 'stays-on-smi' && !smiRuns) {
    throw refuse(
      'wrong-state',
      `De zaak kan niet als "blijft op SMI" worden gesloten: er loopt op ${today} geen SMI. Verleng of herstel eerst de SMI, of kies een andere uitkomst.`,
      `The case cannot be closed as "stays on SMI": no SMI runs on ${today}. Extend or reinstate SMI first, or choose another outcome.`,
    );
  }
  // Closing does not fund a family: days nobody funded or accepted are settled first.
  const unsecured = firstUnsecuredDaySoFar(state, today);
  if (unsecured !== null) {
    throw refuse(
      'wrong-state',
      `Het gezin heeft vanaf ${unsecured} geen SMI en geen kinderopvangtoeslag, en niemand heeft dat gat geaccepteerd. Zet de SMI weer in of accepteer het gat met een reden, en sluit de zaak daarna.`,
      `The family has neither SMI nor KOT from ${unsecured}, and nobody accepted that gap. Reinstate SMI or accept the gap with a reason, then close the case.`,
    );
  }
  return [
    event('CaseClosed', {
      closedOn: today,
      outcome: command.outcome,
      ...(command.note ? { note: command.note } : {}),
      ...(endedStep ? { endedStep } : {}),
    }),
  ];
}

/**
 * A step Toeslagen or CIZ is working on when the case ends: it ends with it, on the record, and the
 * desk is told (notification rules), so nobody decides on an application that was withdrawn.
 */
function deskStepEnded(state: CaseState, today: IsoDate): EndedStep | null {
  const now = `${today}T12:00:00.000Z`;
  const step = [stepBehindFunding(state, now), nextStep(state, now)].find(
    (candidate) =>
      candidate !== null &&
      (candidate.responsible.organisation === TOESLAGEN ||
        candidate.responsible.organisation === CIZ),
  );
  return step ? { action: step.action, responsible: step.responsible } : null;
}
