// The message bus on Kafka through kafkajs: an idempotent producer that waits for all in-sync
// replicas, and consumers that commit a partition's offset only after its batch was handled.

import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import type { Logger } from '../service/dependencies';
import type { BusConsumer, MessageBus } from './messageBus';

export interface KafkaBusOptions {
  brokers: string[];
  clientId?: string;
  logger?: Logger;
  /** New consumer groups start at the beginning of the topic, so no event is skipped. */
  fromBeginning?: boolean;
}

export function createKafkaBus(options: KafkaBusOptions): MessageBus {
  const kafka = new Kafka({
    clientId: options.clientId ?? 'kot-notifications',
    brokers: options.brokers,
    logLevel: logLevel.WARN,
    logCreator: () => (entry) => {
      const details = { kafka: entry.namespace, ...entry.log };
      if (entry.level <= logLevel.ERROR) options.logger?.error(details, entry.log.message);
      else options.logger?.warn(details, entry.log.message);
    },
  });
  let producer: Producer | null = null;
  const consumers = new Set<Consumer>();

  const connectedProducer = async () => {
    if (!producer) {
      const created = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
      await created.connect();
      producer = created;
    }
    return producer;
  };

  return {
    async ensureTopic(topic, partitions) {
      const admin = kafka.admin();
      await admin.connect();
      try {
        const existing = await admin.listTopics();
        if (!existing.includes(topic)) {
          await admin.createTopics({
            topics: [{ topic, numPartitions: partitions }],
            waitForLeaders: true,
          });
        }
      } finally {
        await admin.disconnect();
      }
    },
    async publish(topic, messages) {
      if (messages.length === 0) return;
      await (
        await connectedProducer()
      ).send({
        topic,
        acks: -1,
        messages: messages.map((message) => ({
          key: message.key,
          value: message.value,
          ...(message.headers ? { headers: message.headers } : {}),
        })),
      });
    },
    async consume({ topic, groupId, handle }): Promise<BusConsumer> {
      const consumer = kafka.consumer({ groupId });
      consumers.add(consumer);
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: options.fromBeginning ?? true });
      let settle!: { resolve: () => void; reject: (error: unknown) => void };
      const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
      consumer.on(consumer.events.CRASH, (event) => {
        // kafkajs restarts the consumer itself after a retriable error; only a final crash ends it.
        if (!event.payload.restart) settle.reject(event.payload.error);
      });
      await consumer.run({
        autoCommit: true,
        eachBatchAutoResolve: false,
        eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary }) => {
          const last = batch.messages[batch.messages.length - 1];
          if (!last) return;
          await handle(
            batch.messages.map((message) => ({
              key: message.key?.toString('utf8') ?? '',
              value: message.value?.toString('utf8') ?? '',
              headers: Object.fromEntries(
                Object.entries(message.headers ?? {}).map(([name, value]) => [
                  name,
                  String(Array.isArray(value) ? value[0] : (value ?? '')),
                ]),
              ),
              partition: batch.partition,
              offset: message.offset,
            })),
          );
          resolveOffset(last.offset);
          await commitOffsetsIfNecessary();
          await heartbeat();
        },
      });
      return {
        done,
        async stop() {
          await consumer.disconnect();
          consumers.delete(consumer);
          settle.resolve();
        },
      };
    },
    async close() {
      for (const consumer of consumers) await consumer.disconnect();
      consumers.clear();
      if (producer) await (producer as Producer).disconnect();
    },
  };
}
