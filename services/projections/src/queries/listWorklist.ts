// The worklist of an actor: the next steps their organisation is responsible for, and the overdue
// steps escalated to their role, most urgent first: by the domain's urgency (no funding today, then
// funding at risk, then late, then on time), then by due date (for late steps: the latest first),
// then by case age. Urgency is a stored column, refreshed with the other time-dependent fields
// every day. SQL narrows by the party a row is addressed to; the domain's mayView on the case's
// stored access decides, row by row, as for the case list, so a worklist never shows a case its
// reader could not open.
import {
  mayView,
  type Actor,
  type CaseAccess,
  type IsoDate,
  type PartyRef,
  type Text,
} from '@kot/domain';
import type { SqlClient, SqlStatement } from '../eventStorePort';
import { caseSummaryTableNames } from '../caseSummary/caseSummaryTables';
import type { WorklistAudience } from '../caseSummary/caseRows';
import { toNumber } from '../sql/values';
import { encodeCursor, type CursorPart, type SortKey } from './cursor';

export interface WorklistItem {
  caseId: string;
  audience: WorklistAudience;
  municipality: string;
  status: string;
  action: string;
  description: Text;
  responsible: PartyRef;
  escalateTo: PartyRef;
  since: IsoDate;
  due: IsoDate;
  overdue: boolean;
  daysOverdue: number;
  deadline: IsoDate | null;
  /** Addressed to the actor in person, not only to their organisation. */
  mine: boolean;
  urgency: { rank: number; kind: string; reason: Text };
  openedOn: IsoDate;
  /** What the actor may see of the case: with or without the family's personal data. */
  level: 'summary' | 'personal';
}

export interface Page<Item> {
  items: Item[];
  endCursor: string | null;
  hasNextPage: boolean;
}

/** Whose steps: addressed to the actor in person, anyone's in the organisation, or the others'. */
export type WorklistSelection = 'mine' | 'organisation' | 'colleagues';

export interface WorklistRequest {
  actor: Actor;
  first: number;
  after: SortKey | null;
  selection: WorklistSelection;
  /** Only these kinds of row; all when null. Filtered in SQL, so a page is full when it can be. */
  audiences: WorklistAudience[] | null;
  /** The order; urgency by default. */
  sort?: WorklistSort;
  /** Keeps only the rows this says yes to (a search); asked row by row, after mayView. */
  keep?: (caseId: string, level: 'summary' | 'personal') => Promise<boolean>;
}

/**
 * Most urgent first (the domain's urgency, then due date, then case age), soonest due first, or
 * oldest case first. The cursor keeps one shape for all three: only the comparison changes.
 */
export type WorklistSort = 'urgency' | 'due' | 'age';

const sortColumns: Record<WorklistSort, string[]> = {
  urgency: ['w.urgency_rank', 'w.due', 'w.opened_on', 'w.case_id', 'w.audience'],
  due: ['w.due', 'w.urgency_rank', 'w.opened_on', 'w.case_id', 'w.audience'],
  age: ['w.opened_on', 'w.urgency_rank', 'w.due', 'w.case_id', 'w.audience'],
};

/** The cursor's parts (urgency rank, due, referral date, case id, audience) as typed SQL. */
const cursorColumnTypes: Record<string, string> = {
  'w.urgency_rank': 'integer',
  'w.due': 'date',
  'w.opened_on': 'date',
  'w.case_id': 'text',
  'w.audience': 'text',
};
const cursorOrder = ['w.urgency_rank', 'w.due', 'w.opened_on', 'w.case_id', 'w.audience'];

interface WorklistDbRow {
  case_id: string;
  access: CaseAccess;
  audience: WorklistAudience;
  party_person: string | null;
  municipality: string;
  status: string;
  action: string;
  description: Text;
  responsible: PartyRef;
  escalate_to: PartyRef;
  since: string;
  due: string;
  overdue: boolean;
  days_overdue: unknown;
  deadline: string | null;
  urgency_rank: unknown;
  urgency_kind: string;
  urgency_reason: Text;
  opened_on: string;
}

// ORDER BY names the table's columns: a bare `due` would be the text output column of the same name,
// which the (party_organisation, due, case_id, audience) index cannot deliver in order, so every
// request would read and sort all of the organisation's rows.
const statements = new Map<string, SqlStatement>();

