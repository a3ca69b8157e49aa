// The little a relay and a consumer need from a message broker. Two implementations: Kafka
// (kafkajs) for the distributed mode and an in-process bus that behaves the same way (partitions
// by key, consumer groups, offsets committed only after the handler succeeded) for unit tests.

export interface BusMessage {
  /** Messages with the same key go to the same partition, in order. */
  key: string;
  value: string;
  /** Kafka record headers (`content-type` for the CloudEvents binding). */
  headers?: Record<string, string>;
}

export interface ReceivedMessage extends BusMessage {
  partition: number;
  offset: string;
}

export interface ConsumeOptions {
  topic: string;
  groupId: string;
  /**
   * A batch of one partition, in order. When it resolves the offsets are committed; when it
   * throws they are not, and the batch comes again (at-least-once).
   */
  handle(messages: ReceivedMessage[]): Promise<void>;
}

export interface BusConsumer {
  stop(): Promise<void>;
  /** Settles when the consumer ends: resolves on stop(), rejects when it fails for good. */
  readonly done: Promise<void>;
}

export interface MessageBus {
  ensureTopic(topic: string, partitions: number): Promise<void>;
  /** Resolves when the broker has every message (acknowledged by all in-sync replicas). */
  publish(topic: string, messages: readonly BusMessage[]): Promise<void>;
  consume(options: ConsumeOptions): Promise<BusConsumer>;
  close(): Promise<void>;
}
