// Test support: a FAKE of the part of kafkajs the bus uses, for unit tests where no broker runs. It
// is not Kafka; what passes only against it is not tested against a broker (kafka.int.test.ts and
// kafkaBridge.int.test.ts are). It reproduces what kafkajs 2.2 and the broker do in the cases the
// bus must handle, with kafkajs's own error classes:
// - a produce request over the broker's message.max.bytes is refused with a KafkaJSProtocolError
//   of type MESSAGE_TOO_LARGE (measured uncompressed here: an upper bound of the real batch);
// - a broker that does not answer leaves send() pending;
// - the consumer runner retries a batch whose eachBatch throws `retry.retries` times (fetching it
//   again), then crashes with KafkaJSNumberOfRetriesExceeded; the crash asks
//   `retry.restartOnFailure` (kafkajs restarts when it is absent or says true) and emits CRASH
//   with `restart`;
// - admin: listTopics, createTopics, fetchTopicMetadata.
import {
  KafkaJSNumberOfRetriesExceeded,
  KafkaJSProtocolError,
  type Kafka,
  type KafkaConfig,
} from 'kafkajs';

interface FakeMessage {
  key: string;
  value: string;
  headers?: Record<string, string>;
}

export interface FakeSend {
  topic: string;
  acks?: number;
  timeout?: number;
  compression?: number;
  messages: FakeMessage[];
}

export interface FakeTopic {
  topic: string;
  numPartitions?: number;
  replicationFactor?: number;
  configEntries?: { name: string; value: string }[];
}

/** A batch the fake consumer delivers: one partition's messages. */
export interface FakeBatch {
  partition: number;
  messages: { key: string; value: string; offset: string }[];
}

const CRASH = 'consumer.crash';

export class FakeKafka {
  readonly sent: FakeSend[] = [];
  readonly created: FakeTopic[] = [];
  readonly topics = new Map<string, number>();
  readonly committed: string[] = [];
  readonly crashes: { restart: boolean; error: Error }[] = [];
  config: KafkaConfig | null = null;
  maxMessageBytes = 1_000_000;
  /** While true, send() never settles (a broker that does not answer). */
  unanswered = false;
  heartbeats = 0;
  deliveries = 0;
  private batches: FakeBatch[] = [];
  private readonly highWatermarks = new Map<number, number>();

  /** Batches the next consumer receives, in order. */
  deliver(...batches: FakeBatch[]): void {
    this.batches.push(...batches);
    for (const batch of batches) {
      const next = Number(batch.messages[batch.messages.length - 1]?.offset ?? -1) + 1;
      this.highWatermarks.set(
        batch.partition,
        Math.max(next, this.highWatermarks.get(batch.partition) ?? 0),
      );
    }
  }

  create = (config: KafkaConfig): Kafka => {
    this.config = config;
    return {
      producer: () => ({
        connect: async () => undefined,
        disconnect: async () => undefined,
        send: (record: FakeSend) => this.send(record),
      }),
      admin: () => ({
        connect: async () => undefined,
        disconnect: async () => undefined,
        listTopics: async () => [...this.topics.keys()],
        createTopics: async ({ topics }: { topics: FakeTopic[] }) => {
          for (const topic of topics) {
            this.created.push(topic);
            this.topics.set(topic.topic, topic.numPartitions ?? 1);
          }
          return true;
        },
        fetchTopicMetadata: async ({ topics }: { topics: string[] }) => ({
          topics: topics.map((name) => ({
            name,
            partitions: Array.from({ length: this.topics.get(name) ?? 0 }, (_, partitionId) => ({
              partitionId,
            })),
          })),
        }),
      }),
      consumer: (options: {
        retry?: { retries?: number; restartOnFailure?: (e: Error) => Promise<boolean> };
      }) => this.consumer(options),
    } as unknown as Kafka;
  };

  private async send(record: FakeSend) {
    if (this.unanswered) return new Promise<never>(() => undefined);
    const bytes = record.messages.reduce(
      (sum, message) => sum + Buffer.byteLength(message.key) + Buffer.byteLength(message.value),
      0,
    );
    if (bytes > this.maxMessageBytes) {
      throw new KafkaJSProtocolError({
        type: 'MESSAGE_TOO_LARGE',
        code: 10,
        retriable: false,
        message:
          'The request included a message larger than the max message size the server will accept',
      } as never);
    }
    this.sent.push(record);
    return [{ topicName: record.topic, partition: 0, errorCode: 0 }];
  }

  private consumer(options: {
    retry?: { retries?: number; restartOnFailure?: (e: Error) => Promise<boolean> };
  }) {
    const listeners: Array<(event: { payload: { error: Error; restart: boolean } }) => void> = [];
    let running = true;
    const retries = options.retry?.retries ?? 5;
    const run = async ({ eachBatch }: { eachBatch: (payload: unknown) => Promise<void> }) => {
      for (let restarts = 0; running && restarts < 100; restarts++) {
        const outcome = await this.runBatches(eachBatch, retries, () => running);
        if (outcome === null) return;
        const shouldRestart = options.retry?.restartOnFailure
          ? await options.retry.restartOnFailure(outcome)
          : true;
        this.crashes.push({ restart: shouldRestart, error: outcome });
        for (const listener of listeners)
          listener({ payload: { error: outcome, restart: shouldRestart } });
        if (!shouldRestart) return;
      }
    };
    return {
      connect: async () => undefined,
      subscribe: async () => undefined,
      disconnect: async () => {
        running = false;
      },
      events: { CRASH },
      on: (event: string, listener: (typeof listeners)[number]) => {
        if (event === CRASH) listeners.push(listener);
        return () => undefined;
      },
      run: async (config: { eachBatch: (payload: unknown) => Promise<void> }) => {
        // kafkajs runs the consumer in the background; run() resolves once it has started.
        void run(config);
      },
    };
  }

  /** Delivers the queued batches; returns the crash error, or null when all were handled. */
  private async runBatches(
    eachBatch: (payload: unknown) => Promise<void>,
    retries: number,
    isRunning: () => boolean,
  ): Promise<Error | null> {
    while (this.batches.length > 0 && isRunning()) {
      const batch = this.batches[0]!;
      let resolved: string | null = null;
      for (let retryCount = 0; ; retryCount++) {
        try {
          this.deliveries += 1;
          const lastOffset = Number(batch.messages[batch.messages.length - 1]?.offset ?? -1);
          const highWatermark = this.highWatermarks.get(batch.partition) ?? lastOffset + 1;
          await eachBatch({
            batch: {
              partition: batch.partition,
              // kafkajs: the high watermark less one, less the batch's last offset, as a string.
              offsetLag: () => String(highWatermark - 1 - lastOffset),
              messages: batch.messages.map((message) => ({
                key: Buffer.from(message.key),
                value: Buffer.from(message.value),
                headers: {},
                offset: message.offset,
              })),
            },
            resolveOffset: (offset: string) => (resolved = offset),
            heartbeat: async () => {
              this.heartbeats += 1;
            },
            commitOffsetsIfNecessary: async () => {
              if (resolved !== null) this.committed.push(resolved);
            },
          });
          break;
        } catch (error) {
          if (retryCount >= retries) {
            return new KafkaJSNumberOfRetriesExceeded(
              error as Error,
              { retryCount, retryTime: 0 } as never,
            );
          }
        }
      }
      this.batches.shift();
    }
    return null;
  }
}
