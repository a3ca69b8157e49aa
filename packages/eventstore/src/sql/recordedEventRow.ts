// From a row of EVENT_COLUMNS to the port's RecordedEvent.

import type { EventMetadata, JsonObject, RecordedEvent } from '../eventStore';
import { toNumber } from './sqlDatabase';

export interface RecordedEventRow {
  position: unknown;
  stream_id: string;
  revision: unknown;
  event_id: string;
  type: string;
  schema_version: unknown;
  data: JsonObject;
  metadata: EventMetadata;
  recorded_at: string;
  hash: string;
  prev_hash: string | null;
}

export function toRecordedEvent(row: RecordedEventRow): RecordedEvent {
  // The driver parsed the metadata into a fresh object of this row: complete it in place rather
  // than copy it (a replay maps every event of the log).
  const metadata = row.metadata as RecordedEvent['metadata'];
  metadata.recordedAt = row.recorded_at;
  metadata.hash = row.hash;
  metadata.prevHash = row.prev_hash;
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    revision: toNumber(row.revision),
    position: toNumber(row.position),
    type: row.type,
    schemaVersion: toNumber(row.schema_version),
    data: row.data,
    metadata,
  };
}
