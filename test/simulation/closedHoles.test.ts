// Holes in the rules that the simulated year ran into, each as the shortest sequence of commands
// that showed it, kept as regression tests now that packages/domain closes them (issue 10: an
// align-smi step never asks to end an SMI that already ran out; every unfunded day is owned by the
// municipality, which is told).
import {
  CommandRefused,
  evolve,
  handleCommand,
  initialState,
  nextStep,
  notificationsForDeadlines,
  type CaseCommand,
  type CaseState,
} from '@kot/domain';
import { actors, at, caseId, journey, untilDecision, type Step } from '@kot/domain/testing';

function fold(steps: readonly Step[]): CaseState {
  let state = initialState();
  for (const [command, ctx] of steps) {
    for (const event of handleCommand(command, state, ctx)) state = evolve(state, event);
  }
  return state;
}

const refusalOf = (command: CaseCommand, state: CaseState, ctx: Step[1]): string | null => {
  try {
    handleCommand(command, state, ctx);
    return null;
  } catch (error) {
    if (error instanceof CommandRefused) return error.reason.en;
    throw error;
  }
};

describe('holes the simulated year found, closed', () => {
  // Simulation: families in municipalities whose SMI ended before Toeslagen granted KOT, with the
  // grant reaching back before SMI's end (KOT from the first of the month three months back).
  // Referral with SMI 2024-01-01..2024-06-30, application received 2024-04-03, KOT granted on
  // 2024-07-05 from 2024-04-01. nextStep asks the officer to align SMI (end it on 2024-03-31), but
  // EndSmi is refused because SMI already ran out; the step can never be taken, the case never
  // reaches aftercare and the officer is escalated to for ever.
  it('a grant reaching back before an SMI that already ran out never asks the officer to end that SMI', () => {
    const state = fold([
      ...untilDecision.map((name) => journey[name]),
      [{ type: 'GrantKot', caseId, grantedFrom: '2024-04-01' }, at('2024-07-05', actors.toeslagen)],
    ]);
    const step = nextStep(state, '2024-07-06T10:00:00.000Z');
    const refusal =
      step?.action === 'align-smi'
        ? refusalOf(
            { type: 'EndSmi', caseId, lastDay: '2024-03-31' },
            state,
            at('2024-07-06', actors.officer),
          )
        : null;
    expect({ step: step?.action, refusal }).toEqual({ step: step?.action, refusal: null });
  });

  // Simulation: SMI runs out while the application awaits Toeslagen's decision (or while the
  // case waits to be claimed, or for the supporter's request). The deadline timers tell the officer
  // and the team lead ("funding-gap-opened"), but neither holds an open step: nextStep still gives
  // the case to Toeslagen's desk (or the supporter), who is told nothing about the family's funding.
  // By the measure of issue 15 every such day is a silent unfunded day: no funding, no accepted gap,
  // and nobody with an open step about it who was told.
  it('SMI running out while the application awaits a decision makes the told municipality the owner of the gap', () => {
    const state = fold(untilDecision.map((name) => journey[name]));
    const now = '2024-07-02T10:00:00.000Z';
    const step = nextStep(state, now);
    const told = notificationsForDeadlines(state, now)
      .filter((intent) => intent.rule === 'funding-gap-opened')
      .map((intent) => `${intent.recipient.organisation}/${intent.recipient.role}`);
    const owner = step ? `${step.responsible.organisation}/${step.responsible.role}` : null;
    expect(told).toContain(owner);
  });
});
