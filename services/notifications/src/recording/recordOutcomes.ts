// Puts delivery outcomes on record as events in `notifications-<caseId>`. It runs after the
// outcome is in the ledger: append first, then flag the row recorded. A crash between the two
// appends the same event again on the next run, which the store ignores (same event id). Each case
// is its own stream and is recorded on its own: a case whose append fails waits with back-off and
// is logged, and the other cases go on.

import {
  IdempotencyConflictError,
  type EventStore,
  type NewEvent,
  type SqlDatabase,
} from '@kot/eventstore';
import { deliveryFromRow, type Delivery, type DeliveryRow } from '../delivery/deliveryLedger';
import type { Logger } from '../service/dependencies';
import {
  deterministicEventId,
  notificationStreamId,
  type NotificationEvent,
} from './notificationEvents';

/** Who writes these events: the platform itself, not a person. */
export const NOTIFICATIONS_ACTOR = {
  id: 'notifications-service',
  role: 'system',
  organisation: 'kot-referral-platform',
};

const unrecorded = {
  name: 'notifications_deliveries_unrecorded',
  text: `SELECT d.intent_id, d.channel, d.address, d.case_id, d.target, d.language, d.status,
                d.attempts, d.next_attempt_at, d.last_error, d.delivered_at, d.dead_at, d.dead_count,
                i.rule, i.recipient_organisation, i.recipient_role, i.recipient_person_id,
                i.event_id, i.deadline, i.about_date, i.created_at AS intent_created_at
           FROM notification_deliveries d JOIN notification_intents i ON i.id = d.intent_id
          WHERE d.status <> 'pending' AND NOT d.recorded
            AND (d.record_after IS NULL OR d.record_after <= $2)
          ORDER BY d.created_at LIMIT $1`,
};

export const markRecordedStatement = {
  name: 'notifications_deliveries_recorded',
  text: `UPDATE notification_deliveries d
            SET recorded = true, record_attempts = 0, record_after = NULL
           FROM jsonb_to_recordset($1::jsonb) AS done(intent_id text, channel text, address text, status text)
          WHERE d.intent_id = done.intent_id AND d.channel = done.channel
            AND d.address = done.address AND d.status = done.status`,
};

// Back-off per outcome: base · 2^(failures so far), capped; computed where the count is kept.
const postponed = {
  name: 'notifications_deliveries_record_postponed',
  text: `UPDATE notification_deliveries d
            SET record_attempts = d.record_attempts + 1,
                record_after = $2::timestamptz
                  + LEAST($4::float8, $3::float8 * power(2, d.record_attempts)) * interval '1 millisecond'
           FROM jsonb_to_recordset($1::jsonb) AS done(intent_id text, channel text, address text, status text)
          WHERE d.intent_id = done.intent_id AND d.channel = done.channel
            AND d.address = done.address AND d.status = done.status
          RETURNING d.record_attempts`,
};

/** Cases whose outcomes are appended at the same time (each case is its own stream). */
const APPEND_CONCURRENCY = 8;

/**
 * The wait before a case's outcomes are appended again after a failure. There is no last attempt:
 * every outcome must get on record.
 */
const recordRetryPolicy = { baseDelayMs: 5_000, maxDelayMs: 15 * 60_000 };

export interface RecordOptions {
  limit: number;
  now: Date;
  logger: Logger;
}

export interface RecordResult {
  /** Outcomes put on record. */
  recorded: number;
  /** Cases whose append failed; they wait for their back-off. */
  failedCases: number;
}

interface Row extends DeliveryRow {
  rule: string;
  recipient_organisation: string;
  recipient_role: string;
  recipient_person_id: string | null;
  event_id: string | null;
  deadline: string | null;
  about_date: string | null;
}

function outcomeEvent(delivery: Delivery, row: Row): NotificationEvent {
  const facts = {
    notificationId: delivery.intentId,
    rule: row.rule,
    caseId: delivery.caseId,
    channel: delivery.channel,
    recipient: {
      organisation: row.recipient_organisation,
      role: row.recipient_role,
      ...(row.recipient_person_id ? { personId: row.recipient_person_id } : {}),
    },
    address: delivery.address,
    attempts: delivery.attempts,
    ...(row.event_id ? { causedBy: row.event_id } : {}),
    ...(row.deadline ? { deadline: row.deadline } : {}),
    ...(row.about_date ? { date: row.about_date } : {}),
  };
  return delivery.status === 'delivered'
    ? {
        type: 'NotificationDelivered',
        schemaVersion: 1,
        data: { ...facts, deliveredAt: (delivery.deliveredAt ?? new Date(0)).toISOString() },
      }
    : {
        type: 'NotificationFailed',
        schemaVersion: 1,
        data: {
          ...facts,
          failedAt: (delivery.deadAt ?? new Date(0)).toISOString(),
          error: delivery.lastError ?? 'unknown',
        },
      };
}

