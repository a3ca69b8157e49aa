// The case-summary projection's tables for one generation (blue/green: a rebuild creates the next
// generation's tables beside the live ones) and the statements that write them.
import type { SqlStatement } from '../eventStorePort';
import {
  columnDefinitions,
  columnNames,
  recordsetShape,
  selectList,
  type Columns,
} from '../sql/columns';
import type { CaseSummaryRow, DeadlineRow, WorklistRow } from './caseRows';
import { keyDateNames } from './keyDates';

export const summaryColumns: Columns<CaseSummaryRow> = [
  ['case_id', 'text'],
  ['stream_id', 'text'],
  ['revision', 'integer'],
  ['last_position', 'bigint'],
  ['last_occurred_at', 'timestamptz'],
  ['last_recorded_at', 'timestamptz'],
  ['status', 'text'],
  ['status_since', 'date', 'null'],
  ['is_open', 'boolean'],
  ['municipality', 'text'],
  ['referring_officer_organisation', 'text', 'null'],
  ['referring_officer_person', 'text', 'null'],
  ['offered_to_organisation', 'text', 'null'],
  ['offered_to_role', 'text', 'null'],
  ['offered_to_person', 'text', 'null'],
  ['claimed_by_organisation', 'text', 'null'],
  ['claimed_by_role', 'text', 'null'],
  ['claimed_by_person', 'text', 'null'],
  ['audience_organisations', 'text[]'],
  ['access', 'jsonb'],
  ['next_action', 'text', 'null'],
  ['next_responsible_organisation', 'text', 'null'],
  ['next_responsible_role', 'text', 'null'],
  ['next_responsible_person', 'text', 'null'],
  ['next_since', 'date', 'null'],
  ['next_due', 'date', 'null'],
  ['next_overdue', 'boolean'],
  ['next_days_overdue', 'integer'],
  ['next_escalate_organisation', 'text', 'null'],
  ['next_escalate_role', 'text', 'null'],
  ['next_escalate_person', 'text', 'null'],
  ['next_deadline', 'date', 'null'],
  ['urgency_due', 'date'],
  ['eligibility_verdict', 'text', 'null'],
  ['funded_today', 'boolean'],
  ['funded_until', 'date', 'null'],
  ['gap_days', 'integer'],
  ['unaccepted_gap_days', 'integer'],
  ['days_at_risk', 'integer'],
  ['at_risk', 'boolean'],
  ['smi_ends_on', 'date', 'null'],
  ['referred_on', 'date', 'null'],
  ['offered_on', 'date', 'null'],
  ['claimed_on', 'date', 'null'],
  ['requested_on', 'date', 'null'],
  ['application_submitted_on', 'date', 'null'],
  ['application_received_on', 'date', 'null'],
  ['first_decided_on', 'date', 'null'],
  ['first_decision_outcome', 'text', 'null'],
  ['first_rejection_reason', 'text', 'null'],
  ['granted_on', 'date', 'null'],
  ['closed_on', 'date', 'null'],
  ['closure_outcome', 'text', 'null'],
  ['state', 'jsonb'],
  ['computed_at', 'timestamptz'],
  ['computed_on', 'date'],
];

export const worklistColumns: Columns<WorklistRow> = [
  ['case_id', 'text'],
  ['audience', 'text'],
  ['party_organisation', 'text'],
  ['party_role', 'text'],
  ['party_person', 'text', 'null'],
  ['municipality', 'text'],
  ['status', 'text'],
  ['action', 'text'],
  ['description', 'jsonb'],
  ['responsible', 'jsonb'],
  ['escalate_to', 'jsonb'],
  ['since', 'date'],
  ['due', 'date'],
  ['overdue', 'boolean'],
  ['days_overdue', 'integer'],
  ['deadline', 'date', 'null'],
  ['urgency_rank', 'integer'],
  ['urgency_kind', 'text'],
  ['urgency_reason', 'jsonb'],
  ['opened_on', 'date'],
  ['access', 'jsonb'],
];

export const deadlineColumns: Columns<DeadlineRow> = [
  ['case_id', 'text'],
  ['kind', 'text'],
  ['date', 'date'],
  ['description', 'jsonb', 'null'],
  ['party_organisation', 'text', 'null'],
  ['party_role', 'text', 'null'],
  ['party_person', 'text', 'null'],
];

export interface CaseSummaryTableNames {
  summary: string;
  worklist: string;
  deadlines: string;
}

export const caseSummaryTableNames = (generation: number): CaseSummaryTableNames => ({
  summary: `case_summary_g${generation}`,
  worklist: `worklist_g${generation}`,
  deadlines: `deadlines_g${generation}`,
});

/**
 * Pages are filled to 80 % only: most commands change a case's rows but none of their indexed
 * columns, and a new row version that fits on its page is written without touching any index
 * (a HOT update). Full pages made every such update write six index entries per row.
 */
const UPDATED_IN_PLACE_FILLFACTOR = 80;

