// How the SQL event store writes what group commit hands it: a lone append through
// eventstore_append, several through eventstore_append_batch (one statement, one transaction).
// What the database refuses comes back as the port's typed errors, never as a driver error.

import { AppendFailedError } from '../errors';
import type { PreparedAppend } from '../prepareAppend';
import { eventStoreStatements as statements } from './eventStoreStatements';
import type { GroupCommitWriter } from './groupCommit';
import type { SqlDatabase } from './sqlDatabase';

export interface AppendRow {
  outcome:
    'appended' | 'idempotent' | 'wrong_expected_revision' | 'idempotency_conflict' | 'unknown';
  stream_revision: unknown;
  last_position: unknown;
}

interface BatchAppendRow {
  outcome: AppendRow['outcome'] | 'error';
  stream_revision: unknown;
  last_position: unknown;
  error_code: string | null;
  error_message: string | null;
}

/**
 * Attempts of a lone append whose event id collided with a row that is gone again by the time the
 * collision is classified (deleted meanwhile): nothing of it was written, so it may simply run again.
 */
const MAX_APPEND_ATTEMPTS = 3;

export function createSqlAppendWriter(db: SqlDatabase): GroupCommitWriter<AppendRow> {
  return {
    async writeOne(prepared: PreparedAppend) {
      const eventIds = prepared.events.map((event) => event.eventId);
      for (let attempt = 1; ; attempt++) {
        try {
          const [row] = await db.query<AppendRow>(statements.append, [
            prepared.streamId,
            String(prepared.expectedRevision),
            eventIds,
            prepared.events.map((event) => event.body),
          ]);
          if (!row) throw new AppendFailedError(prepared.streamId, 'the database returned no row');
          return row;
        } catch (error) {
          // A stored event id: the append wrote nothing. Was it a retry, or a conflict?
          if ((error as { constraint?: string }).constraint !== 'events_event_id_key') throw error;
          const [row] = await db.query<AppendRow>(statements.classifyKnown, [
            prepared.streamId,
            eventIds,
          ]);
          if (row && row.outcome !== 'unknown') return row;
          if (attempt >= MAX_APPEND_ATTEMPTS) {
            throw new AppendFailedError(
              prepared.streamId,
              `an event id kept colliding with rows that were gone when looked up (${attempt} attempts)`,
              { cause: error },
            );
          }
        }
      }
    },

    async writeBatch(appends: PreparedAppend[]) {
      const rows = await db.query<BatchAppendRow>(statements.appendBatch, [
        appends.map((append) => append.streamId),
        appends.map((append) => String(append.expectedRevision)),
        appends.map((append) => append.events.length),
        appends.flatMap((append) => append.events.map((event) => event.eventId)),
        appends.flatMap((append) => append.events.map((event) => event.body)),
      ]);
      // An 'error' row is a database error that refused that append alone; the others stand.
      return rows.map(
        ({ outcome, stream_revision, last_position, error_code, error_message }, index) =>
          outcome === 'error'
            ? new AppendFailedError(
                appends[index]?.streamId ?? '(unknown)',
                `the database refused it: ${error_message} (SQLSTATE ${error_code})`,
              )
            : { outcome, stream_revision, last_position },
      );
    },
  };
}
