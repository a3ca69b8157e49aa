// Dead letters: deliveries that failed every attempt. An admin sees them all, an organisation its
// own; a retry puts the delivery back in the queue with a fresh set of attempts.

import type { SqlClient } from '@kot/eventstore';
import {
  deliveryFromRow,
  type Delivery,
  type DeliveryKey,
  type DeliveryRow,
} from './deliveryLedger';

export interface DeadLetter extends Delivery {
  rule: string;
  recipientOrganisation: string;
}

const list = {
  name: 'notifications_dead_letters',
  text: `SELECT d.intent_id, d.channel, d.address, d.case_id, d.target, d.language, d.status,
                d.attempts, d.next_attempt_at, d.last_error, d.delivered_at, d.dead_at, d.dead_count,
                i.rule, i.recipient_organisation
           FROM notification_deliveries d JOIN notification_intents i ON i.id = d.intent_id
          WHERE d.status = 'dead' AND ($1::text IS NULL OR i.recipient_organisation = $1)
          ORDER BY d.dead_at DESC, d.intent_id, d.channel, d.address
          LIMIT $2 OFFSET $3`,
};

interface Row extends DeliveryRow {
  rule: string;
  recipient_organisation: string;
}

/** `organisation` null: all organisations (an admin). */
export async function listDeadLetters(
  db: SqlClient,
  organisation: string | null,
  page: { first: number; offset: number },
): Promise<{ deadLetters: DeadLetter[]; hasNextPage: boolean }> {
  const rows = await db.query<Row>(list, [organisation, page.first + 1, page.offset]);
  return {
    deadLetters: rows.slice(0, page.first).map((row) => ({
      ...deliveryFromRow(row),
      rule: row.rule,
      recipientOrganisation: row.recipient_organisation,
    })),
    hasNextPage: rows.length > page.first,
  };
}

const retry = {
  name: 'notifications_dead_letter_retry',
  text: `UPDATE notification_deliveries d
            SET status = 'pending', attempts = 0, next_attempt_at = $5, lease_until = NULL,
                recorded = false
           FROM notification_intents i
          WHERE i.id = d.intent_id AND d.intent_id = $1 AND d.channel = $2 AND d.address = $3
            AND d.status = 'dead' AND ($4::text IS NULL OR i.recipient_organisation = $4)
          RETURNING d.intent_id`,
};

/** False when there is no such dead letter (in this organisation). */
export async function retryDeadLetter(
  db: SqlClient,
  key: DeliveryKey,
  organisation: string | null,
  now: Date,
): Promise<boolean> {
  const rows = await db.query(retry, [
    key.intentId,
    key.channel,
    key.address,
    organisation,
    now.toISOString(),
  ]);
  return rows.length === 1;
}
