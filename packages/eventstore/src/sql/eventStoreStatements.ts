// Every statement the SQL event store runs, named so PostgreSQL prepares each once per connection.

import { EVENT_COLUMNS } from './eventStoreSchema';
import type { SqlStatement } from './sqlDatabase';

const statement = (name: string, text: string): SqlStatement => ({
  name: `eventstore_${name}`,
  text,
});

export const eventStoreStatements = {
  /** $1 stream, $2 expected ('any' | 'no_stream' | 'exists' | digits), $3 uuid[], $4 canonical bodies */
  append: statement(
    'append',
    'SELECT outcome, stream_revision, last_position FROM eventstore_append($1, $2, $3::uuid[], $4::text[])',
  ),
  /**
   * Group commit, one row per append in order: $1 streams, $2 expectations, $3 events per append,
   * $4 and $5 the event ids and canonical bodies of all appends, concatenated in order.
   */
  appendBatch: statement(
    'append_batch',
    `SELECT outcome, stream_revision, last_position, error_code, error_message
       FROM eventstore_append_batch($1::text[], $2::text[], $3::integer[], $4::uuid[], $5::text[])`,
  ),
  /** After a unique violation on events.event_id: $1 stream, $2 uuid[]. */
  classifyKnown: statement(
    'classify_known',
    'SELECT outcome, stream_revision, last_position FROM eventstore_classify_known($1, $2::uuid[])',
  ),
  /** $1 stream, $2 from (inclusive), $3 to (inclusive), $4 limit or null */
  readStreamForwards: statement(
    'read_stream_forwards',
    `SELECT ${EVENT_COLUMNS} FROM events e
      WHERE e.stream_id = $1 AND e.revision >= $2 AND e.revision <= $3
      ORDER BY e.revision LIMIT $4`,
  ),
  /** $1 text[] of streams: the first event of each. */
  readStreamStarts: statement(
    'read_stream_starts',
    `SELECT ${EVENT_COLUMNS} FROM events e WHERE e.stream_id = ANY($1::text[]) AND e.revision = 0`,
  ),
  /** $1 stream, $2 from (inclusive, the higher revision), $3 to (inclusive), $4 limit or null */
  readStreamBackwards: statement(
    'read_stream_backwards',
    `SELECT ${EVENT_COLUMNS} FROM events e
      WHERE e.stream_id = $1 AND e.revision <= $2 AND e.revision >= $3
      ORDER BY e.revision DESC LIMIT $4`,
  ),
  /**
   * $1 after position (exclusive), $2 the visible horizon read by an EARLIER statement (see
   * eventstore_visible_horizon), $3 limit or null.
   */
  readAll: statement(
    'read_all_below',
    `SELECT ${EVENT_COLUMNS} FROM events e
      WHERE e.position > $1 AND e.position < $2
      ORDER BY e.position LIMIT $3`,
  ),
  /** Horizon and newest committed position: head >= horizon means committed rows are held back. */
  horizon: statement(
    'horizon',
    `SELECT eventstore_visible_horizon() AS horizon,
            (SELECT max(position) FROM events) AS head`,
  ),
  getStreamMetadata: statement(
    'get_stream_metadata',
    'SELECT metadata FROM stream_metadata WHERE stream_id = $1',
  ),
  /** $2 is the metadata as JSON text. */
  setStreamMetadata: statement(
    'set_stream_metadata',
    `INSERT INTO stream_metadata (stream_id, metadata) VALUES ($1, $2::jsonb)
     ON CONFLICT (stream_id) DO UPDATE SET metadata = EXCLUDED.metadata, updated_at = now()`,
  ),
};
