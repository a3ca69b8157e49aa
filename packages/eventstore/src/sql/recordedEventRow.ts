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
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    revision: toNumber(row.revision),
    position: toNumber(row.position),
    type: row.type,
    schemaVersion: toNumber(row.schema_version),
    data: row.data,
    metadata: {
      ...row.metadata,
      recordedAt: row.recorded_at,
      hash: row.hash,
      prevHash: row.prev_hash,
    },
  };
}
