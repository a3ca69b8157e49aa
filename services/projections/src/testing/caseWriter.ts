// Writes cases the way the write side does: fold the stream, let the domain decide, append with
// the expected revision. Tests use it to put real events in a real store.
import { randomUUID } from 'node:crypto';
import { newId } from '@kot/platform';
import {
  caseStreamId,
  foldCase,
  handleCommand,
  upcast,
  type CaseCommand,
  type CaseEvent,
  type CommandContext,
} from '@kot/domain';
import type { EventStore } from '@kot/eventstore';

export type Step = [CaseCommand, CommandContext];

export function caseWriter(store: EventStore) {
  return async function run(command: CaseCommand, ctx: CommandContext): Promise<CaseEvent[]> {
    const streamId = caseStreamId(command.caseId);
    const recorded = await store.readStream(streamId);
    const state = foldCase(recorded.map((event) => upcast(event)));
    const events = handleCommand(command, state, ctx);
    const commandId = randomUUID();
    await store.append(
      streamId,
      events.map((event) => ({
        eventId: newId(),
        type: event.type,
        schemaVersion: event.schemaVersion,
        data: event.data as unknown as Record<string, unknown>,
        metadata: {
          actor: { id: ctx.actor.id, role: ctx.actor.role, organisation: ctx.actor.organisation },
          commandId,
          correlationId: commandId,
          occurredAt: ctx.now,
        },
      })),
      { expectedRevision: recorded.length === 0 ? 'no_stream' : recorded.length - 1 },
    );
    return events;
  };
}

export async function runSteps(store: EventStore, steps: readonly Step[]): Promise<void> {
  const run = caseWriter(store);
  for (const [command, ctx] of steps) await run(command, ctx);
}
