import type { SqlClient } from '../eventStorePort';
import type { CaseRows } from './caseRows';
import { caseSummaryStatements } from './caseSummaryTables';

/**
 * Writes the summaries and replaces the worklist and deadline rows of the cases actually written,
 * in one statement (a summary already at a newer revision is left alone, with its rows).
 */
export async function writeCaseRows(
  tx: SqlClient,
  generation: number,
  rows: readonly CaseRows[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(caseSummaryStatements(generation).writeRows, [
    JSON.stringify(rows.map((row) => row.summary)),
    JSON.stringify(rows.flatMap((row) => row.worklist)),
    JSON.stringify(rows.flatMap((row) => row.deadlines)),
    rows.map((row) => row.summary.case_id),
  ]);
}
