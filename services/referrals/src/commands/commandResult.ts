import { nextStep, type CaseState, type CaseStatus, type NextStep } from '@kot/domain';

/** What a caller learns from a command: what was recorded, and what happens next. */
export interface CommandResult {
  caseId: string;
  commandId: string;
  /** The case's stream revision after the command: its last event. */
  revision: number;
  /** Global position of the last event; a read model that reached it shows the command's effect. */
  position: number;
  events: Array<{ eventId: string; type: string; revision: number }>;
  status: CaseStatus;
  nextStep: NextStep | null;
}

export interface RecordedOutcome {
  caseId: string;
  commandId: string;
  events: Array<{ eventId: string; type: string; revision: number }>;
  position: number;
  /** The case right after the command's events. */
  state: CaseState;
  /** When the command was handled: the next step is as it stood then, so a replay answers the same. */
  handledAt: string;
}

export function commandResult(outcome: RecordedOutcome): CommandResult {
  const last = outcome.events[outcome.events.length - 1];
  return {
    caseId: outcome.caseId,
    commandId: outcome.commandId,
    revision: last?.revision ?? -1,
    position: outcome.position,
    events: outcome.events,
    status: outcome.state.status,
    nextStep: nextStep(outcome.state, outcome.handledAt),
  };
}
