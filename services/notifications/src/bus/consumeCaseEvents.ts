// Consumer mode: the notifications service reads the case events from Kafka instead of
// subscribing to the store. Kafka delivers at least once, so each event id is recorded as consumed
// in the same transaction as its effects; a redelivered message finds its id and changes nothing.
// A message that is not a recorded event in a CloudEvent cannot ever be applied: it is set aside in
// notification_bus_dead_letters (with its partition and offset; logged without its content) and
// the partition goes on, instead of failing the same batch forever.
//
// The consumed ids are kept for CONSUMED_EVENTS_RETENTION_DAYS and then pruned. Kafka redelivers
// only what a consumer had not committed (minutes, not weeks), and an event older than the case's
// stored revision is ignored by the fold anyway, so a pruned id can never cause a second effect.

import type { SqlDatabase } from '@kot/eventstore';
import type { RecordedEvent } from '@kot/eventstore';
import { OUTBOX_CHANNEL } from '../outbox/subscribeToStore';
import { applyCaseEvents } from '../outbox/applyCaseEvents';
import type { Clock, Logger } from '../service/dependencies';
import type { NotificationMetrics } from '../service/notificationMetrics';
import { EnvelopeError, fromBusMessage } from './eventEnvelope';
import type { BusConsumer, MessageBus, ReceivedMessage } from './messageBus';

const CONSUMED_EVENTS_RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;
/** How often the consumed ids are pruned, at most. */
const PRUNE_EVERY_MS = 3_600_000;

const consume = {
  name: 'notifications_consumed_events_insert_v2',
  text: `INSERT INTO notification_consumed_events (stream_id, event_id, consumed_at)
         SELECT unnest($1::text[]), unnest($2::text[]), $3
         ON CONFLICT (stream_id, event_id) DO NOTHING RETURNING stream_id, event_id`,
};

/** An event is known by its stream and id: ids are unique per stream only (KurrentDB). */
const keyOf = (streamId: string, eventId: string) => `${streamId}\u0000${eventId}`;

const setAside = {
  name: 'notifications_bus_dead_letter_insert',
  text: `INSERT INTO notification_bus_dead_letters
           (topic, partition, "offset", message_key, value, reason, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
};

const prune = {
  name: 'notifications_consumed_events_prune',
  text: `DELETE FROM notification_consumed_events WHERE consumed_at < $1`,
};

export interface BusConsumerOptions {
  bus: MessageBus;
  topic: string;
  groupId: string;
  db: SqlDatabase;
  clock: Clock;
  logger: Logger;
  metrics?: Pick<NotificationMetrics, 'busMessageSetAside'>;
  retentionDays?: number;
}

export function consumeCaseEvents(options: BusConsumerOptions): Promise<BusConsumer> {
  const { db, clock, logger } = options;
  const retentionMs = (options.retentionDays ?? CONSUMED_EVENTS_RETENTION_DAYS) * DAY_MS;
  let prunedAt = 0;
  return options.bus.consume({
    topic: options.topic,
    groupId: options.groupId,
    async handle(messages) {
      const events: RecordedEvent[] = [];
      const unreadable: Array<{ message: ReceivedMessage; reason: string }> = [];
      for (const message of messages) {
        try {
          events.push(fromBusMessage(message.value));
        } catch (error) {
          if (!(error instanceof EnvelopeError)) throw error;
          unreadable.push({ message, reason: error.message });
        }
      }
      const now = clock();
      const result = await db.transaction(async (tx) => {
        for (const { message, reason } of unreadable) {
          await tx.query(setAside, [
            options.topic,
            message.partition,
            message.offset,
            message.key,
            message.value,
            reason,
            now.toISOString(),
          ]);
        }
        // A message redelivered within the batch counts once.
        const unique = [...new Map(events.map((e) => [keyOf(e.streamId, e.eventId), e])).values()];
        const fresh = new Set(
          (
            await tx.query<{ stream_id: string; event_id: string }>(consume, [
              unique.map((e) => e.streamId),
              unique.map((e) => e.eventId),
              now.toISOString(),
            ])
          ).map((row) => keyOf(row.stream_id, row.event_id)),
        );
        return applyCaseEvents(
          tx,
          unique.filter((event) => fresh.has(keyOf(event.streamId, event.eventId))),
          now,
        );
      });
      for (const { message, reason } of unreadable) {
        options.metrics?.busMessageSetAside();
        // Where it is, never what it says: the value may hold anything.
        logger.error(
          { topic: options.topic, partition: message.partition, offset: message.offset, reason },
          'a Kafka message that is not a recorded event was set aside (notification_bus_dead_letters)',
        );
      }
      if (result.intents > 0) {
        logger.debug({ intents: result.intents }, 'notification intents queued from the bus');
        db.notify(OUTBOX_CHANNEL);
      }
      if (now.getTime() - prunedAt >= PRUNE_EVERY_MS) {
        prunedAt = now.getTime();
        await db.query(prune, [new Date(now.getTime() - retentionMs).toISOString()]);
      }
    },
  });
}
