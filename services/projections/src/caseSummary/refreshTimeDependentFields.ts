// Overdue, at risk, days overdue and even the next action (a mandate can expire) change with the
// calendar, without an event. They only change when the Amsterdam date changes, so each row
// records the date it was computed for, and this pass recomputes the rows of earlier days from
// their stored state: once a day per open case, in bounded chunks, oldest first.
import { dateInAmsterdam, type CaseState, type Instant } from '@kot/domain';
import type { SqlDatabase } from '../eventStorePort';
import type { RefreshLimits } from '../generations/projectionDefinition';
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

/** Returns how many rows were recomputed; fewer than chunkSize × maxChunks means all are fresh. */
export async function refreshTimeDependentFields(
  db: SqlDatabase,
  generation: number,
  now: Instant,
  limits: RefreshLimits,
): Promise<number> {
  const today = dateInAmsterdam(now);
  const statements = caseSummaryStatements(generation);
  let refreshed = 0;
  for (let chunk = 0; chunk < limits.maxChunks; chunk++) {
    const count = await db.transaction(async (tx) => {
      const stale = await tx.query<StaleRow>(statements.selectStale, [today, limits.chunkSize]);
      const rows = stale.map((row) =>
        caseRows(
          row.state,
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
    if (count < limits.chunkSize) break;
  }
  return refreshed;
}