function eventIdOf(delivery: Delivery): string {
  const key = `${delivery.intentId}|${delivery.channel}|${delivery.address}`;
  // A dead letter can be retried and die again: each death is its own fact.
  return deterministicEventId(
    delivery.status === 'delivered' ? `delivered|${key}` : `failed|${key}|${delivery.deadCount}`,
  );
}

export async function recordOutcomes(
  store: EventStore,
  db: SqlDatabase,
  options: RecordOptions,
): Promise<RecordResult> {
  const rows = await db.query<Row>(unrecorded, [options.limit, options.now.toISOString()]);
  const byCase = new Map<string, Array<{ delivery: Delivery; event: NewEvent }>>();
  for (const row of rows) {
    const delivery = deliveryFromRow(row);
    const outcome = outcomeEvent(delivery, row);
    const occurredAt =
      outcome.type === 'NotificationDelivered' ? outcome.data.deliveredAt : outcome.data.failedAt;
    const event: NewEvent = {
      eventId: eventIdOf(delivery),
      type: outcome.type,
      schemaVersion: outcome.schemaVersion,
      data: outcome.data as unknown as NewEvent['data'],
      metadata: {
        actor: NOTIFICATIONS_ACTOR,
        occurredAt,
        ...(row.event_id ? { causationId: row.event_id } : {}),
        correlationId: delivery.intentId,
      },
    };
    const list = byCase.get(delivery.caseId) ?? [];
    list.push({ delivery, event });
    byCase.set(delivery.caseId, list);
  }
  const result: RecordResult = { recorded: 0, failedCases: 0 };
  const cases = [...byCase];
  const appended: ReturnType<typeof keyOf>[] = [];
  let next = 0;
  const appender = async () => {
    for (let index = next++; index < cases.length; index = next++) {
      const [caseId, items] = cases[index]!;
      const keys = items.map(({ delivery }) => keyOf(delivery));
      try {
        await appendOnce(
          store,
          notificationStreamId(caseId),
          items.map((item) => item.event),
        );
      } catch (error) {
        result.failedCases++;
        await postpone(db, caseId, JSON.stringify(keys), error, options);
        continue;
      }
      appended.push(...keys);
    }
  };
  await Promise.all(Array.from({ length: Math.min(APPEND_CONCURRENCY, cases.length) }, appender));
  // Only after the appends succeeded, in one statement for the round: a crash before this line
  // appends the same events again, which the store ignores.
  if (appended.length > 0) await db.query(markRecordedStatement, [JSON.stringify(appended)]);
  result.recorded = appended.length;
  return result;
}

const keyOf = (delivery: Delivery) => ({
  intent_id: delivery.intentId,
  channel: delivery.channel,
  address: delivery.address,
  status: delivery.status,
});

async function postpone(
  db: SqlDatabase,
  caseId: string,
  keys: string,
  error: unknown,
  options: RecordOptions,
): Promise<void> {
  const rows = await db.query<{ record_attempts: unknown }>(postponed, [
    keys,
    options.now.toISOString(),
    recordRetryPolicy.baseDelayMs,
    recordRetryPolicy.maxDelayMs,
  ]);
  const attempts = Math.max(0, ...rows.map((row) => Number(row.record_attempts)));
  // The case id and the error, never the notification's content: no personal data in the log.
  options.logger.error(
    { caseId, attempts, outcomes: rows.length, err: error },
    'delivery outcomes of a case could not be put on record; retrying later with back-off',
  );
}

/**
 * Appends events that may partly be stored already (a crash after an earlier append): the store
 * refuses such a mixed batch, so it is retried one event at a time, each a no-op or new.
 */
async function appendOnce(store: EventStore, streamId: string, events: NewEvent[]) {
  try {
    await store.append(streamId, events, { expectedRevision: 'any' });
  } catch (error) {
    if (!(error instanceof IdempotencyConflictError) || events.length === 1) throw error;
    for (const event of events) await store.append(streamId, [event], { expectedRevision: 'any' });
  }
}