export function createCaseSummaryTables(generation: number): string {
  const t = caseSummaryTableNames(generation);
  return `
CREATE TABLE IF NOT EXISTS ${t.summary} (
  ${columnDefinitions(summaryColumns)},
  PRIMARY KEY (case_id)
) WITH (fillfactor = ${UPDATED_IN_PLACE_FILLFACTOR});
CREATE INDEX IF NOT EXISTS ${t.summary}_by_municipality ON ${t.summary} (municipality, urgency_due, case_id);
CREATE INDEX IF NOT EXISTS ${t.summary}_by_urgency ON ${t.summary} (urgency_due, case_id);
CREATE INDEX IF NOT EXISTS ${t.summary}_by_audience ON ${t.summary} USING gin (audience_organisations);
CREATE INDEX IF NOT EXISTS ${t.summary}_by_computed_on ON ${t.summary} (computed_on);
CREATE TABLE IF NOT EXISTS ${t.worklist} (
  ${columnDefinitions(worklistColumns)},
  PRIMARY KEY (case_id, audience)
) WITH (fillfactor = ${UPDATED_IN_PLACE_FILLFACTOR});
CREATE INDEX IF NOT EXISTS ${t.worklist}_by_organisation ON ${t.worklist} (party_organisation, urgency_rank, due, opened_on, case_id, audience);
CREATE INDEX IF NOT EXISTS ${t.worklist}_by_organisation_due ON ${t.worklist} (party_organisation, due, urgency_rank, opened_on, case_id, audience);
CREATE INDEX IF NOT EXISTS ${t.worklist}_by_organisation_age ON ${t.worklist} (party_organisation, opened_on, urgency_rank, due, case_id, audience);
CREATE INDEX IF NOT EXISTS ${t.worklist}_by_person ON ${t.worklist} (party_person, urgency_rank, due, opened_on, case_id, audience);
CREATE TABLE IF NOT EXISTS ${t.deadlines} (
  ${columnDefinitions(deadlineColumns)},
  PRIMARY KEY (case_id, kind)
) WITH (fillfactor = ${UPDATED_IN_PLACE_FILLFACTOR});
CREATE INDEX IF NOT EXISTS ${t.deadlines}_by_date ON ${t.deadlines} (date, case_id);
`;
}

export function dropCaseSummaryTables(generation: number): string {
  const t = caseSummaryTableNames(generation);
  return `DROP TABLE IF EXISTS ${t.summary}, ${t.worklist}, ${t.deadlines};`;
}

export interface CaseSummaryStatements {
  /** $1 text[] of case ids: the rows a batch folds onto. */
  loadForFold: SqlStatement;
  /**
   * $1 summaries, $2 worklist rows, $3 deadline rows, each a jsonb array, and $4 the case ids
   * (text[]: the child rows are found through their primary key, not by reading the table).
   * Upserts the summaries
   * (a newer revision is never overwritten) and makes the worklist and deadline rows of exactly
   * the cases written equal to the given ones; returns how many summaries were written.
   */
  writeRows: SqlStatement;
  /** $1 today, $2 limit: rows whose time-dependent fields were computed before today. */
  selectStale: SqlStatement;
}

const statementsByGeneration = new Map<number, CaseSummaryStatements>();

export function caseSummaryStatements(generation: number): CaseSummaryStatements {
  const cached = statementsByGeneration.get(generation);
  if (cached) return cached;
  const t = caseSummaryTableNames(generation);
  const names = columnNames(summaryColumns);
  const foldColumns = `case_id, revision, state, ${selectList(
    summaryColumns.filter(([name]) => keyDateNames.includes(name)),
  )}`;
  const updates = summaryColumns
    .filter(([name]) => name !== 'case_id')
    .map(([name]) => `${name} = EXCLUDED.${name}`)
    .join(', ');
  const statements: CaseSummaryStatements = {
    loadForFold: {
      name: `case_summary_g${generation}_load`,
      text: `SELECT ${foldColumns} FROM ${t.summary} WHERE case_id = ANY($1::text[])`,
    },
    writeRows: {
      name: `case_summary_g${generation}_write`,
      // One statement, one round trip. The rows a case no longer has are deleted and the others
      // upserted: the two touch different keys, so the statement's parts never meet.
      text: `WITH written AS (
               INSERT INTO ${t.summary} AS current (${names})
               SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS r(${recordsetShape(summaryColumns)})
               ON CONFLICT (case_id) DO UPDATE SET ${updates}
               WHERE current.revision <= EXCLUDED.revision
               RETURNING case_id
             ),
             ${replaceRows(t.worklist, worklistColumns, ['case_id', 'audience'], '$2', 'worklist')},
             ${replaceRows(t.deadlines, deadlineColumns, ['case_id', 'kind'], '$3', 'deadlines')}
             SELECT count(*)::integer AS written FROM written`,
    },
    selectStale: {
      name: `case_summary_g${generation}_stale`,
      text: `SELECT ${foldColumns}, stream_id, last_position, last_occurred_at, last_recorded_at
             FROM ${t.summary}
             WHERE computed_on < $1::date AND (is_open OR closed_on >= computed_on)
             ORDER BY computed_on, case_id
             LIMIT $2`,
    },
  };
  statementsByGeneration.set(generation, statements);
  return statements;
}

/**
 * The CTEs that make a child table's rows of the written cases equal to the given JSON rows:
 * delete the keys no longer given, upsert the given ones.
 */
function replaceRows<Row>(
  table: string,
  columns: Columns<Row>,
  key: readonly string[],
  parameter: string,
  alias: string,
): string {
  const names = columnNames(columns);
  const updates = columns
    .filter(([name]) => !key.includes(name))
    .map(([name]) => `${name} = EXCLUDED.${name}`)
    .join(', ');
  const sameKey = key.map((column) => `given.${column} = kept.${column}`).join(' AND ');
  return `${alias}_given AS (
               SELECT ${names} FROM jsonb_to_recordset(${parameter}::jsonb) AS r(${recordsetShape(columns)})
               WHERE r.case_id IN (SELECT case_id FROM written)
             ),
             ${alias}_gone AS (
               DELETE FROM ${table} AS kept USING written
               WHERE kept.case_id = ANY($4::text[]) AND kept.case_id = written.case_id
                 AND NOT EXISTS (SELECT FROM ${alias}_given AS given WHERE ${sameKey})
             ),
             ${alias}_set AS (
               INSERT INTO ${table} (${names}) SELECT ${names} FROM ${alias}_given
               ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${updates}
             )`;
}
