// The rules that must hold for every family, as checks over a history: run a generated (or
// written-down) history and check after every command, and between commands, that (1) an open case
// has one owner with a due date, (2) every unfunded day nobody accepted is the municipality's, due
// the day after it began, (3) every funding change reaches the household, whoever acts for it and
// the step's owner, (4) some command takes every step and moves the case on, (5) folding the events
// again gives the same state; also that statutory deadlines end on working days, the warning
// window is 21 days and no step is escalated before it is late.
import { isDeepStrictEqual } from 'node:util';
import { addDays, isIsoDate, type IsoDate } from '../calendar';
import type { CaseEvent } from '../case/events';
import { fundingCoverage } from '../case/fundingCoverage';
import { handleCommand } from '../case/handleCommand';
import { nextStep, type NextStep } from '../case/nextStep';
import { CommandRefused } from '../case/refusal';
import { evolve, foldCase, isOpen, type CaseState } from '../case/state';
import {
  fundingEventTypes,
  notificationsForDeadlines,
  notificationsForEvent,
  recipientKey,
} from '../notifications';
import { isWorkingDay } from '../statutoryPeriods';
import { commandOf, noon, openingOf, type CaseHistoryPlan } from './caseArbitraries';
import { stepCommands } from './stepCommands';

/** A broken invariant: says which, and what the case looked like. */
function holds(condition: boolean, invariant: string, detail: () => unknown): void {
  if (!condition) throw new Error(`${invariant}: ${JSON.stringify(detail())}`);
}

/** Every invariant that depends on the day, checked on the case as it stands on `today`. */
export function checkCase(state: CaseState, today: IsoDate): void {
  const now = noon(today);
  const step = nextStep(state, now);
  holds(
    !isOpen(state) || (step !== null && isIsoDate(step.due)),
    '(1) one owner with a due date',
    () => ({
      status: state.status,
      step,
    }),
  );
  const coverage = fundingCoverage(state, now);
  const firstGap = coverage.gaps.find((gap) => !gap.accepted);
  if (firstGap) {
    holds(
      step?.action === 'secure-funding' &&
        recipientKey(step.responsible) === recipientKey(state.referringOfficer!) &&
        step.due <= addDays(firstGap.from, 1),
      '(2) an unaccepted unfunded day is the municipality’s, due the day after it began',
      () => ({ today, firstGap, step }),
    );
  }
  holds(coverage.daysAtRisk <= 21, 'the warning window is 21 days', () => coverage.daysAtRisk);
  if (step) {
    holds(
      progressFrom(step, state, now),
      '(4) a command takes the step and moves the case on',
      () => ({
        today,
        status: state.status,
        step,
      }),
    );
    if (step.deadline) {
      holds(
        isWorkingDay(step.deadline.date),
        'a statutory deadline ends on a working day',
        () => step,
      );
    }
  }
  for (const intent of notificationsForDeadlines(state, now)) {
    if (['step-overdue', 'decision-overdue', 'case-unclaimed'].includes(intent.rule)) {
      holds(
        Number(intent.params['daysOverdue']) > 0,
        'no escalation of a step that is not late',
        () => intent,
      );
    }
  }
}

/** (5) Folding the events again gives the same state, also after a trip through JSON. */
function checkReplay(state: CaseState, events: readonly CaseEvent[]): void {
  holds(
    isDeepStrictEqual(foldCase(events), state),
    '(5) folding again gives the same state',
    () => state,
  );
  const stored = JSON.parse(JSON.stringify(events)) as CaseEvent[];
  holds(
    isDeepStrictEqual(foldCase(stored), foldCase(events)),
    '(5) a stored history folds the same',
    () => state,
  );
}

/** Whether one of the step's own commands is accepted and changes who must do what, or by when. */
function progressFrom(step: NextStep, state: CaseState, now: string): boolean {
  const key = (s: NextStep | null) =>
    s ? `${s.action}|${s.since}|${s.due}|${recipientKey(s.responsible)}` : 'none';
  const before = key(step);
  return stepCommands(step, state, now).some(([command, ctx]) => {
    try {
      const after = handleCommand(command, state, ctx).reduce(evolve, state);
      return key(nextStep(after, now)) !== before || after.status !== state.status;
    } catch (error) {
      if (error instanceof CommandRefused) return false;
      throw error;
    }
  });
}

/** (3) A funding-relevant event reaches the household, whoever acts for it and the step's owner. */
function checkTold(event: CaseEvent, before: CaseState, after: CaseState, now: string): void {
  if (!(fundingEventTypes as readonly string[]).includes(event.type)) return;
  const told = new Set(
    notificationsForEvent(event, 'evt', before, after, now).map((i) => recipientKey(i.recipient)),
  );
  const step = nextStep(after, now);
  const musthear = [
    { organisation: `household:${after.caseId}`, role: 'household' as const },
    after.claim?.by,
    step?.responsible,
  ];
  for (const party of musthear) {
    if (party) {
      holds(
        told.has(recipientKey(party)),
        '(3) a funding change reaches the household, the claimant and the owner',
        () => ({
          event: event.type,
          party,
          told: [...told],
        }),
      );
    }
  }
}

/** Runs a generated history, checking every invariant after each command and between them. */
export function runHistory(plan: CaseHistoryPlan): void {
  const [opening, openCtx] = openingOf(plan);
  let events: CaseEvent[] = handleCommand(opening, foldCase([]), openCtx);
  let state = foldCase(events);
  let today = plan.start;
  checkCase(state, today);
  for (const move of plan.moves) {
    if (move.days > 1) checkCase(state, addDays(today, Math.floor(move.days / 2)));
    today = addDays(today, move.days);
    const [command, ctx] = commandOf(move, state, today);
    let added: CaseEvent[];
    try {
      added = handleCommand(command, state, ctx);
    } catch (error) {
      if (error instanceof CommandRefused) continue; // refused: nothing happened
      throw error;
    }
    for (const event of added) {
      const before = state;
      state = evolve(state, event);
      checkTold(event, before, state, ctx.now);
    }
    events = [...events, ...added];
    checkCase(state, today);
  }
  checkReplay(state, events);
}
