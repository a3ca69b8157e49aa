// The case-history projection: one row per event of a case stream, and per delivery record of the
// case's notifications stream, for `caseHistory(id)`. No case event data is copied, only who did
// what and when; of a delivery record only who was told, how and the outcome. No personal data.
import type { SqlStatement } from '../eventStorePort';
import { columnDefinitions, columnNames, recordsetShape, type Columns } from '../sql/columns';

export interface HistoryRow {
  position: number;
  case_id: string;
  stream_id: string;
  revision: number;
  event_id: string;
  type: string;
  schema_version: number;
  actor_id: string;
  actor_role: string;
  actor_organisation: string;
  occurred_at: string;
  recorded_at: string;
  command_id: string | null;
  correlation_id: string | null;
  causation_id: string | null;
  /** For a delivery record: who was told what, how, and whether it arrived. */
  notification: NotificationRecord | null;
}

export interface NotificationRecord {
  rule: string;
  channel: string;
  recipient: { organisation: string; role: string; personId?: string };
  outcome: 'delivered' | 'failed';
  error?: string;
}

export const historyColumns: Columns<HistoryRow> = [
  ['position', 'bigint'],
  ['case_id', 'text'],
  ['stream_id', 'text'],
  ['revision', 'integer'],
  ['event_id', 'text'],
  ['type', 'text'],
  ['schema_version', 'integer'],
  ['actor_id', 'text'],
  ['actor_role', 'text'],
  ['actor_organisation', 'text'],
  ['occurred_at', 'timestamptz'],
  ['recorded_at', 'timestamptz'],
  ['command_id', 'text', 'null'],
  ['correlation_id', 'text', 'null'],
  ['causation_id', 'text', 'null'],
  ['notification', 'jsonb', 'null'],
];

export const caseHistoryTableName = (generation: number): string => `case_history_g${generation}`;

export function createCaseHistoryTables(generation: number): string {
  const table = caseHistoryTableName(generation);
  return `
CREATE TABLE IF NOT EXISTS ${table} (
  ${columnDefinitions(historyColumns)},
  PRIMARY KEY (position)
);
CREATE UNIQUE INDEX IF NOT EXISTS ${table}_by_case ON ${table} (case_id, stream_id, revision);
CREATE INDEX IF NOT EXISTS ${table}_by_case_position ON ${table} (case_id, position);
`;
}

export const dropCaseHistoryTables = (generation: number): string =>
  `DROP TABLE IF EXISTS ${caseHistoryTableName(generation)};`;

const insertByGeneration = new Map<number, SqlStatement>();

/** $1: jsonb array of rows. Positions already stored are skipped. */
export function insertHistoryStatement(generation: number): SqlStatement {
  let statement = insertByGeneration.get(generation);
  if (!statement) {
    const names = columnNames(historyColumns);
    statement = {
      name: `case_history_g${generation}_insert`,
      text: `INSERT INTO ${caseHistoryTableName(generation)} (${names})
             SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS r(${recordsetShape(historyColumns)})
             ON CONFLICT (position) DO NOTHING`,
    };
    insertByGeneration.set(generation, statement);
  }
  return statement;
}
