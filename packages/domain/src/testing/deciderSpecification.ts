import { foldCase, type CaseState } from '../case/state';
import type { CaseCommand } from '../case/commands';
import type { CaseEvent } from '../case/events';
import type { CommandContext } from '../case/decide';
import { handleCommand } from '../case/handleCommand';
import { CommandRefused, type RefusalKind } from '../case/refusal';

/**
 * given(past events).when(command, context).then(new events) or .thenRefuses(kind, text):
 * the whole decider (authorization, validation, rules) is exercised as the services use it.
 */
export function given(...history: CaseEvent[]) {
  const state: CaseState = foldCase(history);
  return {
    state,
    when(command: CaseCommand, ctx: CommandContext) {
      const run = () => handleCommand(command, state, ctx);
      return {
        then(expected: CaseEvent[]) {
          expect(run()).toEqual(expected);
        },
        thenEmits(check: (events: CaseEvent[]) => void) {
          check(run());
        },
        thenRefuses(kind: RefusalKind, message?: RegExp, field?: string) {
          let refusal: unknown;
          try {
            run();
          } catch (error) {
            refusal = error;
          }
          expect(refusal).toBeInstanceOf(CommandRefused);
          const refused = refusal as CommandRefused;
          expect(refused.kind).toBe(kind);
          expect(refused.reason.nl.length).toBeGreaterThan(0);
          if (message) expect(`${refused.reason.en} ${refused.reason.nl}`).toMatch(message);
          if (field) expect(refused.fields.map((f) => f.field)).toContain(field);
        },
      };
    },
  };
}

/** Runs commands one after another from the start, returning every event (a whole story). */
export function story(steps: Array<[CaseCommand, CommandContext]>): CaseEvent[] {
  const events: CaseEvent[] = [];
  for (const [command, ctx] of steps) {
    events.push(...handleCommand(command, foldCase(events), ctx));
  }
  return events;
}

/** Runs commands after an existing history, returning only the events they add. */
export function storyFrom(
  history: CaseEvent[],
  steps: Array<[CaseCommand, CommandContext]>,
): CaseEvent[] {
  const events: CaseEvent[] = [...history];
  for (const [command, ctx] of steps) {
    events.push(...handleCommand(command, foldCase(events), ctx));
  }
  return events.slice(history.length);
}
