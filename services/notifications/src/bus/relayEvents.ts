// The Kafka relay: every event of the store, in global order, onto one topic keyed by case id.
// Publishing happens inside the checkpoint's transaction callback, before the checkpoint moves; a
// crash after publishing and before the commit publishes the batch again (at-least-once), which
// consumers absorb by deduplicating on stream and event id. The bus bounds every send with a
// timeout (KAFKA_SEND_TIMEOUT_MS), so a broker that does not answer cannot hold the checkpoint's
// transaction open; the batch then fails and the relay starts again from its checkpoint.

import {
  runCheckpointedSubscriber,
  type EventStore,
  type SqlDatabase,
  type Subscription,
} from '@kot/eventstore';
import { toBusMessage } from './eventEnvelope';
import type { KafkaMetrics } from './kafkaMetrics';
import type { MessageBus } from './messageBus';

export const RELAY_SUBSCRIBER = 'kafka.relay.v1';

export interface RelayOptions {
  /** The store as written, not a decrypting wrapper: personal fields stay encrypted on the bus. */
  store: EventStore;
  db: SqlDatabase;
  bus: MessageBus;
  topic: string;
  partitions?: number;
  batchSize?: number;
  metrics?: Pick<KafkaMetrics, 'relayLag'>;
  clock?: () => Date;
}

export async function startEventRelay(options: RelayOptions): Promise<Subscription> {
  await options.bus.ensureTopic(options.topic, options.partitions ?? 12);
  return runCheckpointedSubscriber(options.store, options.db, {
    name: RELAY_SUBSCRIBER,
    batchSize: options.batchSize ?? 500,
    handle: async (_tx, events) => {
      await options.bus.publish(options.topic, events.map(toBusMessage));
      const recordedAt = Date.parse(events[events.length - 1]?.metadata.recordedAt ?? '');
      if (Number.isFinite(recordedAt)) {
        const now = (options.clock ?? (() => new Date()))().getTime();
        options.metrics?.relayLag((now - recordedAt) / 1000);
      }
    },
  });
}
