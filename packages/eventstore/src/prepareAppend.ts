// Validation and encoding of an append, done once in the client before any I/O so that a bad
// input is refused with a typed error and nothing is partially written. Every adapter uses it.

import type { AppendOptions, ExpectedRevision, NewEvent, StreamMetadata } from './eventStore';
import { EventTooLargeError, InvalidEventError } from './errors';
import { NotJsonError } from './integrity/canonicalJson';
import { canonicalEventBody } from './integrity/hashChain';
import { MAX_APPEND_BYTES, MAX_EVENT_BYTES, MAX_EVENTS_PER_APPEND } from './limits';

export interface PreparedEvent {
  /** Lower-case, so the body hashed now equals the body rebuilt from the uuid column later. */
  eventId: string;
  /** canonicalEventBody(streamId, event): what is stored and what the hash covers. */
  body: string;
}

export interface PreparedAppend {
  streamId: string;
  expectedRevision: ExpectedRevision;
  events: PreparedEvent[];
  /** UTF-8 bytes of all bodies together. */
  bytes: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const RESERVED_METADATA = ['recordedAt', 'hash', 'prevHash'] as const;
const RESERVED_PREFIX = '$';
const MAX_STREAM_ID_LENGTH = 200;

export function prepareAppend(
  streamId: string,
  events: readonly NewEvent[],
  options: AppendOptions | undefined,
): PreparedAppend {
  assertStreamId(streamId);
  const expectedRevision = parseExpectedRevision(options?.expectedRevision);
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidEventError('an append needs at least one event');
  }
  if (events.length > MAX_EVENTS_PER_APPEND) {
    throw new InvalidEventError(`at most ${MAX_EVENTS_PER_APPEND} events per append`);
  }
  const seen = new Set<string>();
  let totalBytes = 0;
  const prepared = events.map((event): PreparedEvent => {
    const eventId = normaliseEventId(event?.eventId);
    if (seen.has(eventId)) throw new InvalidEventError('appears twice in one append', eventId);
    seen.add(eventId);
    assertShape(event, eventId);
    const body = encodeBody(streamId, { ...event, eventId }, eventId);
    const bytes = Buffer.byteLength(body, 'utf8');
    if (bytes > MAX_EVENT_BYTES) throw new EventTooLargeError(eventId, bytes, MAX_EVENT_BYTES);
    totalBytes += bytes;
    return { eventId, body };
  });
  if (totalBytes > MAX_APPEND_BYTES) {
    throw new EventTooLargeError(null, totalBytes, MAX_APPEND_BYTES);
  }
  return { streamId, expectedRevision, events: prepared, bytes: totalBytes };
}

/** At most this many streams in one readStreamStarts: a page of a list, not the whole log. */
export const MAX_STREAMS_PER_READ = 1000;

export function assertStreamIds(streamIds: unknown): asserts streamIds is readonly string[] {
  if (!Array.isArray(streamIds) || streamIds.length > MAX_STREAMS_PER_READ) {
    throw new InvalidEventError(`stream ids must be a list of at most ${MAX_STREAMS_PER_READ}`);
  }
  for (const streamId of streamIds) assertStreamId(streamId);
}

export function assertStreamId(streamId: unknown): asserts streamId is string {
  if (
    typeof streamId !== 'string' ||
    streamId.length === 0 ||
    streamId.length > MAX_STREAM_ID_LENGTH ||
    streamId.includes('\u0000')
  ) {
    throw new InvalidEventError(
      `stream id must be a non-empty string of at most ${MAX_STREAM_ID_LENGTH} characters`,
    );
  }
}

export function parseExpectedRevision(value: unknown): ExpectedRevision {
  if (value === undefined) return 'any';
  if (value === 'any' || value === 'no_stream' || value === 'exists') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  throw new InvalidEventError(
    `unknown expected revision ${describe(value)}: use 'any', 'no_stream', 'exists' or a revision >= 0`,
  );
}

function normaliseEventId(eventId: unknown): string {
  const normalised = typeof eventId === 'string' ? eventId.toLowerCase() : '';
  if (!UUID.test(normalised)) {
    throw new InvalidEventError(`event id ${describe(eventId)} is not a UUID`);
  }
  return normalised;
}

function assertShape(event: NewEvent, eventId: string): void {
  if (typeof event.type !== 'string' || event.type.length === 0) {
    throw new InvalidEventError('type must be a non-empty string', eventId);
  }
  // `$` types are KurrentDB's own (system events, skipped by every $all reader): refused on every
  // engine so that an event log moves between engines unchanged.
  if (event.type.startsWith(RESERVED_PREFIX)) {
    throw new InvalidEventError(`type must not start with "${RESERVED_PREFIX}"`, eventId);
  }
  if (!Number.isSafeInteger(event.schemaVersion) || event.schemaVersion < 1) {
    throw new InvalidEventError('schemaVersion must be an integer >= 1', eventId);
  }
  if (!isPlainObject(event.data)) {
    throw new InvalidEventError('data must be a JSON object', eventId);
  }
  const metadata: unknown = event.metadata;
  if (!isPlainObject(metadata)) {
    throw new InvalidEventError('metadata must be a JSON object', eventId);
  }
  const actor = metadata['actor'];
  if (!isPlainObject(actor) || typeof actor['id'] !== 'string') {
    throw new InvalidEventError('metadata.actor with an id is required', eventId);
  }
  if (typeof metadata['occurredAt'] !== 'string') {
    throw new InvalidEventError('metadata.occurredAt must be an ISO 8601 string', eventId);
  }
  for (const key of RESERVED_METADATA) {
    if (key in metadata) {
      throw new InvalidEventError(`metadata.${key} is set by the store`, eventId);
    }
  }
  // `$` keys are KurrentDB's ($correlationId, $causationId, ...) and the store's ($schemaVersion).
  const reserved = Object.keys(metadata).find((key) => key.startsWith(RESERVED_PREFIX));
  if (reserved !== undefined) {
    throw new InvalidEventError(
      `metadata.${reserved}: keys starting with "$" are reserved`,
      eventId,
    );
  }
}

/**
 * Stream metadata is the platform's own (retention, tags): a JSON object without `$` keys, which
 * are KurrentDB's stream settings ($maxAge, $maxCount, $tb, $acl) on that engine.
 */
export function assertStreamMetadata(metadata: unknown): asserts metadata is StreamMetadata {
  if (!isPlainObject(metadata)) {
    throw new InvalidEventError('stream metadata must be a JSON object');
  }
  const reserved = Object.keys(metadata).find((key) => key.startsWith(RESERVED_PREFIX));
  if (reserved !== undefined) {
    throw new InvalidEventError(
      `stream metadata key ${JSON.stringify(reserved)}: keys starting with "$" are reserved`,
    );
  }
}

function encodeBody(streamId: string, event: NewEvent, eventId: string): string {
  try {
    return canonicalEventBody(streamId, event);
  } catch (error) {
    if (error instanceof NotJsonError) {
      throw new InvalidEventError(`not JSON at ${error.message}`, eventId);
    }
    throw error;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  return String(value);
}
