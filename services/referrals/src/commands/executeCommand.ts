// The write path: load the case's stream, fold it, let the domain decide, append what it decided
// with the revision we loaded. Commands on one case take turns within this process (caseQueue), so
// only a writer in another process can get in between; the append then fails and we decide again
// on the fresh state, a bounded number of times. A command id already in the stream means
// a retry (the original answer is given again, nothing is appended) or a key reused for another
// request (CONFLICT, nothing is appended). Once PersonalDataErased is stored, the case key is
// destroyed (crypto-shredding): from then on the family's names and BSNs read as redacted.

import {
  CommandRefused,
  caseStreamId,
  evolve,
  foldCase,
  opensCase,
  text,
  textLimits,
  type Actor,
  type CaseCommand,
} from '@kot/domain';
import {
  IdempotencyConflictError,
  WrongExpectedRevisionError,
  type EventStore,
  type NewEvent,
} from '@kot/eventstore';
import {
  ConflictError,
  SpanKind,
  activeTraceparent,
  deterministicUuid,
  inSpan,
  keyMayHoldBsnReason,
  mayHoldBsn,
  withCorrelationId,
  type Logger,
  type Metrics,
} from '@kot/platform';
import { occurredAtOf } from './businessTime';
import type { CommandOptions, CommandRequest } from './commandRequest';
import { commandResult, type CommandResult } from './commandResult';
import { decideCommand } from './decideCommand';
import { createCaseQueue } from './caseQueue';
import { answerOfEarlierRequest } from './earlierAnswer';
import { toCaseEvent, type CommandMetadata } from './recordedCaseEvent';

export interface CommandExecutorDeps {
  store: EventStore;
  clock: () => Date;
  /** New UUIDv7s, for command ids the caller did not supply. */
  newId: () => string;
  logger: Logger;
  metrics?: Metrics;
  /** Tries before a collision with writers in other processes is answered as CONFLICT. */
  maxAttempts?: number;
  /** Pause before retry number `attempt` (1-based). */
  retryDelayMs?: (attempt: number) => number;
  /** The organisation directory a case may be offered within; without it any code is accepted. */
  organisationKnown?: (organisation: string) => Promise<boolean>;
  /**
   * Destroys a case stream's key (the protected store's `forget`). Without it ErasePersonalData is
   * refused before anything is stored: an erasure on record must mean the data is gone.
   */
  forget?: (streamId: string) => Promise<void>;
}

export type ExecuteCommand = (
  command: CommandRequest,
  actor: Actor,
  options?: CommandOptions,
) => Promise<CommandResult>;

const DEFAULT_MAX_ATTEMPTS = 5;
// Small and jittered: colliding writers spread out instead of colliding again in step.
const defaultRetryDelay = (attempt: number) => attempt * 5 + Math.random() * 20;
const CASE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const COMMAND_ID = /^[\x21-\x7e]{1,200}$/;

