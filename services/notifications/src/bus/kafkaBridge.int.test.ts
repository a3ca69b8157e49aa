// The relay and the consumer with the in-process bus and a real database: the same code runs on
// Kafka (see kafka.int.test.ts, which needs a container runtime).

import { randomUUID } from 'node:crypto';
import { createNotificationsService } from '../service/createNotificationsService';
import { appendStory, untilDecision } from '../testing/caseStories';
import { crashingDatabase, SimulatedCrash } from '../testing/crashingDatabase';
import { testAuthenticator } from '../testing/testAuthenticator';
import { testClock } from '../testing/testClock';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase';
import { waitUntil } from '../testing/waitUntil';
import { consumeCaseEvents } from './consumeCaseEvents';
import { fromBusMessage } from './eventEnvelope';
import { createInProcessBus } from './inProcessBus';
import { startEventRelay } from './relayEvents';

const TOPIC = 'kot.events';
const silent = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

describe('the Kafka bridge on the in-process bus', () => {
  let source: TestDatabase;
  let target: TestDatabase;
  const time = testClock('2024-05-01T08:00:00Z');

  beforeAll(async () => {
    // The store with the relay, and a separate database for the consuming notifications service.
    source = await openTestDatabase();
    target = await openTestDatabase();
  }, 180_000);
  afterAll(async () => {
    await source.close();
    await target.close();
  });

  it('relays every event keyed by case, again after a crash before the checkpoint, and the consumer folds each once', async () => {
    const bus = createInProcessBus({ retryDelayMs: 1, maxFailures: 3 });
    const caseIds = [randomUUID(), randomUUID()];
    for (const caseId of caseIds)
      await appendStory(source.store, caseId, [...untilDecision, 'reject']);

    // The relay dies after publishing its first batch, before the checkpoint moved.
    const crashing = await startEventRelay({
      store: source.store,
      db: crashingDatabase(source.db, 'subscriber_checkpoint_advance'),
      bus,
      topic: TOPIC,
      partitions: 3,
      batchSize: 5,
    });
    await expect(crashing.done).rejects.toThrow(SimulatedCrash);
    const relay = await startEventRelay({
      store: source.store,
      db: source.db,
      bus,
      topic: TOPIC,
      batchSize: 5,
    });
    await relay.whenCaughtUp();
    await relay.stop();

    const published = bus
      .messages(TOPIC)
      .flat()
      .map((message) => fromBusMessage(message.value));
    const stored = await source.store.readAll({});
    expect(published.length).toBe(stored.length + 5); // the first batch twice: at-least-once
    for (const caseId of caseIds) {
      const partitions = bus.messages(TOPIC).map((p) => p.filter((m) => m.key === caseId).length);
      expect(partitions.filter((count) => count > 0)).toHaveLength(1);
      const revisions = published
        .filter((e) => e.streamId === `case-${caseId}`)
        .map((e) => e.revision);
      const firstTime = revisions.filter(
        (revision, index) => revisions.indexOf(revision) === index,
      );
      expect(firstTime).toEqual([...firstTime].sort((a, b) => a - b));
    }

    const service = await createNotificationsService({
      store: target.store,
      db: target.db,
      authenticate: testAuthenticator,
      clock: time.clock,
      email: null,
      feed: { kind: 'bus', bus, topic: TOPIC, groupId: 'notifications' },
    });
    await service.start({ timers: false, dispatcher: false });
    await waitUntil(
      () => bus.lag(TOPIC, 'notifications') === 0,
      'the consumer to catch up',
      20_000,
    );
    await service.close();

    for (const caseId of caseIds) {
      const rules = await target.db.query<{ rule: string }>(
        'SELECT rule FROM notification_intents WHERE case_id = $1 ORDER BY rule',
        [caseId],
      );
      expect(rules.map((row) => row.rule)).toEqual([
        'application-submitted',
        'case-claimed',
        'case-offered',
        'forms-sent',
        'indication-check-requested',
        'kot-decided',
        'kot-decided',
        'kot-decided',
        'kot-decided',
        'kot-rejected-continue-smi',
        'kot-rejected-objection-deadline' /* the claimant */,
        'kot-rejected-objection-deadline' /* the household */,
        'kot-requested',
      ]);
    }
  });

  it('leaves a batch uncommitted when the consumer fails, and a restarted consumer applies it once', async () => {
    const bus = createInProcessBus({ retryDelayMs: 1, maxFailures: 2 });
    const caseId = randomUUID();
    await appendStory(source.store, caseId, ['open', 'offer', 'claim']);
    await bus.ensureTopic(TOPIC, 3);
    const events = (await source.store.readAll({})).filter((e) => e.streamId === `case-${caseId}`);
    const { toBusMessage } = await import('./eventEnvelope');
    // Kafka may hand a consumer the same message twice: publish the first one twice.
    await bus.publish(TOPIC, [events[0]!, ...events].map(toBusMessage));

    const failing = await consumeCaseEvents({
      bus,
      topic: TOPIC,
      groupId: 'restart',
      db: crashingDatabase(target.db, 'notifications_intents_insert'),
      clock: time.clock,
      logger: silent,
    });
    await expect(failing.done).rejects.toThrow(SimulatedCrash);
    const healthy = await consumeCaseEvents({
      bus,
      topic: TOPIC,
      groupId: 'restart',
      db: target.db,
      clock: time.clock,
      logger: silent,
    });
    await waitUntil(() => bus.lag(TOPIC, 'restart') === 0, 'the consumer to catch up');
    await healthy.stop();
    const rules = await target.db.query<{ rule: string }>(
      'SELECT rule FROM notification_intents WHERE case_id = $1 ORDER BY rule',
      [caseId],
    );
    expect(rules.map((row) => row.rule)).toEqual(['case-claimed', 'case-offered']);
  });

  it('sets aside a message that is not a recorded event, logged without its content, and the partition goes on', async () => {
    const bus = createInProcessBus({ retryDelayMs: 1, maxFailures: 2 });
    const caseId = randomUUID();
    await appendStory(source.store, caseId, ['open', 'offer']);
    await bus.ensureTopic(TOPIC, 1);
    const events = (await source.store.readAll({})).filter((e) => e.streamId === `case-${caseId}`);
    const { toBusMessage } = await import('./eventEnvelope');
    await bus.publish(TOPIC, [
      toBusMessage(events[0]!),
      { key: caseId, value: '{"specversion":"1.0","data":"Ruud Verbeek, 1988-04-12"}' },
      { key: caseId, value: 'not json at all' },
      toBusMessage(events[1]!),
    ]);
    const errors: object[] = [];
    const consumer = await consumeCaseEvents({
      bus,
      topic: TOPIC,
      groupId: 'garbage',
      db: target.db,
      clock: time.clock,
      logger: { ...silent, error: (details) => errors.push(details) },
    });
    await waitUntil(() => bus.lag(TOPIC, 'garbage') === 0, 'the consumer to pass the bad messages');
    await consumer.stop();

    const rules = await target.db.query<{ rule: string }>(
      'SELECT rule FROM notification_intents WHERE case_id = $1',
      [caseId],
    );
    expect(rules.map((row) => row.rule)).toEqual(['case-offered']);
    const setAside = await target.db.query<{ offset: string; reason: string }>(
      `SELECT "offset", reason FROM notification_bus_dead_letters WHERE topic = $1 AND message_key = $2 ORDER BY "offset"`,
      [TOPIC, caseId],
    );
    expect(setAside).toEqual([
      {
        offset: '1',
        reason: expect.stringMatching(/^Not a recorded event in a CloudEvent: data lacks eventId/),
      },
      { offset: '2', reason: 'Not a recorded event in a CloudEvent: not JSON' },
    ]);
    expect(errors).toHaveLength(2);
    expect(JSON.stringify(errors)).not.toMatch(/Verbeek|1988/);
  });

  it('marks each message as a CloudEvent in structured mode, and prunes consumed ids past their retention', async () => {
    const bus = createInProcessBus({ retryDelayMs: 1 });
    const caseId = randomUUID();
    await appendStory(source.store, caseId, ['open']);
    await bus.ensureTopic(TOPIC, 1);
    const [opened] = (await source.store.readAll({})).filter(
      (e) => e.streamId === `case-${caseId}`,
    );
    const { toBusMessage } = await import('./eventEnvelope');
    const message = toBusMessage(opened!);
    expect(message.headers).toEqual({
      'content-type': 'application/cloudevents+json; charset=utf-8',
    });
    await target.db.query(
      `INSERT INTO notification_consumed_events (event_id, consumed_at) VALUES ($1, $2)`,
      ['long-ago', '2024-03-01T00:00:00Z'],
    );
    await bus.publish(TOPIC, [message]);
    const consumer = await consumeCaseEvents({
      bus,
      topic: TOPIC,
      groupId: 'prune',
      db: target.db,
      clock: time.clock,
      logger: silent,
    });
    await waitUntil(() => bus.lag(TOPIC, 'prune') === 0, 'the consumer to catch up');
    await consumer.stop();
    const kept = await target.db.query<{ event_id: string }>(
      `SELECT event_id FROM notification_consumed_events WHERE event_id IN ($1, $2)`,
      ['long-ago', opened!.eventId],
    );
    expect(kept.map((row) => row.event_id)).toEqual([opened!.eventId]);
  });

  it('knows a consumed event by its stream and id, so the same id in another stream is still applied', async () => {
    const bus = createInProcessBus({ retryDelayMs: 1 });
    const caseId = randomUUID();
    await appendStory(source.store, caseId, ['open', 'offer']);
    await bus.ensureTopic(TOPIC, 1);
    const [, offered] = (await source.store.readAll({})).filter(
      (e) => e.streamId === `case-${caseId}`,
    );
    // KurrentDB deduplicates ids within a stream only: another stream may hold this id.
    await target.db.query(
      `INSERT INTO notification_consumed_events (stream_id, event_id, consumed_at) VALUES ($1, $2, $3)`,
      [`case-${randomUUID()}`, offered!.eventId, '2024-05-01T07:00:00Z'],
    );
    const { toBusMessage } = await import('./eventEnvelope');
    const opened = (await source.store.readStream(`case-${caseId}`))[0]!;
    await bus.publish(TOPIC, [
      toBusMessage(opened),
      toBusMessage(offered!),
      toBusMessage(offered!),
    ]);
    const consumer = await consumeCaseEvents({
      bus,
      topic: TOPIC,
      groupId: 'same-id-other-stream',
      db: target.db,
      clock: time.clock,
      logger: silent,
    });
    await waitUntil(() => bus.lag(TOPIC, 'same-id-other-stream') === 0, 'the consumer to catch up');
    await consumer.stop();

    const rules = await target.db.query<{ rule: string }>(
      'SELECT rule FROM notification_intents WHERE case_id = $1',
      [caseId],
    );
    expect(rules.map((row) => row.rule)).toEqual(['case-offered']);
    const consumed = await target.db.query<{ n: unknown }>(
      'SELECT count(*) AS n FROM notification_consumed_events WHERE event_id = $1',
      [offered!.eventId],
    );
    expect(Number(consumed[0]?.n)).toBe(2);
  });

  it('tells how old the last relayed event was when the broker acknowledged it', async () => {
    const bus = createInProcessBus({ retryDelayMs: 1 });
    await appendStory(source.store, randomUUID(), ['open']);
    const lags: number[] = [];
    const all = await source.store.readAll({});
    const newest = Date.parse(all[all.length - 1]!.metadata.recordedAt);
    const relay = await startEventRelay({
      store: source.store,
      db: target.db,
      bus,
      topic: `${TOPIC}.lag`,
      clock: () => new Date(newest + 2_500),
      metrics: { relayLag: (seconds) => lags.push(seconds) },
    });
    await relay.whenCaughtUp();
    await relay.stop();
    expect(lags[lags.length - 1]).toBe(2.5);
  });

  it('says in its readiness that the feed stopped when the consumer gave up on a batch', async () => {
    const bus = createInProcessBus({ retryDelayMs: 1, maxFailures: 2 });
    const caseId = randomUUID();
    await appendStory(source.store, caseId, ['open', 'offer']);
    const topic = `${TOPIC}.readiness`;
    await bus.ensureTopic(topic, 1);
    const events = (await source.store.readAll({})).filter((e) => e.streamId === `case-${caseId}`);
    const { toBusMessage } = await import('./eventEnvelope');
    await bus.publish(topic, events.map(toBusMessage));
    const service = await createNotificationsService({
      store: target.store,
      db: crashingDatabase(target.db, 'notifications_intents_insert'),
      authenticate: testAuthenticator,
      logger: silent,
      email: null,
      feed: { kind: 'bus', bus, topic, groupId: `readiness-${randomUUID()}` },
    });
    await service.start({ timers: false, dispatcher: false });
    try {
      let report = await service.readiness();
      for (let round = 0; round < 500 && report.ready; round++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        report = await service.readiness();
      }
      expect(report.checks?.['feed']).toEqual({
        ok: false,
        detail: expect.stringMatching(/^stopped after failure 1 of \d+: SimulatedCrash$/),
      });
    } finally {
      await service.close();
    }
  });
});
