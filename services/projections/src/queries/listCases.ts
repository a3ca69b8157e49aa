// Cases matching a filter that the actor may see. SQL narrows by the organisations that could see
// a case (an index on a superset); the domain's mayView decides row by row.
import { mayView, type Actor, type CaseAccess, type IsoDate, type ViewLevel } from '@kot/domain';
import type { SqlClient } from '../eventStorePort';
import { NO_DUE_DATE } from '../caseSummary/caseRows';
import { caseSummaryTableNames } from '../caseSummary/caseSummaryTables';
import { toInstant, toNumber } from '../sql/values';
import { encodeCursor, type CursorPart, type SortKey } from './cursor';
import type { Page } from './listWorklist';

export interface CaseFilter {
  municipality?: string | null;
  status?: string | null;
  responsibleOrganisation?: string | null;
  overdue?: boolean | null;
  fundingGap?: boolean | null;
  atRisk?: boolean | null;
}

export interface CaseListItem {
  caseId: string;
  viewLevel: Exclude<ViewLevel, 'none'>;
  status: string;
  municipality: string;
  referredOn: IsoDate | null;
  nextAction: string | null;
  responsibleOrganisation: string | null;
  responsibleRole: string | null;
  responsiblePerson: string | null;
  due: IsoDate | null;
  overdue: boolean;
  daysOverdue: number;
  eligibilityVerdict: string | null;
  fundedToday: boolean;
  gapDays: number;
  daysAtRisk: number;
  atRisk: boolean;
  smiEndsOn: IsoDate | null;
  updatedAt: string;
}

interface CaseListRow {
  case_id: string;
  access: CaseAccess;
  status: string;
  municipality: string;
  referred_on: string | null;
  next_action: string | null;
  next_responsible_organisation: string | null;
  next_responsible_role: string | null;
  next_responsible_person: string | null;
  next_due: string | null;
  next_overdue: boolean;
  next_days_overdue: unknown;
  eligibility_verdict: string | null;
  funded_today: boolean;
  gap_days: unknown;
  days_at_risk: unknown;
  at_risk: boolean;
  smi_ends_on: string | null;
  urgency_due: string;
  last_recorded_at: unknown;
}

/** The sort key a page continues after: urgency (due date) and case id. */
export const caseListCursorParts: readonly CursorPart[] = ['date', 'text'];

/** Scan rounds before answering with a shorter page (and a cursor to continue). */
const MAX_ROUNDS = 10;

export async function listCases(
  db: SqlClient,
  generation: number,
  request: {
    actor: Actor;
    filter: CaseFilter;
    first: number;
    after: SortKey | null;
    /** Keeps only the cases this says yes to (a search); asked case by case, after mayView. */
    keep?: (caseId: string, level: 'summary' | 'personal') => Promise<boolean>;
  },
): Promise<Page<CaseListItem>> {
  const { actor, filter, first, keep } = request;
  const table = caseSummaryTableNames(generation).summary;
  const conditions: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (actor.role !== 'auditor') {
    conditions.push(`audience_organisations @> ARRAY[${param(actor.organisation)}::text]`);
  }
  if (filter.municipality) conditions.push(`municipality = ${param(filter.municipality)}`);
  if (filter.status) conditions.push(`status = ${param(filter.status)}`);
  if (filter.responsibleOrganisation) {
    conditions.push(`next_responsible_organisation = ${param(filter.responsibleOrganisation)}`);
  }
  if (typeof filter.overdue === 'boolean')
    conditions.push(`next_overdue = ${param(filter.overdue)}`);
  if (typeof filter.atRisk === 'boolean') conditions.push(`at_risk = ${param(filter.atRisk)}`);
  if (typeof filter.fundingGap === 'boolean') {
    conditions.push(filter.fundingGap ? 'gap_days > 0' : 'gap_days = 0');
  }
  const batch = Math.max(first + 1, 50);
  const afterIndex = params.length + 1;
  // ORDER BY the table's column, not the text output column of the same name: only the column
  // matches the (…, urgency_due, case_id) indexes, so a page does not read and sort every row.
  const text = `SELECT case_id, access, status, municipality, referred_on::text AS referred_on,
      next_action, next_responsible_organisation, next_responsible_role, next_responsible_person,
      next_due::text AS next_due, next_overdue, next_days_overdue, eligibility_verdict,
      funded_today, gap_days, days_at_risk, at_risk, smi_ends_on::text AS smi_ends_on,
      urgency_due::text AS urgency_due, last_recorded_at
    FROM ${table} AS c
    WHERE ${[...conditions, `($${afterIndex}::date IS NULL OR (urgency_due, case_id) > ($${afterIndex}::date, $${afterIndex + 1}::text))`].join(' AND ')}
    ORDER BY c.urgency_due, c.case_id
    LIMIT ${batch}`;

  const visible: CaseListItem[] = [];
  let cursor: SortKey | null = request.after;
  let exhausted = false;
  for (let round = 0; round < MAX_ROUNDS && visible.length <= first && !exhausted; round++) {
    const rows = await db.query<CaseListRow>(text, [
      ...params,
      cursor?.[0] ?? null,
      cursor?.[1] ?? null,
    ]);
    exhausted = rows.length < batch;
    for (const row of rows) {
      cursor = [row.urgency_due, row.case_id];
      const level = mayView(actor, row.access);
      if (level === 'none' || (keep && !(await keep(row.case_id, level)))) continue;
      visible.push(toItem(row, level));
      if (visible.length > first) break;
    }
  }
  const items = visible.slice(0, first);
  const hasNextPage = visible.length > first || !exhausted;
  const last = items[items.length - 1];
  return {
    items,
    hasNextPage,
    endCursor:
      visible.length > first && last
        ? encodeCursor([last.due ?? NO_DUE_DATE, last.caseId])
        : cursor
          ? encodeCursor(cursor)
          : null,
  };
}

function toItem(row: CaseListRow, viewLevel: 'summary' | 'personal'): CaseListItem {
  return {
    caseId: row.case_id,
    viewLevel,
    status: row.status,
    municipality: row.municipality,
    referredOn: row.referred_on,
    nextAction: row.next_action,
    responsibleOrganisation: row.next_responsible_organisation,
    responsibleRole: row.next_responsible_role,
    responsiblePerson: row.next_responsible_person,
    due: row.next_due,
    overdue: row.next_overdue,
    daysOverdue: toNumber(row.next_days_overdue),
    eligibilityVerdict: row.eligibility_verdict,
    fundedToday: row.funded_today,
    gapDays: toNumber(row.gap_days),
    daysAtRisk: toNumber(row.days_at_risk),
    atRisk: row.at_risk,
    smiEndsOn: row.smi_ends_on,
    updatedAt: toInstant(row.last_recorded_at),
  };
}
