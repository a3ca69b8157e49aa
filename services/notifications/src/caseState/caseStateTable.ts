// Load and save the minimal per-case states, a batch at a time (one round trip each way).

import { isOpen, type CaseState } from '@kot/domain';
import { toNumber, type SqlClient } from '@kot/eventstore';

export interface StoredCaseState {
  caseId: string;
  /** The revision of the last case event folded in; an event at or below it is a redelivery. */
  streamRevision: number;
  state: CaseState;
}

const load = {
  name: 'notifications_case_states_load',
  text: `SELECT case_id, stream_revision, state FROM notification_case_states WHERE case_id = ANY($1::text[])`,
};

const save = {
  name: 'notifications_case_states_save',
  text: `INSERT INTO notification_case_states (case_id, stream_revision, open, state, updated_at)
         SELECT case_id, stream_revision, open, state, updated_at
           FROM jsonb_to_recordset($1::jsonb)
             AS row(case_id text, stream_revision bigint, open boolean, state jsonb, updated_at timestamptz)
         ON CONFLICT (case_id) DO UPDATE
           SET stream_revision = EXCLUDED.stream_revision, open = EXCLUDED.open,
               state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`,
};

const openPage = {
  name: 'notifications_case_states_open_page',
  text: `SELECT case_id, stream_revision, state FROM notification_case_states
          WHERE open AND case_id > $1 ORDER BY case_id LIMIT $2`,
};

interface Row {
  case_id: string;
  stream_revision: unknown;
  state: CaseState | string;
}

const fromRow = (row: Row): StoredCaseState => ({
  caseId: row.case_id,
  streamRevision: toNumber(row.stream_revision),
  state: typeof row.state === 'string' ? (JSON.parse(row.state) as CaseState) : row.state,
});

export async function loadCaseStates(
  tx: SqlClient,
  caseIds: readonly string[],
): Promise<Map<string, StoredCaseState>> {
  if (caseIds.length === 0) return new Map();
  const rows = await tx.query<Row>(load, [caseIds]);
  return new Map(rows.map((row) => [row.case_id, fromRow(row)]));
}

export async function saveCaseStates(
  tx: SqlClient,
  states: readonly StoredCaseState[],
  updatedAt: Date,
): Promise<void> {
  if (states.length === 0) return;
  const rows = states.map((stored) => ({
    case_id: stored.caseId,
    stream_revision: stored.streamRevision,
    open: isOpen(stored.state),
    state: stored.state,
    updated_at: updatedAt.toISOString(),
  }));
  await tx.query(save, [JSON.stringify(rows)]);
}

/** Open cases after `afterCaseId` in id order: the deadline scan pages through them with this. */
export async function loadOpenCaseStates(
  tx: SqlClient,
  afterCaseId: string,
  limit: number,
): Promise<StoredCaseState[]> {
  const rows = await tx.query<Row>(openPage, [afterCaseId, limit]);
  return rows.map(fromRow);
}
