// Load and save the minimal per-case states, a batch at a time (one round trip each way).

import { dateInAmsterdam, isOpen, storedState, type CaseState, type IsoDate } from '@kot/domain';
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
  // A case that changed is due for a deadline check at once (its day may be later than today
  // after a check; an earlier one, not yet reached, is kept).
  text: `INSERT INTO notification_case_states (case_id, stream_revision, open, state, updated_at, next_check_on)
         SELECT case_id, stream_revision, open, state, updated_at, next_check_on
           FROM jsonb_to_recordset($1::jsonb)
             AS row(case_id text, stream_revision bigint, open boolean, state jsonb, updated_at timestamptz,
                    next_check_on date)
         ON CONFLICT (case_id) DO UPDATE
           SET stream_revision = EXCLUDED.stream_revision, open = EXCLUDED.open,
               state = EXCLUDED.state, updated_at = EXCLUDED.updated_at,
               next_check_on = LEAST(notification_case_states.next_check_on, EXCLUDED.next_check_on)`,
};

const duePage = {
  name: 'notifications_case_states_due_page',
  text: `SELECT case_id, stream_revision, state, next_check_on::text AS next_check_on
           FROM notification_case_states
          WHERE open AND next_check_on <= $1::date
            AND ($2::date IS NULL OR (next_check_on, case_id) > ($2::date, $3::text))
          ORDER BY next_check_on, case_id LIMIT $4`,
};

const checked = {
  name: 'notifications_case_states_checked',
  // Only the revision that was checked: a case whose event arrived meanwhile stays due.
  text: `UPDATE notification_case_states s SET next_check_on = $2::date
           FROM jsonb_to_recordset($1::jsonb) AS row(case_id text, stream_revision bigint)
          WHERE s.case_id = row.case_id AND s.stream_revision = row.stream_revision`,
};

const endedPage = {
  name: 'notifications_case_states_ended_page',
  // Candidates for the retention rule: ended on or before the day, not erased; the domain decides.
  text: `SELECT case_id, stream_revision, state FROM notification_case_states
          WHERE NOT open AND state->>'erasedOn' IS NULL AND state->'closure'->>'on' <= $1::text
          ORDER BY state->'closure'->>'on', case_id LIMIT $2`,
};

interface Row {
  case_id: string;
  stream_revision: unknown;
  state: CaseState | string;
}

const fromRow = (row: Row): StoredCaseState => ({
  caseId: row.case_id,
  streamRevision: toNumber(row.stream_revision),
  state: storedState(
    typeof row.state === 'string' ? (JSON.parse(row.state) as CaseState) : row.state,
  ),
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
  const today = dateInAmsterdam(updatedAt.toISOString());
  if (states.length === 0) return;
  const rows = states.map((stored) => ({
    case_id: stored.caseId,
    stream_revision: stored.streamRevision,
    open: isOpen(stored.state),
    state: stored.state,
    updated_at: updatedAt.toISOString(),
    next_check_on: today,
  }));
  await tx.query(save, [JSON.stringify(rows)]);
}

export interface DueCaseState extends StoredCaseState {
  /** The day it was due; with the case id, where the next page of a scan starts. */
  nextCheckOn: string;
}

export type DueCursor = { nextCheckOn: string; caseId: string } | null;

/** Open cases due for a deadline check on `today`, longest waiting first, after `cursor`. */
export async function loadDueCaseStates(
  tx: SqlClient,
  today: IsoDate,
  cursor: DueCursor,
  limit: number,
): Promise<DueCaseState[]> {
  const rows = await tx.query<Row & { next_check_on: string }>(duePage, [
    today,
    cursor?.nextCheckOn ?? null,
    cursor?.caseId ?? '',
    limit,
  ]);
  return rows.map((row) => ({ ...fromRow(row), nextCheckOn: row.next_check_on }));
}

/** Closed or withdrawn cases that ended on or before `endedOnOrBefore` and were not erased. */
export async function loadEndedCaseStates(
  db: SqlClient,
  endedOnOrBefore: IsoDate,
  limit: number,
): Promise<StoredCaseState[]> {
  const rows = await db.query<Row>(endedPage, [endedOnOrBefore, limit]);
  return rows.map(fromRow);
}

/** Marks the checked revisions of cases as due again on `nextCheckOn`. */
export async function markChecked(
  tx: SqlClient,
  cases: readonly StoredCaseState[],
  nextCheckOn: IsoDate,
): Promise<void> {
  if (cases.length === 0) return;
  const rows = cases.map((stored) => ({
    case_id: stored.caseId,
    stream_revision: stored.streamRevision,
  }));
  await tx.query(checked, [JSON.stringify(rows), nextCheckOn]);
}