/** The sort key a page continues after: urgency rank, due date, referral date, case id, audience. */
export const worklistCursorParts: readonly CursorPart[] = ['text', 'date', 'date', 'text', 'text'];

/** Scan rounds before answering with a shorter page (and a cursor to continue). */
const MAX_ROUNDS = 10;

const personCondition: Record<WorklistSelection, string> = {
  mine: 'AND w.party_person = $3',
  organisation: 'AND $3::text IS NOT NULL',
  colleagues: 'AND w.party_person IS DISTINCT FROM $3',
};

function statementFor(
  generation: number,
  selection: WorklistSelection,
  withCursor: boolean,
  withAudiences: boolean,
  sort: WorklistSort,
): SqlStatement {
  const name = `worklist_g${generation}_${selection}_${withCursor ? 'after' : 'first'}${withAudiences ? '_audiences' : ''}${sort === 'urgency' ? '' : `_${sort}`}`;
  let statement = statements.get(name);
  if (!statement) {
    const tables = caseSummaryTableNames(generation);
    const cursorAt = withAudiences ? 6 : 5;
    const columns = sortColumns[sort];
    const cursorValues = columns.map(
      (column) => `$${cursorAt + cursorOrder.indexOf(column)}::${cursorColumnTypes[column]}`,
    );
    statement = {
      name: `${name}_own_access`,
      text: `SELECT w.case_id, w.access, audience, party_person, w.municipality, w.status, action,
                    description, responsible, escalate_to, since::text AS since, due::text AS due,
                    overdue, days_overdue, deadline::text AS deadline, urgency_rank, urgency_kind,
                    urgency_reason, opened_on::text AS opened_on
             FROM ${tables.worklist} AS w
             WHERE w.party_organisation = $1
               AND (w.audience = 'responsible' OR w.party_role = $2)
               ${personCondition[selection]}
               ${withAudiences ? 'AND w.audience = ANY($5::text[])' : ''}
               ${withCursor ? `AND (${columns.join(', ')}) > (${cursorValues.join(', ')})` : ''}
             ORDER BY ${columns.join(', ')}
             LIMIT $4`,
    };
    statements.set(name, statement);
  }
  return statement;
}

export async function listWorklist(
  db: SqlClient,
  generation: number,
  request: WorklistRequest,
): Promise<Page<WorklistItem>> {
  const { actor, first, selection, audiences, sort = 'urgency', keep } = request;
  const visible: Array<WorklistDbRow & { level: 'summary' | 'personal' }> = [];
  let after = request.after;
  let exhausted = false;
  for (let round = 0; round < MAX_ROUNDS && visible.length <= first && !exhausted; round++) {
    const params: unknown[] = [actor.organisation, actor.role, actor.id, first + 1];
    if (audiences) params.push(audiences);
    if (after) params.push(...after);
    const rows = await db.query<WorklistDbRow>(
      statementFor(generation, selection, after !== null, audiences !== null, sort),
      params,
    );
    exhausted = rows.length <= first;
    for (const row of rows) {
      after = sortKeyOf(row);
      const level = mayView(actor, row.access);
      if (level === 'none' || (keep && !(await keep(row.case_id, level)))) continue;
      visible.push({ ...row, level });
      if (visible.length > first) break;
    }
  }
  const page = visible.slice(0, first);
  const last = page[page.length - 1];
  const hasNextPage = visible.length > first || !exhausted;
  return {
    items: page.map((row) => ({
      caseId: row.case_id,
      audience: row.audience,
      municipality: row.municipality,
      status: row.status,
      action: row.action,
      description: row.description,
      responsible: row.responsible,
      escalateTo: row.escalate_to,
      since: row.since,
      due: row.due,
      overdue: row.overdue,
      daysOverdue: toNumber(row.days_overdue),
      deadline: row.deadline,
      mine: row.party_person === actor.id,
      urgency: {
        rank: toNumber(row.urgency_rank),
        kind: row.urgency_kind,
        reason: row.urgency_reason,
      },
      openedOn: row.opened_on,
      level: row.level,
    })),
    endCursor:
      visible.length > first && last
        ? encodeCursor(sortKeyOf(last))
        : after
          ? encodeCursor(after)
          : null,
    hasNextPage,
  };
}

const sortKeyOf = (row: WorklistDbRow): SortKey => [
  String(toNumber(row.urgency_rank)),
  row.due,
  row.opened_on,
  row.case_id,
  row.audience,
];
