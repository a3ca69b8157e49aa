// The append's own arithmetic on KurrentDB, free of I/O: the hash chain the events are sent
// with, the size check against the server's MaxAppendSize, and the search for an earlier copy of
// an 'any'/'exists' append among a stream's recent events.
import type { AppendResult, NewEvent, RecordedEvent } from '../eventStore';
import { EventTooLargeError } from '../errors';
import { eventHash } from '../integrity';
import type { PreparedEvent } from '../prepareAppend';
import { partialRetry } from './conflictError';
import { toKurrentEventData } from './eventMapping';
import type { KurrentEventData } from './kurrentClient';

/** The events as they will be stored after `last`: revisions, recordedAt and the hash chain. */
export function chainAfter(
  recordedAt: string,
  last: RecordedEvent | null,
  streamId: string,
  events: readonly NewEvent[],
  prepared: readonly PreparedEvent[],
): KurrentEventData[] {
  let prevHash = last?.metadata.hash ?? null;
  let revision = last?.revision ?? -1;
  return events.map(({ type, schemaVersion, data, metadata }, index) => {
    const { eventId, body } = prepared[index]!;
    revision += 1;
    const hash = eventHash({ body, prevHash, recordedAt, revision });
    const recorded = {
      eventId,
      streamId,
      revision,
      type,
      schemaVersion,
      data,
      metadata: { ...metadata, recordedAt, hash, prevHash },
    };
    prevHash = hash;
    return toKurrentEventData(recorded);
  });
}

/** Refuses, before sending, an append over the server's MaxAppendSize. */
export function assertWithinMaxAppendSize(
  events: readonly KurrentEventData[],
  maxAppendBytes: number,
): void {
  const bytes = events.reduce(
    (sum, event) =>
      sum +
      Buffer.byteLength(JSON.stringify(event.data)) +
      Buffer.byteLength(JSON.stringify(event.metadata)) +
      Buffer.byteLength(event.type),
    0,
  );
  if (bytes > maxAppendBytes) throw new EventTooLargeError(null, bytes, maxAppendBytes);
}

/**
 * An 'any' or 'exists' append is sent with the exact current revision, to keep the hash chain
 * linear, so the server's own deduplication (which compares ids only after an older expected
 * revision) does not apply: look for an earlier copy of the batch among the recent events.
 */
export function findEarlierAppend(
  streamId: string,
  eventIds: string[],
  recent: RecordedEvent[],
): AppendResult | null {
  const ids = new Set(eventIds);
  if (!recent.some((event) => ids.has(event.eventId))) return null;
  const first = recent.find((event) => event.eventId === eventIds[0]);
  const byRevision = new Map(recent.map((event) => [event.revision, event]));
  const stored = eventIds.map((_, index) =>
    first ? byRevision.get(first.revision + index) : undefined,
  );
  const last = stored[stored.length - 1];
  if (!last || stored.some((event, index) => event?.eventId !== eventIds[index])) {
    throw partialRetry(streamId, eventIds);
  }
  return { streamId, nextExpectedRevision: last.revision, lastPosition: last.position };
}
