// How far behind the Kafka bridge is, for the operator: per partition, the messages a consumer
// group has not handled yet (the broker's high watermark less the batch's last offset), and the
// age of the last event the relay put on the topic when it did. Labels are topics and partitions
// only (bounded).

import { Gauge, type Registry } from 'prom-client';

export interface KafkaMetrics {
  consumerLag(topic: string, partition: number, messages: number): void;
  relayLag(seconds: number): void;
}

export function createKafkaMetrics(registry: Registry | null): KafkaMetrics {
  if (!registry) return { consumerLag: () => undefined, relayLag: () => undefined };
  const consumerLag = new Gauge({
    name: 'kot_notifications_kafka_consumer_lag_messages',
    help: 'Messages on a partition that the consumer group has not handled yet, after its last batch',
    labelNames: ['topic', 'partition'],
    registers: [registry],
  });
  const relayLag = new Gauge({
    name: 'kot_notifications_kafka_relay_lag_seconds',
    help: 'Age of the last event the relay published, when it was acknowledged by the broker',
    registers: [registry],
  });
  return {
    consumerLag: (topic, partition, messages) =>
      consumerLag.set({ topic, partition: String(partition) }, messages),
    relayLag: (seconds) => relayLag.set(seconds),
  };
}