export function createCommandExecutor(deps: CommandExecutorDeps): ExecuteCommand {
  const maxAttempts = deps.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const retryDelay = deps.retryDelayMs ?? defaultRetryDelay;
  const takeTurn = createCaseQueue();

  return (request, actor, options = {}) =>
    inSpan(
      `command ${request.type}`,
      {
        kind: SpanKind.INTERNAL,
        attributes: { 'kot.command.type': request.type },
        // A refusal or a conflict is an answer, not a failure of the platform.
        isFailure: (error) => outcomeOf(error) === 'error',
      },
      () => execute(request, actor, options),
    );

  async function execute(
    request: CommandRequest,
    actor: Actor,
    options: CommandOptions,
  ): Promise<CommandResult> {
    const commandId = options.commandId ?? deps.newId();
    const correlationId = options.correlationId ?? commandId;
    const logger = withCorrelationId(deps.logger, correlationId);
    const logged = { commandType: request.type, commandId, actor: actor.id, role: actor.role };
    let attempts = 0;
    let handOnTurn = () => {};
    try {
      const command = commandWithCaseId(request, actor, commandId);
      // Stored in every event like the command id (the HTTP edge refuses such headers already).
      if (options.correlationId !== undefined && mayHoldBsn(options.correlationId)) {
        throw invalid('correlationId', keyMayHoldBsnReason.nl, keyMayHoldBsnReason.en);
      }
      const context = { actor, commandId, correlationId, command };
      handOnTurn = await takeTurn(command.caseId);
      for (;;) {
        attempts++;
        try {
          const { result, replayed } = await attempt(deps, context);
          const outcome = replayed ? 'replayed' : 'accepted';
          deps.metrics?.commandHandled(request.type, outcome);
          if (!replayed) deps.metrics?.eventsAppended(result.events.length);
          logger.info(
            { ...logged, caseId: result.caseId, revision: result.revision, attempts, outcome },
            `command ${outcome}`,
          );
          return result;
        } catch (error) {
          // Someone else wrote first (or a concurrent retry of this very command did): decide again.
          const collided =
            error instanceof WrongExpectedRevisionError ||
            error instanceof IdempotencyConflictError;
          if (!collided) throw error;
          if (attempts >= maxAttempts) {
            throw new ConflictError(
              text(
                'De zaak werd tegelijk door anderen gewijzigd. Bekijk de zaak en probeer het opnieuw.',
                'The case was changed by others at the same moment. Look at the case and try again.',
              ),
              'concurrent-update',
            );
          }
          await sleep(retryDelay(attempts));
        }
      }
    } catch (error) {
      const outcome = outcomeOf(error);
      deps.metrics?.commandHandled(request.type, outcome);
      // A refusal or conflict is the caller's: the request's access-log line says so, at info;
      // these lines are for debugging only, so a burst of bad requests cannot flood the log.
      if (error instanceof CommandRefused) {
        logger.debug(
          { ...logged, attempts, outcome, fields: error.fields.map((f) => f.field) },
          'command refused',
        );
      } else if (outcome === 'conflict') {
        logger.debug({ ...logged, attempts, outcome }, 'command not carried out: conflict');
      } else {
        logger.error({ ...logged, attempts, outcome, err: error }, 'command failed');
      }
      throw error;
    } finally {
      handOnTurn();
    }
  }
}

interface AttemptContext {
  actor: Actor;
  commandId: string;
  correlationId: string;
  command: CaseCommand;
}

