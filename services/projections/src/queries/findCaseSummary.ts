import { storedState, type CaseState } from '@kot/domain';
import type { SqlClient } from '../eventStorePort';
import { caseSummaryTableNames } from '../caseSummary/caseSummaryTables';
import { toInstant, toNumber } from '../sql/values';

export interface StoredCase {
  caseId: string;
  /** Without personal data. */
  state: CaseState;
  revision: number;
  /** Global position of the last event folded into the row. */
  lastPosition: number;
  lastRecordedAt: string;
}

export async function findCaseSummary(
  db: SqlClient,
  generation: number,
  caseId: string,
): Promise<StoredCase | null> {
  const [row] = await db.query<{
    case_id: string;
    state: CaseState;
    revision: unknown;
    last_position: unknown;
    last_recorded_at: unknown;
  }>(
    {
      name: `case_summary_g${generation}_find_v2`,
      text: `SELECT case_id, state, revision, last_position, last_recorded_at
             FROM ${caseSummaryTableNames(generation).summary} WHERE case_id = $1`,
    },
    [caseId],
  );
  if (!row) return null;
  return {
    caseId: row.case_id,
    state: storedState(row.state),
    revision: toNumber(row.revision),
    lastPosition: toNumber(row.last_position),
    lastRecordedAt: toInstant(row.last_recorded_at),
  };
}
