// The delivery ledger: one row per (intent, channel, address). Its primary key makes every
// delivery idempotent: planning an intent twice adds nothing, and a delivery is claimed by one
// worker at a time through a lease, so several dispatchers can share the work.

import { toNumber, type SqlClient } from '@kot/eventstore';
import type { DeliveryChannel } from '../recording/notificationEvents';

export interface DeliveryKey {
  intentId: string;
  channel: DeliveryChannel;
  address: string;
}

export interface Delivery extends DeliveryKey {
  caseId: string;
  target: string | null;
  language: string | null;
  status: 'pending' | 'delivered' | 'dead';
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  deliveredAt: Date | null;
  deadAt: Date | null;
  deadCount: number;
}

export const deliveryKeyText = (key: DeliveryKey): string =>
  `${key.intentId}|${key.channel}|${key.address}`;

const columns = `intent_id, channel, address, case_id, target, language, status, attempts,
  next_attempt_at, last_error, delivered_at, dead_at, dead_count`;

export interface DeliveryRow {
  intent_id: string;
  channel: DeliveryChannel;
  address: string;
  case_id: string;
  target: string | null;
  language: string | null;
  status: Delivery['status'];
  attempts: unknown;
  next_attempt_at: Date | string;
  last_error: string | null;
  delivered_at: Date | string | null;
  dead_at: Date | string | null;
  dead_count: unknown;
}

const date = (value: Date | string | null) => (value === null ? null : new Date(value));

export const deliveryFromRow = (row: DeliveryRow): Delivery => ({
  intentId: row.intent_id,
  channel: row.channel,
  address: row.address,
  caseId: row.case_id,
  target: row.target,
  language: row.language,
  status: row.status,
  attempts: toNumber(row.attempts),
  nextAttemptAt: new Date(row.next_attempt_at),
  lastError: row.last_error,
  deliveredAt: date(row.delivered_at),
  deadAt: date(row.dead_at),
  deadCount: toNumber(row.dead_count),
});

const insert = {
  name: 'notifications_delivery_insert_all',
  text: `INSERT INTO notification_deliveries (intent_id, channel, address, case_id, target, language,
           status, attempts, next_attempt_at, delivered_at, created_at)
         SELECT intent_id, channel, address, case_id, target, language, status, attempts,
                $2::timestamptz, CASE WHEN status = 'delivered' THEN $2::timestamptz END, $2::timestamptz
           FROM jsonb_to_recordset($1::jsonb)
             AS d(intent_id text, channel text, address text, case_id text, target text,
                  language text, status text, attempts integer)
         ON CONFLICT (intent_id, channel, address) DO NOTHING`,
};

export interface NewDelivery extends DeliveryKey {
  caseId: string;
  target: string | null;
  language: string | null;
  /**
   * pending: to be sent by the dispatcher; delivered: done in the planning transaction itself
   * (the inbox, written there, so it is delivered exactly once).
   */
  status: 'pending' | 'delivered';
}

/** All of a planning batch's deliveries in one statement; one already in the ledger adds nothing. */
export async function addDeliveries(
  tx: SqlClient,
  deliveries: readonly NewDelivery[],
  now: Date,
): Promise<void> {
  if (deliveries.length === 0) return;
  const rows = deliveries.map((delivery) => ({
    intent_id: delivery.intentId,
    channel: delivery.channel,
    address: delivery.address,
    case_id: delivery.caseId,
    target: delivery.target,
    language: delivery.language,
    status: delivery.status,
    attempts: delivery.status === 'delivered' ? 1 : 0,
  }));
  await tx.query(insert, [JSON.stringify(rows), now.toISOString()]);
}

const qualifiedColumns = columns
  .split(',')
  .map((column) => `d.${column.trim()}`)
  .join(', ');

const claim = {
  name: 'notifications_delivery_claim',
  text: `UPDATE notification_deliveries d SET lease_until = $2
           FROM (SELECT intent_id, channel, address FROM notification_deliveries
                  WHERE status = 'pending' AND next_attempt_at <= $1
                    AND (lease_until IS NULL OR lease_until <= $1)
                  ORDER BY next_attempt_at LIMIT $3
                  FOR UPDATE SKIP LOCKED) due
          WHERE d.intent_id = due.intent_id AND d.channel = due.channel AND d.address = due.address
          RETURNING ${qualifiedColumns}`,
};

/** Takes up to `limit` due deliveries for this worker until `leaseUntil`. */
export async function claimDueDeliveries(
  tx: SqlClient,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<Delivery[]> {
  const rows = await tx.query<DeliveryRow>(claim, [
    now.toISOString(),
    leaseUntil.toISOString(),
    limit,
  ]);
  return rows.map(deliveryFromRow);
}

const keyCondition = 'intent_id = $1 AND channel = $2 AND address = $3';

export const markDeliveredStatement = {
  name: 'notifications_delivery_delivered',
  text: `UPDATE notification_deliveries
            SET status = 'delivered', attempts = attempts + 1, delivered_at = $4, lease_until = NULL,
                last_error = NULL, recorded = false
          WHERE ${keyCondition} AND status = 'pending'`,
};

export async function markDelivered(tx: SqlClient, key: DeliveryKey, at: Date) {
  await tx.query(markDeliveredStatement, [
    key.intentId,
    key.channel,
    key.address,
    at.toISOString(),
  ]);
}

const failed = {
  name: 'notifications_delivery_failed',
  text: `UPDATE notification_deliveries
            SET attempts = attempts + 1, last_error = $4, lease_until = NULL, next_attempt_at = $5
          WHERE ${keyCondition} AND status = 'pending'`,
};

const dead = {
  name: 'notifications_delivery_dead',
  text: `UPDATE notification_deliveries
            SET status = 'dead', attempts = attempts + 1, last_error = $4, lease_until = NULL,
                dead_at = $5, dead_count = dead_count + 1, recorded = false
          WHERE ${keyCondition} AND status = 'pending'`,
};

export async function markFailed(
  tx: SqlClient,
  key: DeliveryKey,
  error: string,
  outcome: { retryAt: Date } | { deadAt: Date },
) {
  const params = [key.intentId, key.channel, key.address, error.slice(0, 500)];
  if ('retryAt' in outcome) await tx.query(failed, [...params, outcome.retryAt.toISOString()]);
  else await tx.query(dead, [...params, outcome.deadAt.toISOString()]);
}
