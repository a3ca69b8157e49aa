// Ending a case: closing with its outcome, or withdrawing it.
import type { IsoDate } from '../calendar';
import type { CloseCase, WithdrawCase } from './commands';
import { event } from './decisionChecks';
import type { CaseEvent } from './events';
import { refuse } from './refusal';
import { runningKot, type CaseState } from './state';

/** The outcome must be true of the family's funding on the closing day. */
export function decideClosing(
  command: CloseCase | WithdrawCase,
  state: CaseState,
  today: IsoDate,
): CaseEvent[] {
  if (command.type === 'WithdrawCase') {
    return [event('CaseWithdrawn', { withdrawnOn: today, reason: command.reason })];
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
  return [
    event('CaseClosed', {
      closedOn: today,
      outcome: command.outcome,
      ...(command.note ? { note: command.note } : {}),
    }),
  ];
}
