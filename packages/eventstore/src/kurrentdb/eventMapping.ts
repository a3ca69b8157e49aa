// How a port event is laid out in a KurrentDB event: id, type and data map one to one; the
// metadata holds the writer's metadata, the store's recordedAt and hash chain, and the schema
// version under `$schemaVersion` (KurrentDB has no field for it; `$` keys are KurrentDB's
// namespace, so it cannot collide with a writer's key).
import type { JsonObject, RecordedEvent, RecordedMetadata } from '../eventStore';
import type { KurrentEventData, KurrentRecordedEvent } from './kurrentClient';
import { toNumericPosition, toSafeNumber, toStreamReadPosition } from './positionMapping';

/** $all reads and subscriptions carry exact log positions; stream reads may not (see positionMapping.ts). */
export type KurrentRead = 'all' | 'stream';

const schemaVersionKey = '$schemaVersion';

export function toKurrentEventData(event: Omit<RecordedEvent, 'position'>): KurrentEventData {
  return {
    id: event.eventId,
    contentType: 'application/json',
    type: event.type,
    data: event.data,
    metadata: { ...event.metadata, [schemaVersionKey]: event.schemaVersion },
  };
}

export function fromKurrentEvent(event: KurrentRecordedEvent, read: KurrentRead): RecordedEvent {
  if (!event.isJson || (read === 'all' && event.position === undefined)) {
    throw new Error(
      `KurrentDB event ${event.id} in ${event.streamId} is not a JSON event with a position; was it written by another application?`,
    );
  }
  const { [schemaVersionKey]: schemaVersion, ...metadata } = asObject(event.metadata);
  return {
    eventId: event.id,
    streamId: event.streamId,
    revision: toSafeNumber(event.revision),
    position:
      read === 'all' ? toNumericPosition(event.position!) : toStreamReadPosition(event.position),
    type: event.type,
    schemaVersion: typeof schemaVersion === 'number' ? schemaVersion : 1,
    data: asObject(event.data),
    metadata: metadata as unknown as RecordedMetadata,
  };
}

/**
 * Whether an event read from $all was written by this platform: JSON, a single-record commit (an
 * exact position), and the store's own metadata (recordedAt, hash, $schemaVersion). Anything else
 * in $all (another application's stream, a legacy explicit transaction) is skipped, never fatal.
 */
export function isPlatformEvent(event: KurrentRecordedEvent): boolean {
  if (!event.isJson || !event.position || event.position.commit !== event.position.prepare) {
    return false;
  }
  if (event.type.startsWith('$')) return false;
  let metadata: JsonObject;
  try {
    metadata = asObject(event.metadata);
  } catch {
    return false;
  }
  return (
    typeof metadata['recordedAt'] === 'string' &&
    typeof metadata['hash'] === 'string' &&
    typeof metadata[schemaVersionKey] === 'number'
  );
}

/** The one custom key of KurrentDB stream metadata that holds the platform's stream metadata. */
export const platformMetadataKey = 'kotMetadata';

function asObject(value: unknown): JsonObject {
  // Older clients hand JSON over as bytes when the server did not flag it as JSON. (isView, not
  // instanceof: bytes made by the native client may come from another realm.)
  if (ArrayBuffer.isView(value)) {
    return JSON.parse(
      Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf8'),
    );
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return value as JsonObject;
  }
  return {};
}
