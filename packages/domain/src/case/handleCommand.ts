import { dateInAmsterdam } from '../calendar';
import { opensCase, type CaseCommand } from './commands';
import { decide, type CommandContext } from './decide';
import type { CaseEvent } from './events';
import { may } from './authorization';
import { CommandRefused } from './refusal';
import type { CaseState } from './state';
import { validateCommand, type ValidationContext } from './validation';

export interface HandleContext extends CommandContext {
  /** The organisation directory; see `ValidationContext`. */
  isKnownOrganisation?: ValidationContext['isKnownOrganisation'];
}

/**
 * The one entry point the services use: validate, authorize, then decide. A refusal throws
 * `CommandRefused` and yields no events, so nothing is appended. The input is checked first:
 * authorization reads fields such as the municipality, and a refusal must never repeat a value
 * that was not checked (the checks look at the command alone, so they reveal nothing of a case).
 */
export function handleCommand(
  command: CaseCommand,
  state: CaseState,
  ctx: HandleContext,
): CaseEvent[] {
  validateCommand(command, {
    today: dateInAmsterdam(ctx.now),
    ...(ctx.isKnownOrganisation ? { isKnownOrganisation: ctx.isKnownOrganisation } : {}),
  });
  const permission = may(ctx.actor, command, state, ctx.now);
  if (!permission.allowed) {
    // Do not reveal whether a case exists to someone who may not act on it.
    throw new CommandRefused(
      state.status === 'new' && !opensCase(command.type) ? 'not-found' : 'forbidden',
      permission.reason,
    );
  }
  return decide(command, state, { actor: ctx.actor, now: ctx.now });
}
