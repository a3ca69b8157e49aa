// A message bus in memory with Kafka's delivery semantics, for tests and for the embedded mode's
// wiring checks: partitions chosen by key, one committed offset per group and partition, a batch
// committed only after its handler resolved, and a failed batch delivered again.

import { EventEmitter } from 'node:events';
import type {
  BusConsumer,
  BusMessage,
  ConsumeOptions,
  MessageBus,
  ReceivedMessage,
} from './messageBus';

export interface InProcessBus extends MessageBus {
  /** Messages not yet committed by the group, over all partitions. */
  lag(topic: string, groupId: string): number;
  /** Every message of a topic, per partition (for assertions). */
  messages(topic: string): BusMessage[][];
}

export function partitionOf(key: string, partitions: number): number {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (Math.imul(hash, 31) + key.charCodeAt(i)) | 0;
  return Math.abs(hash) % partitions;
}

export interface InProcessBusOptions {
  batchSize?: number;
  retryDelayMs?: number;
  /** Failed attempts in a row at one batch after which the consumer gives up (as kafkajs does). */
  maxFailures?: number;
}

export function createInProcessBus(options: InProcessBusOptions = {}): InProcessBus {
  const batchSize = options.batchSize ?? 100;
  const retryDelayMs = options.retryDelayMs ?? 10;
  const maxFailures = options.maxFailures ?? 5;
  const topics = new Map<string, BusMessage[][]>();
  const committed = new Map<string, number[]>();
  const wakeUps = new EventEmitter();
  wakeUps.setMaxListeners(0);
  let closed = false;

  const logOf = (topic: string) => {
    const log = topics.get(topic);
    if (!log) throw new Error(`unknown topic ${topic}: create it with ensureTopic`);
    return log;
  };
  const offsetsOf = (topic: string, groupId: string) => {
    const key = `${topic}/${groupId}`;
    let offsets = committed.get(key);
    if (!offsets) {
      offsets = logOf(topic).map(() => 0);
      committed.set(key, offsets);
    }
    return offsets;
  };

  return {
    async ensureTopic(topic, partitions) {
      if (!topics.has(topic))
        topics.set(
          topic,
          Array.from({ length: partitions }, () => []),
        );
    },
    async publish(topic, messages) {
      const log = logOf(topic);
      for (const message of messages)
        log[partitionOf(message.key, log.length)]!.push({ ...message });
      wakeUps.emit(topic);
    },
    async consume(consumeOptions: ConsumeOptions): Promise<BusConsumer> {
      const { topic, groupId } = consumeOptions;
      const log = logOf(topic);
      const offsets = offsetsOf(topic, groupId);
      let stopped = false;
      let wake: (() => void) | null = null;
      const onPublish = () => wake?.();
      wakeUps.on(topic, onPublish);

      let failures = 0;
      const loop = async () => {
        while (!stopped && !closed) {
          let handled = false;
          for (let partition = 0; partition < log.length && !stopped; partition++) {
            const from = offsets[partition]!;
            const batch = log[partition]!.slice(from, from + batchSize);
            if (batch.length === 0) continue;
            const received: ReceivedMessage[] = batch.map((message, index) => ({
              ...message,
              partition,
              offset: String(from + index),
            }));
            try {
              await consumeOptions.handle(received);
              offsets[partition] = from + batch.length;
              failures = 0;
            } catch (error) {
              // Not committed: the same batch comes again, as after a consumer crash in Kafka.
              if (++failures >= maxFailures) throw error;
              await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
            }
            handled = true;
          }
          if (!handled && !stopped) {
            await new Promise<void>((resolve) => {
              wake = resolve;
              setTimeout(resolve, 50);
            });
            wake = null;
          }
        }
      };
      const done = loop().finally(() => wakeUps.off(topic, onPublish));
      return {
        done,
        async stop() {
          stopped = true;
          wake?.();
          await done;
        },
      };
    },
    lag(topic, groupId) {
      const offsets = offsetsOf(topic, groupId);
      return logOf(topic).reduce(
        (sum, partition, index) => sum + partition.length - offsets[index]!,
        0,
      );
    },
    messages: (topic) => logOf(topic).map((partition) => [...partition]),
    async close() {
      closed = true;
      wakeUps.removeAllListeners();
    },
  };
}
