import type { SqlClient } from '../eventStorePort';
import type { CaseRows } from './caseRows';
import { caseSummaryStatements } from './caseSummaryTables';

/**
 * Upserts the summaries in one statement and replaces the worklist and deadline rows of the cases
 * actually written (a summary already at a newer revision is left alone, with its rows).
 */
export async function writeCaseRows(
  tx: SqlClient,
  generation: number,
  rows: readonly CaseRows[],
): Promise<void> {
  if (rows.length === 0) return;
  const statements = caseSummaryStatements(generation);
  const written = await tx.query<{ case_id: string }>(statements.upsertSummaries, [
    JSON.stringify(rows.map((row) => row.summary)),
  ]);
  if (written.length === 0) return;
  const ids = new Set(written.map((row) => row.case_id));
  const kept = rows.filter((row) => ids.has(row.summary.case_id));
  const caseIds = [...ids];
  const worklist = kept.flatMap((row) => row.worklist);
  const deadlines = kept.flatMap((row) => row.deadlines);
  await tx.query(statements.deleteWorklist, [caseIds]);
  if (worklist.length > 0) await tx.query(statements.insertWorklist, [JSON.stringify(worklist)]);
  await tx.query(statements.deleteDeadlines, [caseIds]);
  if (deadlines.length > 0) await tx.query(statements.insertDeadlines, [JSON.stringify(deadlines)]);
}
