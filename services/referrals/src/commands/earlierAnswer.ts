// A command id the stream already holds means a retry, or a mistake: the same key reused for a
// different request. The request is decided again on the case as it stood before the stored
// events, at the moment they were decided; only when that yields the very same events is it the
// same request, and then the original answer is rebuilt from the stored events.
import { CommandRefused, evolve, foldCase, text, type Actor, type CaseCommand } from '@kot/domain';
import { canonicalJson, type RecordedEvent } from '@kot/eventstore';
import { ConflictError } from '@kot/platform';
import { commandResult, type CommandResult } from './commandResult';
import { decideCommand } from './decideCommand';
import { handledAtOf, toCaseEvent } from './recordedCaseEvent';

export interface EarlierRequest {
  command: CaseCommand;
  actor: Actor;
  commandId: string;
  /** The whole stream, and those of its events that carry this command id. */
  stored: readonly RecordedEvent[];
  earlier: readonly RecordedEvent[];
}

export function answerOfEarlierRequest(request: EarlierRequest): CommandResult {
  const { command, actor, commandId, stored, earlier } = request;
  const first = earlier[0];
  const last = earlier[earlier.length - 1];
  if (!first || !last) throw new Error('an earlier request has at least one event');
  const before = foldCase(
    stored.filter((event) => event.revision < first.revision).map(toCaseEvent),
  );
  const handledAt = handledAtOf(first);
  const recorded = earlier.map(toCaseEvent);

  let decidedAgain;
  try {
    decidedAgain = decideCommand(command, before, actor, handledAt);
  } catch (error) {
    // Refused where the original was accepted: it cannot have been the same request.
    if (error instanceof CommandRefused) throw keyUsedForAnotherRequest();
    throw error;
  }
  if (fingerprint(decidedAgain) !== fingerprint(recorded)) throw keyUsedForAnotherRequest();

  return commandResult({
    caseId: command.caseId,
    commandId,
    events: earlier.map(({ eventId, type, revision }) => ({ eventId, type, revision })),
    position: last.position,
    state: recorded.reduce(evolve, before),
    handledAt,
  });
}

const fingerprint = (
  events: ReadonlyArray<{ type: string; schemaVersion: number; data: unknown }>,
) => canonicalJson(events.map(({ type, schemaVersion, data }) => ({ type, schemaVersion, data })));

const keyUsedForAnotherRequest = () =>
  new ConflictError(
    text(
      'Deze Idempotency-Key (commandId) is al gebruikt voor een ander verzoek op deze zaak; er is niets vastgelegd. Stuur een nieuw verzoek met een nieuwe sleutel.',
      'This Idempotency-Key (commandId) was already used for a different request on this case; nothing was recorded. Send a new request with a new key.',
    ),
    'command-id-reused',
  );
