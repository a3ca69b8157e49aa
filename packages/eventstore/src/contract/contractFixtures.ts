// Events, ids and bounded waiting for the contract suite.

import { v7 as uuidv7 } from 'uuid';
import type { EventStore, JsonObject, NewEvent, RecordedEvent } from '../eventStore';

/** Unique per test run, so runs against a shared database never see each other's streams. */
export function uniqueStreamId(label: string): string {
  return `${label}-${uuidv7()}`;
}

export function newEvent(
  data: JsonObject = {},
  type = 'ContractTested',
  schemaVersion = 1,
): NewEvent {
  return {
    eventId: uuidv7(),
    type,
    schemaVersion,
    data,
    metadata: {
      actor: { id: 'user-1', role: 'smi_officer', organisation: 'GM0363' },
      correlationId: uuidv7(),
      occurredAt: '2025-03-01T09:00:00.000Z',
    },
  };
}

export function newEvents(count: number, data: (i: number) => JsonObject = (i) => ({ i })) {
  return Array.from({ length: count }, (_, i) => newEvent(data(i)));
}

/** Polls `condition` every 10 ms; fails after `timeoutMs`. */
export async function waitFor(
  description: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function ofStreams(prefix: string, events: readonly RecordedEvent[]): RecordedEvent[] {
  return events.filter((event) => event.streamId.startsWith(prefix));
}

export function isStrictlyIncreasing(values: readonly number[]): boolean {
  return values.every((value, i) => i === 0 || value > (values[i - 1] as number));
}

/**
 * readAll once it holds every given event. readAll only returns final events (see the SQL
 * visibility horizon), so right after an append it may briefly lag behind while an older
 * transaction anywhere in the database is still running.
 */
export async function readAllIncluding(
  store: EventStore,
  eventIds: readonly string[],
  timeoutMs = 10_000,
): Promise<RecordedEvent[]> {
  let all: RecordedEvent[] = [];
  await waitFor(
    `readAll to include ${eventIds.length} events`,
    async () => {
      all = await store.readAll();
      const present = new Set(all.map((event) => event.eventId));
      return eventIds.every((eventId) => present.has(eventId));
    },
    timeoutMs,
  );
  return all;
}

export function ids(events: readonly { eventId: string }[]): string[] {
  return events.map((event) => event.eventId);
}
