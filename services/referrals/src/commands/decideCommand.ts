// The domain decides; the one thing added here is that the write side keeps the read side's
// promise: a case the actor may not see answers NOT_FOUND, exactly like a case that does not
// exist. FORBIDDEN is only for a case the actor can see but may not do this to.
import {
  CommandRefused,
  caseAccessOf,
  handleCommand,
  may,
  mayView,
  text,
  type Actor,
  type CaseCommand,
  type CaseEvent,
  type CaseState,
  type Instant,
  opensCase,
} from '@kot/domain';

export function decideCommand(
  command: CaseCommand,
  state: CaseState,
  actor: Actor,
  now: Instant,
  isKnownOrganisation?: (organisation: string) => boolean,
): CaseEvent[] {
  if (!opensCase(command.type)) {
    const unknown = state.status === 'new';
    if (unknown || (!may(actor, command, state, now).allowed && !maySee(actor, state))) {
      throw caseNotFound();
    }
  }
  return handleCommand(command, state, {
    actor,
    now,
    ...(isKnownOrganisation ? { isKnownOrganisation } : {}),
  });
}

const maySee = (actor: Actor, state: CaseState) => mayView(actor, caseAccessOf(state)) !== 'none';

/** The same words as the read side's: nobody learns from the answer that a case exists. */
const caseNotFound = () =>
  new CommandRefused(
    'not-found',
    text(
      'Deze zaak bestaat niet of u mag hem niet inzien.',
      'This case does not exist or you may not see it.',
    ),
  );
