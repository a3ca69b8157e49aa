// Overdue, at risk, days overdue and even the next action (a mandate can expire) change with the
// calendar, without an event. They only change when the Amsterdam date changes, so each row
// records the date it was computed for, and this pass recomputes the rows of earlier days from
// their stored state: once a day per open case, in chunks of one transaction each, oldest first,
// until none is stale or the pass has run for its time bound (the caller then runs the next
// pass right away, so 100 000 open cases are fresh within minutes of midnight, not hours).
import { dateInAmsterdam, storedState, type CaseState, type Instant } from '@kot/domain';
import type { SqlDatabase } from '../eventStorePort';
import type { RefreshLimits, RefreshOutcome } from '../generations/projectionDefinition';
import { toInstant, toNumber } from '../sql/values';
import { caseRows } from './caseRows';
import { caseSummaryStatements } from './caseSummaryTables';
import { keyDatesOf } from './keyDates';
import { writeCaseRows } from './writeCaseRows';

interface StaleRow {
  case_id: string;
  revision: unknown;
  state: CaseState;
  stream_id: string;
  last_position: unknown;
  last_occurred_at: unknown;
  last_recorded_at: unknown;
}

/** A backstop on top of the time bound: no pass runs more transactions than this. */
const MAX_CHUNKS_PER_PASS = 1000;

export async function refreshTimeDependentFields(
  db: SqlDatabase,
  generation: number,
  now: Instant,
  limits: RefreshLimits,
): Promise<RefreshOutcome> {
  const today = dateInAmsterdam(now);
  const statements = caseSummaryStatements(generation);
  const started = performance.now();
  let refreshed = 0;
  for (let chunk = 0; chunk < MAX_CHUNKS_PER_PASS; chunk++) {
    const count = await db.transaction(async (tx) => {
      const stale = await tx.query<StaleRow>(statements.selectStale, [today, limits.chunkSize]);
      const rows = stale.map((row) =>
        caseRows(
          storedState(row.state),
          keyDatesOf(row as unknown as Record<string, unknown>),
          {
            streamId: row.stream_id,
            revision: toNumber(row.revision),
            position: toNumber(row.last_position),
            occurredAt: toInstant(row.last_occurred_at),
            recordedAt: toInstant(row.last_recorded_at),
          },
          now,
        ),
      );
      await writeCaseRows(tx, generation, rows);
      return stale.length;
    });
    refreshed += count;
    if (count < limits.chunkSize) return { refreshed, finished: true };
    if (performance.now() - started >= limits.maxPassMs) break;
  }
  return { refreshed, finished: false };
}
