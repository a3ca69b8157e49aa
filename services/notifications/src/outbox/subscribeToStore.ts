// Store mode: the outbox is fed by a checkpointed subscription to the event store. A batch's state
// changes, its intents and the checkpoint commit in one transaction, so a crash never loses an
// intent and never folds an event twice.

import {
  runCheckpointedSubscriber,
  type EventStore,
  type SqlDatabase,
  type Subscription,
} from '@kot/eventstore';
import type { Clock, Logger } from '../service/dependencies';
import { applyCaseEvents } from './applyCaseEvents';

export const RULES_SUBSCRIBER = 'notifications.rules.v1';
export const OUTBOX_CHANNEL = 'notifications_outbox';

export interface StoreSubscriberOptions {
  store: EventStore;
  db: SqlDatabase;
  clock: Clock;
  logger: Logger;
  batchSize?: number;
}

export function subscribeToStore(options: StoreSubscriberOptions): Promise<Subscription> {
  const { db, clock, logger } = options;
  let queued = 0;
  return runCheckpointedSubscriber(options.store, db, {
    name: RULES_SUBSCRIBER,
    batchSize: options.batchSize ?? 200,
    async handle(tx, events) {
      const result = await applyCaseEvents(tx, events, clock());
      queued = result.intents;
    },
    onCommitted() {
      if (queued === 0) return;
      logger.debug({ intents: queued }, 'notification intents queued');
      // Wakes the dispatcher once the intents are committed, so it always finds them.
      db.notify(OUTBOX_CHANNEL);
    },
  });
}
