import type { CaseCommand } from './commands';
import { decide, type CommandContext } from './decide';
import type { CaseEvent } from './events';
import { may } from './authorization';
import { CommandRefused } from './refusal';
import type { CaseState } from './state';
import { validateCommand } from './validation';

/**
 * The one entry point the services use: authorize, validate, then decide. A refusal throws
 * `CommandRefused` and yields no events, so nothing is appended.
 */
export function handleCommand(
  command: CaseCommand,
  state: CaseState,
  ctx: CommandContext,
): CaseEvent[] {
  const permission = may(ctx.actor, command, state, ctx.now);
  if (!permission.allowed) {
    // Do not reveal whether a case exists to someone who may not act on it.
    throw new CommandRefused(
      state.status === 'new' && command.type !== 'OpenReferral' ? 'not-found' : 'forbidden',
      permission.reason,
    );
  }
  validateCommand(command);
  return decide(command, state, ctx);
}
