// The message bus on Kafka through kafkajs: an idempotent producer that waits for all in-sync
// replicas, compresses, keeps each request under the broker's message limit and gives up after a
// timeout; consumers that commit a partition's offset only after its batch was handled, heartbeat
// while a long batch runs, and stop for good (done rejects) after the configured attempts.

import {
  CompressionTypes,
  Kafka,
  logLevel,
  type Consumer,
  type KafkaConfig,
  type Producer,
  type SASLOptions,
} from 'kafkajs';
import type { Logger } from '../service/dependencies';
import { DEFAULT_MAX_REQUEST_BYTES, splitIntoBatches } from './messageBatches';
import type { KafkaMetrics } from './kafkaMetrics';
import type { BusConsumer, MessageBus } from './messageBus';

export interface KafkaSecurity {
  /** TLS to the brokers (`true`: the system's CAs; or a CA in PEM). */
  ssl?: boolean | { ca: string };
  sasl?: SASLOptions;
}

export interface KafkaTopicSettings {
  /** Copies of every partition (3 in production; 1 on a single broker). */
  replicationFactor: number;
  /** Replicas that must have a message before it is acknowledged (acks=all). */
  minInsyncReplicas: number;
}

export interface KafkaBusOptions {
  brokers: string[];
  clientId?: string;
  logger?: Logger;
  /** New consumer groups start at the beginning of the topic, so no event is skipped. */
  fromBeginning?: boolean;
  security?: KafkaSecurity;
  topicSettings?: KafkaTopicSettings;
  /** Largest produce request, uncompressed (default just under Kafka's 1 MB message.max.bytes). */
  maxRequestBytes?: number;
  /** How long one publish may take before it fails (default 30 s). */
  sendTimeoutMs?: number;
  /** Failed attempts of one batch before a consumer stops for good (default 5). */
  consumerMaxAttempts?: number;
  /** Heartbeat at least this often while a batch is handled (default 3 s, Kafka's default). */
  heartbeatIntervalMs?: number;
  /** Consumer lag per partition after each batch (see kafkaMetrics.ts). */
  metrics?: Pick<KafkaMetrics, 'consumerLag'>;
  /** For tests: builds the kafkajs client. */
  createKafka?: (config: KafkaConfig) => Kafka;
}

export class TopicMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TopicMismatchError';
  }
}

export function createKafkaBus(options: KafkaBusOptions): MessageBus {
  const config: KafkaConfig = {
    clientId: options.clientId ?? 'kot-notifications',
    brokers: options.brokers,
    logLevel: logLevel.WARN,
    ...(options.security?.ssl !== undefined && { ssl: options.security.ssl }),
    ...(options.security?.sasl && { sasl: options.security.sasl }),
    logCreator: () => (entry) => {
      const details = { kafka: entry.namespace, ...entry.log };
      if (entry.level <= logLevel.ERROR) options.logger?.error(details, entry.log.message);
      else options.logger?.warn(details, entry.log.message);
    },
  };
  const kafka = (options.createKafka ?? ((c) => new Kafka(c)))(config);
  const maxRequestBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const sendTimeoutMs = options.sendTimeoutMs ?? 30_000;
  const consumerMaxAttempts = options.consumerMaxAttempts ?? 5;
  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? 3_000;
  const topicSettings = options.topicSettings ?? { replicationFactor: 3, minInsyncReplicas: 2 };
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

  /** Fails after `ms`: a broker that never answers must not hold the relay's transaction open. */
  const within = async <T>(ms: number, what: string, work: Promise<T>): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
    });
    try {
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    async ensureTopic(topic, partitions) {
      const admin = kafka.admin();
      await admin.connect();
      try {
        const existing = await admin.listTopics();
        if (!existing.includes(topic)) {
          await admin.createTopics({
            topics: [
              {
                topic,
                numPartitions: partitions,
                replicationFactor: topicSettings.replicationFactor,
                configEntries: [
                  // The topic is a copy of the log: nothing may age out of it.
                  { name: 'retention.ms', value: '-1' },
                  { name: 'min.insync.replicas', value: String(topicSettings.minInsyncReplicas) },
                ],
              },
            ],
            waitForLeaders: true,
          });
          return;
        }
        // Partitions are never added: that would move case ids to other partitions and break the
        // order of a case's events. A topic with another count is refused, loudly.
        const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
        const found = metadata.topics.find((candidate) => candidate.name === topic);
        const count = found?.partitions.length ?? 0;
        if (count !== partitions) {
          throw new TopicMismatchError(
            `Kafka topic ${topic} has ${count} partitions, configured are ${partitions}; partitions are never added (a case's events would change partition), so set KAFKA_PARTITIONS=${count} or use a new topic`,
          );
        }
      } finally {
        await admin.disconnect();
      }
    },
    async publish(topic, messages) {
      if (messages.length === 0) return;
      const batches = splitIntoBatches(messages, maxRequestBytes, idOf);
      const connected = await within(sendTimeoutMs, 'connecting to Kafka', connectedProducer());
      for (const batch of batches) {
        await within(
          sendTimeoutMs,
          'a Kafka send',
          connected.send({
            topic,
            acks: -1,
            timeout: sendTimeoutMs,
            compression: CompressionTypes.GZIP,
            messages: batch.map((message) => ({
              key: message.key,
              value: message.value,
              ...(message.headers ? { headers: message.headers } : {}),
            })),
          }),
        );
      }
    },
    async consume({ topic, groupId, handle }): Promise<BusConsumer> {
      const consumer = kafka.consumer({
        groupId,
        heartbeatInterval: heartbeatIntervalMs,
        retry: {
          // kafkajs's runner fetches and hands over a failing batch again `retries` times, then
          // crashes; by default it then restarts for ever, retrying the same batch without end.
          // Here the crash is final, so that `done` rejects and readiness says the feed is down
          // (the service restarts the feed a bounded number of times).
          retries: consumerMaxAttempts - 1,
          restartOnFailure: async () => false,
        },
      });
      consumers.add(consumer);
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: options.fromBeginning ?? true });
      let settle!: { resolve: () => void; reject: (error: unknown) => void };
      const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
      done.catch(() => undefined);
      consumer.on(consumer.events.CRASH, (event) => {
        // kafkajs restarts the consumer itself while restartOnFailure says so; only a final crash ends it.
        if (!event.payload.restart) settle.reject(event.payload.error);
      });
      await consumer.run({
        autoCommit: true,
        eachBatchAutoResolve: false,
        eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary }) => {
          const last = batch.messages[batch.messages.length - 1];
          if (!last) return;
          // A long batch (a slow database) must not cost the group membership: keep beating.
          const beating = setInterval(
            () => void heartbeat().catch(() => undefined),
            heartbeatIntervalMs,
          );
          try {
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
          } finally {
            clearInterval(beating);
          }
          resolveOffset(last.offset);
          await commitOffsetsIfNecessary();
          await heartbeat();
          options.metrics?.consumerLag(topic, batch.partition, Number(batch.offsetLag()));
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

/** The CloudEvent id of a relayed message, for the size error (never its content). */
function idOf(message: { value: string }): string {
  const match = /"id":"([^"]+)"/.exec(message.value);
  return match?.[1] ?? '(unknown)';
}
