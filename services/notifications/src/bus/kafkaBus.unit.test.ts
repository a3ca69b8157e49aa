// The Kafka bus against a FAKE of kafkajs and the broker (fakeKafka.ts), with kafkajs's own error
// classes. It proves the bus's handling of each case; the broker suites (kafka.int.test.ts,
// kafkaBridge.int.test.ts, through testcontainers) prove a broker behaves so.
import { CompressionTypes } from 'kafkajs';
import { FakeKafka } from './fakeKafka';
import { createKafkaBus, TopicMismatchError, type KafkaBusOptions } from './kafkaBus';
import { MessageTooLargeError } from './messageBatches';
import type { BusMessage, ReceivedMessage } from './messageBus';

function busOn(fake: FakeKafka, options: Partial<KafkaBusOptions> = {}) {
  return createKafkaBus({ brokers: ['127.0.0.1:9092'], createKafka: fake.create, ...options });
}

const message = (id: string, bytes: number): BusMessage => ({
  key: 'case-1',
  value: JSON.stringify({ id, data: 'x'.repeat(bytes) }),
});

const waitUntil = async (condition: () => boolean) => {
  for (let round = 0; round < 200 && !condition(); round++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('publishing to Kafka', () => {
  it("splits a relay batch into compressed requests under the broker's limit, in order, waiting for all replicas", async () => {
    const fake = new FakeKafka();
    fake.maxMessageBytes = 50_000;
    const bus = busOn(fake, { maxRequestBytes: 45_000 });
    const messages = Array.from({ length: 10 }, (_, i) => message(`e${i}`, 10_000));

    await bus.publish('kot.events', messages);

    expect(fake.sent.length).toBeGreaterThan(1);
    expect(fake.sent.flatMap((send) => send.messages.map((m) => JSON.parse(m.value).id))).toEqual(
      messages.map((_, i) => `e${i}`),
    );
    for (const send of fake.sent) {
      expect(send).toMatchObject({ acks: -1, compression: CompressionTypes.GZIP });
    }
  });

  it('refuses an event that can never fit, naming it and its size, and sends nothing of the batch', async () => {
    const fake = new FakeKafka();
    const bus = busOn(fake, { maxRequestBytes: 20_000 });

    const refusal = bus.publish('kot.events', [message('small', 10), message('huge', 30_000)]);

    await expect(refusal).rejects.toBeInstanceOf(MessageTooLargeError);
    await expect(refusal).rejects.toThrow(/huge.*bytes; the broker accepts at most 20000/);
    expect(fake.sent).toEqual([]);
  });

  it("fails a send the broker does not answer after the timeout, so the relay's transaction ends", async () => {
    const fake = new FakeKafka();
    fake.unanswered = true;
    const bus = busOn(fake, { sendTimeoutMs: 50 });

    await expect(bus.publish('kot.events', [message('e1', 10)])).rejects.toThrow(
      /took longer than 50 ms/,
    );
  });

  it('connects with TLS and SASL when configured', () => {
    const fake = new FakeKafka();
    busOn(fake, {
      security: {
        ssl: true,
        sasl: { mechanism: 'scram-sha-512', username: 'relay', password: 'p' },
      },
    });
    expect(fake.config).toMatchObject({ ssl: true, sasl: { mechanism: 'scram-sha-512' } });
  });
});

describe('the topic of the relay', () => {
  it('is created with its replication, min.insync.replicas and retention that never deletes', async () => {
    const fake = new FakeKafka();
    const bus = busOn(fake, { topicSettings: { replicationFactor: 3, minInsyncReplicas: 2 } });

    await bus.ensureTopic('kot.events', 12);

    expect(fake.created).toEqual([
      {
        topic: 'kot.events',
        numPartitions: 12,
        replicationFactor: 3,
        configEntries: [
          { name: 'retention.ms', value: '-1' },
          { name: 'min.insync.replicas', value: '2' },
        ],
      },
    ]);
  });

  it('is accepted as it is with the configured partitions and refused with others, never repartitioned', async () => {
    const fake = new FakeKafka();
    fake.topics.set('kot.events', 6);
    const bus = busOn(fake);

    await expect(bus.ensureTopic('kot.events', 6)).resolves.toBeUndefined();
    await expect(bus.ensureTopic('kot.events', 12)).rejects.toBeInstanceOf(TopicMismatchError);
    expect(fake.created).toEqual([]);
  });
});

describe('consuming from Kafka', () => {
  const batch = (offset: string) => ({
    partition: 0,
    messages: [{ key: 'case-1', value: '{}', offset }],
  });

  it('stops for good after the configured attempts at a failing batch, and done says why', async () => {
    const fake = new FakeKafka();
    fake.deliver(batch('0'));
    const bus = busOn(fake, { consumerMaxAttempts: 3 });

    const consumer = await bus.consume({
      topic: 'kot.events',
      groupId: 'g',
      handle: async () => {
        throw new Error('database down');
      },
    });

    await expect(consumer.done).rejects.toThrow(/database down/);
    expect(fake.deliveries).toBe(3);
    expect(fake.crashes).toEqual([expect.objectContaining({ restart: false })]);
    expect(fake.committed).toEqual([]);
  });

  it('goes on after a batch that failed once, committing it only once it was handled', async () => {
    const fake = new FakeKafka();
    fake.deliver(batch('0'), batch('1'));
    const bus = busOn(fake, { consumerMaxAttempts: 3 });
    let failed = false;
    const handled: string[] = [];

    await bus.consume({
      topic: 'kot.events',
      groupId: 'g',
      handle: async (messages: ReceivedMessage[]) => {
        if (!failed) {
          failed = true;
          throw new Error('once');
        }
        handled.push(...messages.map((m) => m.offset));
      },
    });
    await waitUntil(() => fake.committed.length === 2);

    expect(handled).toEqual(['0', '1']);
    expect(fake.committed).toEqual(['0', '1']);
    expect(fake.crashes).toEqual([]);
  });

  it('keeps sending heartbeats while a long batch is handled', async () => {
    const fake = new FakeKafka();
    fake.deliver(batch('0'));
    const bus = busOn(fake, { heartbeatIntervalMs: 10 });

    await bus.consume({
      topic: 'kot.events',
      groupId: 'g',
      handle: () => new Promise((resolve) => setTimeout(resolve, 80)),
    });
    await waitUntil(() => fake.committed.length === 1);

    // At least a few while it ran, plus the one after the commit.
    expect(fake.heartbeats).toBeGreaterThanOrEqual(4);
  });

  it('reports after each batch how many messages of its partition are still waiting', async () => {
    const fake = new FakeKafka();
    fake.deliver(batch('0'), batch('1'), batch('2'));
    const lags: number[] = [];
    const bus = busOn(fake, {
      metrics: { consumerLag: (_topic, _partition, lag) => lags.push(lag) },
    });

    await bus.consume({ topic: 'kot.events', groupId: 'g', handle: async () => undefined });
    await waitUntil(() => lags.length === 3);

    expect(lags).toEqual([2, 1, 0]);
  });
});
