// The in-app inbox. A message is addressed to a person or to everyone with a role in an
// organisation; "read" is kept per person, so a colleague reading a team message does not hide it
// from the others.

import type { NotificationParams, NotificationRule } from '@kot/domain';
import { toNumber, type SqlClient } from '@kot/eventstore';
import type { AuthenticatedActor } from '../../service/dependencies';
import { ANY_PERSON } from '../../recipients/recipientDirectory';
import type { StoredIntent } from '../../outbox/storedIntent';

export interface InboxMessage {
  id: string;
  rule: NotificationRule;
  caseId: string;
  municipality: string;
  params: NotificationParams;
  createdAt: Date;
  readAt: Date | null;
  /** True when addressed to this person; false when to the role in the organisation. */
  personal: boolean;
}

export interface InboxPage {
  messages: InboxMessage[];
  hasNextPage: boolean;
  unreadCount: number;
}

const insert = {
  name: 'notifications_inbox_insert_all',
  text: `INSERT INTO notification_inbox (id, organisation, role, person_id, rule, case_id, municipality, params, created_at)
         SELECT id, organisation, role, person_id, rule, case_id, municipality, params, $2::timestamptz
           FROM jsonb_to_recordset($1::jsonb)
             AS m(id text, organisation text, role text, person_id text, rule text, case_id text,
                  municipality text, params jsonb)
         ON CONFLICT (id) DO NOTHING`,
};

/** One message per intent, in one statement; an intent already in the inbox adds nothing. */
export async function putInInbox(
  tx: SqlClient,
  intents: readonly StoredIntent[],
  at: Date,
): Promise<void> {
  if (intents.length === 0) return;
  const messages = intents.map((intent) => ({
    id: intent.id,
    organisation: intent.recipient.organisation,
    role: intent.recipient.role,
    person_id: intent.recipient.personId ?? ANY_PERSON,
    rule: intent.rule,
    case_id: intent.caseId,
    municipality: intent.municipality,
    params: intent.params,
  }));
  await tx.query(insert, [JSON.stringify(messages), at.toISOString()]);
}

// $1 organisation, $2 role, $3 person: the messages this actor may see.
const visible = `m.organisation = $1 AND m.role = $2 AND m.person_id IN ($3, '${ANY_PERSON}')`;

const page = {
  name: 'notifications_inbox_page',
  text: `SELECT m.id, m.rule, m.case_id, m.municipality, m.params, m.created_at, m.person_id, r.read_at
           FROM notification_inbox m
           LEFT JOIN notification_inbox_reads r ON r.message_id = m.id AND r.person_id = $3
          WHERE ${visible}
            AND ($4::boolean IS NOT TRUE OR r.read_at IS NULL)
            AND ($5::timestamptz IS NULL OR (m.created_at, m.id) < ($5::timestamptz, $6::text))
          ORDER BY m.created_at DESC, m.id DESC
          LIMIT $7`,
};

const unread = {
  name: 'notifications_inbox_unread',
  text: `SELECT count(*) AS unread FROM notification_inbox m
          WHERE ${visible}
            AND NOT EXISTS (SELECT 1 FROM notification_inbox_reads r
                             WHERE r.message_id = m.id AND r.person_id = $3)`,
};

interface Row {
  id: string;
  rule: NotificationRule;
  case_id: string;
  municipality: string;
  params: NotificationParams | string;
  created_at: Date | string;
  person_id: string;
  read_at: Date | string | null;
}

const messageFromRow = (row: Row): InboxMessage => ({
  id: row.id,
  rule: row.rule,
  caseId: row.case_id,
  municipality: row.municipality,
  params:
    typeof row.params === 'string' ? (JSON.parse(row.params) as NotificationParams) : row.params,
  createdAt: new Date(row.created_at),
  readAt: row.read_at === null ? null : new Date(row.read_at),
  personal: row.person_id !== ANY_PERSON,
});

export interface InboxCursor {
  createdAt: Date;
  id: string;
}

export async function readInbox(
  db: SqlClient,
  actor: AuthenticatedActor,
  options: { unreadOnly: boolean; first: number; after: InboxCursor | null },
): Promise<InboxPage> {
  const rows = await db.query<Row>(page, [
    actor.organisation,
    actor.role,
    actor.id,
    options.unreadOnly,
    options.after?.createdAt.toISOString() ?? null,
    options.after?.id ?? '',
    options.first + 1,
  ]);
  const [count] = await db.query<{ unread: unknown }>(unread, [
    actor.organisation,
    actor.role,
    actor.id,
  ]);
  return {
    messages: rows.slice(0, options.first).map(messageFromRow),
    hasNextPage: rows.length > options.first,
    unreadCount: toNumber(count?.unread ?? 0),
  };
}

const markRead = {
  name: 'notifications_inbox_mark_read',
  text: `INSERT INTO notification_inbox_reads (message_id, person_id, read_at)
         SELECT m.id, $3, $5 FROM notification_inbox m WHERE ${visible} AND m.id = $4
         ON CONFLICT (message_id, person_id) DO NOTHING`,
};

const readState = {
  name: 'notifications_inbox_read_state',
  text: `SELECT m.id, m.rule, m.case_id, m.municipality, m.params, m.created_at, m.person_id, r.read_at
           FROM notification_inbox m
           LEFT JOIN notification_inbox_reads r ON r.message_id = m.id AND r.person_id = $3
          WHERE ${visible} AND m.id = $4`,
};

/** Marks a message read for this actor; null when the actor cannot see a message with this id. */
export async function markInboxMessageRead(
  db: SqlClient,
  actor: AuthenticatedActor,
  id: string,
  at: Date,
): Promise<InboxMessage | null> {
  const key = [actor.organisation, actor.role, actor.id, id];
  await db.query(markRead, [...key, at.toISOString()]);
  const [row] = await db.query<Row>(readState, key);
  return row ? messageFromRow(row) : null;
}
