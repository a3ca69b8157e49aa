// The per-stream SHA-256 hash chain, shared by every adapter. An event's hash is
//
//   sha256hex( canonicalJson({ event: body, prevHash, recordedAt, revision }) )
//
// where `body` is canonicalJson({ data, eventId, metadata, schemaVersion, streamId, type }) with
// the writer's metadata (without recordedAt/hash/prevHash). The keys event < prevHash <
// recordedAt < revision are already in canonical order, so SQL can build the same text by
// concatenating the body with the fields the store assigns (see sql/eventStoreSchema.ts).
// The hash covers data as stored: with personal-data protection, that is the ciphertext.

import { createHash } from 'node:crypto';
import type { EventMetadata, IntegrityReport, JsonObject, RecordedEvent } from '../eventStore';
import { canonicalJson } from './canonicalJson';

export interface EventBody {
  eventId: string;
  type: string;
  schemaVersion: number;
  data: JsonObject;
  metadata: EventMetadata | JsonObject;
}

export function canonicalEventBody(streamId: string, event: EventBody): string {
  return canonicalJson({
    data: event.data,
    eventId: event.eventId,
    metadata: event.metadata,
    schemaVersion: event.schemaVersion,
    streamId,
    type: event.type,
  });
}

export interface ChainLink {
  /** canonicalEventBody(...) of the event. */
  body: string;
  prevHash: string | null;
  /** Store time exactly as recorded (ISO 8601 text). */
  recordedAt: string;
  revision: number;
}

export function eventHash(link: ChainLink): string {
  const text =
    `{"event":${link.body},"prevHash":${link.prevHash === null ? 'null' : JSON.stringify(link.prevHash)}` +
    `,"recordedAt":${JSON.stringify(link.recordedAt)},"revision":${link.revision}}`;
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The writer's metadata of a recorded event: what went into the body when it was hashed. */
export function writerMetadata(event: RecordedEvent): JsonObject {
  const { recordedAt: _recordedAt, hash: _hash, prevHash: _prevHash, ...metadata } = event.metadata;
  return metadata;
}

/** Checks numbering, links and hashes of a whole stream, read forwards from revision 0. */
export function verifyHashChain(
  streamId: string,
  events: readonly RecordedEvent[],
): IntegrityReport {
  const invalid = (revision: number, reason: string): IntegrityReport => ({
    streamId,
    valid: false,
    eventCount: events.length,
    firstInvalidRevision: revision,
    reason,
  });
  let previousHash: string | null = null;
  for (let expectedRevision = 0; expectedRevision < events.length; expectedRevision++) {
    const event = events[expectedRevision] as RecordedEvent;
    if (event.streamId !== streamId) {
      return invalid(expectedRevision, `event ${event.eventId} belongs to ${event.streamId}`);
    }
    if (event.revision !== expectedRevision) {
      return invalid(
        expectedRevision,
        `revision ${expectedRevision} is missing (found ${event.revision} in its place)`,
      );
    }
    if (event.metadata.prevHash !== previousHash) {
      return invalid(
        expectedRevision,
        'prevHash does not match the previous event: an event was removed or reordered',
      );
    }
    const body = canonicalEventBody(streamId, {
      eventId: event.eventId,
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: event.data,
      metadata: writerMetadata(event),
    });
    const expectedHash = eventHash({
      body,
      prevHash: previousHash,
      recordedAt: event.metadata.recordedAt,
      revision: event.revision,
    });
    if (expectedHash !== event.metadata.hash) {
      return invalid(expectedRevision, 'hash does not match the content: the event was altered');
    }
    previousHash = event.metadata.hash;
  }
  return {
    streamId,
    valid: true,
    eventCount: events.length,
    firstInvalidRevision: null,
    reason: null,
  };
}
