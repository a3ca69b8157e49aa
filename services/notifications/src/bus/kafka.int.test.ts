// The bridge against a real Kafka broker (KRaft, no ZooKeeper) in a container. Where no container
// runtime is reachable the suite is skipped, and says so.

import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { containerRuntimeStatus } from '@kot/eventstore/src/testing/containerRuntime';
import { ConfigResourceTypes, Kafka } from 'kafkajs';
import { GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';
import { createNotificationsService } from '../service/createNotificationsService';
import { appendStory, untilDecision } from '../testing/caseStories';
import { testAuthenticator } from '../testing/testAuthenticator';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase';
import { createKafkaBus, TopicMismatchError } from './kafkaBus';
import { startEventRelay } from './relayEvents';

const KAFKA_IMAGE = 'apache/kafka:3.9.1';
/** One broker: one copy of each partition. */
const oneBroker = { replicationFactor: 1, minInsyncReplicas: 1 };
const runtime = containerRuntimeStatus();
if (!runtime.available) {
  console.warn(
    `SKIPPED: Kafka integration tests need a container runtime; none reachable (${runtime.reason})`,
  );
}
const describeWithKafka = runtime.available ? describe : describe.skip;

/** A free host port: Kafka must advertise the port clients reach it on, so host and container use the same. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

describeWithKafka(`the Kafka bridge on a real broker (${KAFKA_IMAGE})`, () => {
  let kafka: StartedTestContainer;
  let brokers: string[];
  let source: TestDatabase;
  let target: TestDatabase;

  beforeAll(async () => {
    const port = await freePort();
    kafka = await new GenericContainer(KAFKA_IMAGE)
      .withExposedPorts({ container: port, host: port })
      .withEnvironment({
        KAFKA_NODE_ID: '1',
        KAFKA_PROCESS_ROLES: 'broker,controller',
        KAFKA_LISTENERS: `PLAINTEXT://:${port},CONTROLLER://:9093`,
        KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://127.0.0.1:${port}`,
        KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
        KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
        KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
        KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
        KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
        KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
        KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
      })
      .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
      .withStartupTimeout(120_000)
      .start();
    brokers = [`127.0.0.1:${port}`];
    source = await openTestDatabase();
    target = await openTestDatabase();
  }, 240_000);
  afterAll(async () => {
    await source?.close();
    await target?.close();
    await kafka?.stop();
  });

  it('relays the store to a topic and a consumer group fills the outbox from it', async () => {
    const topic = `kot.events.${randomUUID()}`;
    const caseId = randomUUID();
    await appendStory(source.store, caseId, [...untilDecision, 'grant']);
    const bus = createKafkaBus({ brokers, topicSettings: oneBroker });
    const relay = await startEventRelay({
      store: source.store,
      db: source.db,
      bus,
      topic,
      partitions: 3,
    });
    await relay.whenCaughtUp();
    await relay.stop();

    const service = await createNotificationsService({
      store: target.store,
      db: target.db,
      authenticate: testAuthenticator,
      email: null,
      feed: { kind: 'bus', bus, topic, groupId: `notifications-${randomUUID()}` },
    });
    await service.start({ timers: false, dispatcher: false });
    let count = 0;
    for (let round = 0; round < 300 && count < 11; round++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const [row] = await target.db.query<{ n: unknown }>(
        'SELECT count(*) AS n FROM notification_intents WHERE case_id = $1',
        [caseId],
      );
      count = Number(row?.n ?? 0);
    }
    await service.close();
    // case-offered, case-claimed, kot-requested, indication-check-requested, forms-sent,
    // application-submitted, kot-decided × 5 parties = 11 intents.
    expect(count).toBe(11);

    // Structured mode of the CloudEvents Kafka binding: the record says what its value is.
    const headers: Array<Record<string, string> | undefined> = [];
    const reader = await bus.consume({
      topic,
      groupId: `headers-${randomUUID()}`,
      handle: async (messages) => {
        headers.push(...messages.map((message) => message.headers));
      },
    });
    for (let round = 0; round < 100 && headers.length === 0; round++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    await reader.stop();
    await bus.close();
    expect(headers[0]).toEqual({ 'content-type': 'application/cloudevents+json; charset=utf-8' });
  }, 60_000);

  it('creates the topic with unlimited retention and its min.insync.replicas, and refuses another partition count', async () => {
    const topic = `kot.events.${randomUUID()}`;
    const bus = createKafkaBus({ brokers, topicSettings: oneBroker });
    await bus.ensureTopic(topic, 3);
    const admin = new Kafka({ brokers }).admin();
    await admin.connect();
    try {
      const described = await admin.describeConfigs({
        resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }],
        includeSynonyms: false,
      });
      const entries = described.resources[0]?.configEntries ?? [];
      const value = (name: string) =>
        entries.find((entry) => entry.configName === name)?.configValue;
      expect(value('retention.ms')).toBe('-1');
      expect(value('min.insync.replicas')).toBe('1');
      await expect(bus.ensureTopic(topic, 6)).rejects.toBeInstanceOf(TopicMismatchError);
      const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
      expect(metadata.topics[0]?.partitions).toHaveLength(3);
    } finally {
      await admin.disconnect();
      await bus.close();
    }
  }, 60_000);

  it('publishes a batch larger than the broker accepts in one request by splitting it', async () => {
    const topic = `kot.events.${randomUUID()}`;
    const bus = createKafkaBus({ brokers, topicSettings: oneBroker });
    await bus.ensureTopic(topic, 1);
    // 3 MB of incompressible text in 12 messages: three times Kafka's default message.max.bytes.
    const messages = Array.from({ length: 12 }, (_, i) => ({
      key: 'case-1',
      value: JSON.stringify({ id: `e${i}`, noise: randomBytes(190_000).toString('base64') }),
    }));
    await bus.publish(topic, messages);
    const received: string[] = [];
    const reader = await bus.consume({
      topic,
      groupId: `split-${randomUUID()}`,
      handle: async (batch) => void received.push(...batch.map((m) => JSON.parse(m.value).id)),
    });
    for (let round = 0; round < 100 && received.length < 12; round++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    await reader.stop();
    await bus.close();
    expect(received).toEqual(messages.map((_, i) => `e${i}`));
  }, 60_000);

  it('stops a consumer whose batch keeps failing after the configured attempts, and done rejects', async () => {
    const topic = `kot.events.${randomUUID()}`;
    const bus = createKafkaBus({ brokers, topicSettings: oneBroker, consumerMaxAttempts: 2 });
    await bus.ensureTopic(topic, 1);
    await bus.publish(topic, [{ key: 'case-1', value: '{}' }]);
    let attempts = 0;
    const consumer = await bus.consume({
      topic,
      groupId: `failing-${randomUUID()}`,
      handle: async () => {
        attempts += 1;
        throw new Error('read model unavailable');
      },
    });
    await expect(consumer.done).rejects.toThrow(/read model unavailable/);
    await bus.close();
    expect(attempts).toBe(2);
  }, 60_000);
});
