// Consumer mode: the notifications service reads the case events from Kafka instead of
// subscribing to the store. Kafka delivers at least once, so each event id is recorded as consumed
// in the same transaction as its effects; a redelivered message finds its id and changes nothing.

import type { SqlDatabase } from '@kot/eventstore';
import { OUTBOX_CHANNEL } from '../outbox/subscribeToStore';
import { applyCaseEvents } from '../outbox/applyCaseEvents';
import type { Clock, Logger } from '../service/dependencies';
import { fromBusMessage } from './eventEnvelope';
import type { BusConsumer, MessageBus } from './messageBus';

const consume = {
  name: 'notifications_consumed_events_insert',
  text: `INSERT INTO notification_consumed_events (event_id, consumed_at)
         SELECT unnest($1::text[]), $2 ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
};

export interface BusConsumerOptions {
  bus: MessageBus;
  topic: string;
  groupId: string;
  db: SqlDatabase;
  clock: Clock;
  logger: Logger;
}

export function consumeCaseEvents(options: BusConsumerOptions): Promise<BusConsumer> {
  const { db, clock, logger } = options;
  return options.bus.consume({
    topic: options.topic,
    groupId: options.groupId,
    async handle(messages) {
      const events = messages.map((message) => fromBusMessage(message.value));
      const now = clock();
      const result = await db.transaction(async (tx) => {
        const fresh = new Set(
          (
            await tx.query<{ event_id: string }>(consume, [
              events.map((e) => e.eventId),
              now.toISOString(),
            ])
          ).map((row) => row.event_id),
        );
        return applyCaseEvents(
          tx,
          events.filter((event) => fresh.has(event.eventId)),
          now,
        );
      });
      if (result.intents > 0) {
        logger.debug({ intents: result.intents }, 'notification intents queued from the bus');
        db.notify(OUTBOX_CHANNEL);
      }
    },
  });
}
