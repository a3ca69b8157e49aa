// The outbox insert. Intent ids are deterministic (event or deadline + rule + recipient), so
// inserting the same intent again, from a redelivered event or a second timer run, does nothing.

import type { NotificationIntent } from '@kot/domain';
import type { SqlClient } from '@kot/eventstore';

export interface OutboxIntent {
  intent: NotificationIntent;
  /** The type of the event that caused it; null for a deadline. Webhook filters match on it. */
  eventType: string | null;
  /** The causing event's W3C traceparent, when its command was traced. */
  traceparent: string | null;
}

const insert = {
  name: 'notifications_intents_insert',
  text: `INSERT INTO notification_intents
           (id, rule, case_id, municipality, recipient_organisation, recipient_role,
            recipient_person_id, event_id, event_type, deadline, about_date, params, created_at,
            traceparent)
         SELECT id, rule, case_id, municipality, recipient_organisation, recipient_role,
                recipient_person_id, event_id, event_type, deadline, about_date, params, created_at,
                traceparent
           FROM jsonb_to_recordset($1::jsonb) AS row(
             id text, rule text, case_id text, municipality text, recipient_organisation text,
             recipient_role text, recipient_person_id text, event_id text, event_type text,
             deadline text, about_date text, params jsonb, created_at timestamptz,
             traceparent text)
         ON CONFLICT (id) DO NOTHING
         RETURNING id`,
};

/** Inserts the intents that are new; returns how many were. */
export async function insertIntents(
  tx: SqlClient,
  intents: readonly OutboxIntent[],
  createdAt: Date,
): Promise<number> {
  if (intents.length === 0) return 0;
  const rows = intents.map(({ intent, eventType, traceparent }) => ({
    id: intent.id,
    rule: intent.rule,
    case_id: intent.caseId,
    municipality: intent.municipality,
    recipient_organisation: intent.recipient.organisation,
    recipient_role: intent.recipient.role,
    // The recipient's display name is left out on purpose: the outbox holds no personal data.
    recipient_person_id: intent.recipient.personId ?? null,
    event_id: intent.eventId ?? null,
    event_type: eventType,
    deadline: intent.deadline ?? null,
    about_date: intent.date ?? null,
    params: intent.params,
    created_at: createdAt.toISOString(),
    traceparent,
  }));
  const inserted = await tx.query(insert, [JSON.stringify(rows)]);
  return inserted.length;
}
