import type { NotificationParams, NotificationRule, Role } from '@kot/domain';

/** An intent as the outbox holds it: the domain's intent plus the cause's event type and its time. */
export interface StoredIntent {
  id: string;
  rule: NotificationRule;
  caseId: string;
  municipality: string;
  recipient: { organisation: string; role: Role; personId?: string };
  eventId: string | null;
  eventType: string | null;
  /** A deadline notification's key (`decide-application/2024-04-03`), and the date it is about. */
  deadline: string | null;
  date: string | null;
  params: NotificationParams;
  createdAt: Date;
  /** The causing event's W3C traceparent: its delivery continues that trace. */
  traceparent: string | null;
}

export const intentColumns = `id, rule, case_id, municipality, recipient_organisation, recipient_role,
  recipient_person_id, event_id, event_type, deadline, about_date, params, created_at, traceparent`;

export interface IntentRow {
  id: string;
  rule: string;
  case_id: string;
  municipality: string;
  recipient_organisation: string;
  recipient_role: string;
  recipient_person_id: string | null;
  event_id: string | null;
  event_type: string | null;
  deadline: string | null;
  about_date: string | null;
  params: NotificationParams | string;
  created_at: Date | string;
  traceparent: string | null;
}

export const intentFromRow = (row: IntentRow): StoredIntent => ({
  id: row.id,
  rule: row.rule as NotificationRule,
  caseId: row.case_id,
  municipality: row.municipality,
  recipient: {
    organisation: row.recipient_organisation,
    role: row.recipient_role as Role,
    ...(row.recipient_person_id ? { personId: row.recipient_person_id } : {}),
  },
  eventId: row.event_id,
  eventType: row.event_type,
  deadline: row.deadline,
  date: row.about_date,
  params:
    typeof row.params === 'string' ? (JSON.parse(row.params) as NotificationParams) : row.params,
  createdAt: new Date(row.created_at),
  traceparent: row.traceparent,
});