async function attempt(
  deps: CommandExecutorDeps,
  { actor, commandId, correlationId, command }: AttemptContext,
): Promise<{ result: CommandResult; replayed: boolean }> {
  const streamId = caseStreamId(command.caseId);
  const erasing = command.type === 'ErasePersonalData';
  if (erasing && !deps.forget) throw new Error('ErasePersonalData needs the key store to forget');
  const stored = await deps.store.readStream(streamId);
  const earlier = stored.filter(
    (event) => event.metadata.commandId === commandId && event.metadata.actor.id === actor.id,
  );
  if (earlier.length > 0) {
    const result = answerOfEarlierRequest({ command, actor, commandId, stored, earlier });
    // A retry after the key was not yet destroyed (a crash in between) finishes the erasure.
    if (erasing) await deps.forget?.(streamId);
    return { result, replayed: true };
  }

  const state = foldCase(stored.map(toCaseEvent));
  // Erased before but the key survived (a crash in between): destroy it, then refuse as usual.
  if (erasing && state.erasedOn !== null) await deps.forget?.(streamId);
  const now = deps.clock().toISOString();
  const isKnownOrganisation = await directoryFor(command, deps.organisationKnown);
  const decided = decideCommand(command, state, actor, now, isKnownOrganisation);
  const last = stored[stored.length - 1];
  const revisionBefore = last?.revision ?? -1;
  if (decided.length === 0) {
    const result = commandResult({
      caseId: command.caseId,
      commandId,
      events: [],
      position: last?.position ?? 0,
      state,
      handledAt: now,
    });
    return { result: { ...result, revision: revisionBefore }, replayed: false };
  }

  // Fresh event ids: a concurrent twin of this request then collides on the revision, decides
  // again, finds these events by command id and answers from them, never from its own decision.
  let previousOccurredAt = last?.metadata.occurredAt ?? null;
  const events: NewEvent[] = decided.map((event) => {
    const occurredAt = occurredAtOf(event, now, previousOccurredAt);
    previousOccurredAt = occurredAt;
    const metadata: CommandMetadata = {
      actor: { id: actor.id, role: actor.role, organisation: actor.organisation },
      commandId,
      correlationId,
      causationId: commandId,
      occurredAt,
      handledAt: now,
    };
    return {
      eventId: deps.newId(),
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: event.data as unknown as NewEvent['data'],
      metadata,
    };
  });
  // The append's own span is what readers of these events continue: its traceparent goes with
  // every event (the metadata is hashed with the event, so it is set before the append).
  const appended = await inSpan(
    'append',
    {
      kind: SpanKind.PRODUCER,
      attributes: { 'kot.stream.id': streamId, 'kot.events': events.length },
    },
    () => {
      const traceparent = activeTraceparent();
      const traced = traceparent
        ? events.map((event) => ({ ...event, metadata: { ...event.metadata, traceparent } }))
        : events;
      return deps.store.append(streamId, traced, {
        expectedRevision: last ? last.revision : 'no_stream',
      });
    },
  );
  if (decided.some((event) => event.type === 'PersonalDataErased')) await deps.forget?.(streamId);
  return {
    result: commandResult({
      caseId: command.caseId,
      commandId,
      events: events.map((event, index) => ({
        eventId: event.eventId,
        type: event.type,
        revision: revisionBefore + 1 + index,
      })),
      position: appended.lastPosition,
      state: decided.reduce(evolve, state),
      handledAt: now,
    }),
    replayed: false,
  };
}

/**
 * The directory's answer for the organisation a case is offered to, asked before the domain
 * decides (the domain does no I/O). A code too long to be one is left to the domain to refuse.
 */
async function directoryFor(
  command: CaseCommand,
  organisationKnown: CommandExecutorDeps['organisationKnown'],
): Promise<((organisation: string) => boolean) | undefined> {
  if (!organisationKnown || command.type !== 'OfferCase') return undefined;
  const offeredTo = command.to?.organisation;
  if (typeof offeredTo !== 'string' || offeredTo.length > textLimits.organisation) return undefined;
  const known = await organisationKnown(offeredTo);
  return (organisation) => organisation === offeredTo && known;
}

/**
 * Fills in the case id of a new referral and checks the ids before any I/O. Case ids are
 * lower-cased: the stream id is case-sensitive, a UUID is not.
 */
function commandWithCaseId(request: CommandRequest, actor: Actor, commandId: string): CaseCommand {
  if (typeof commandId !== 'string' || !COMMAND_ID.test(commandId)) {
    throw invalid(
      'commandId',
      'gebruik 1 tot 200 tekens zonder spaties',
      'use 1 to 200 characters without spaces',
    );
  }
  // Stored in clear in every event and shown in the case history.
  if (mayHoldBsn(commandId)) {
    throw invalid('commandId', keyMayHoldBsnReason.nl, keyMayHoldBsnReason.en);
  }
  const given = request.caseId;
  if (given === undefined && opensCase(request.type)) {
    return { ...request, caseId: deterministicUuid(['case', actor.id, commandId], commandId) };
  }
  if (typeof given !== 'string' || !CASE_ID.test(given.toLowerCase())) {
    throw invalid('caseId', 'geen geldig zaaknummer (UUID)', 'not a valid case id (UUID)');
  }
  return { ...request, caseId: given.toLowerCase() } as CaseCommand;
}

const invalid = (field: string, nl: string, en: string) =>
  new CommandRefused('invalid-input', text(`${field}: ${nl}`, `${field}: ${en}`), [
    { field, reason: text(nl, en) },
  ]);

function outcomeOf(error: unknown): string {
  if (error instanceof CommandRefused) return error.kind;
  if (error instanceof ConflictError) return 'conflict';
  return 'error';
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
