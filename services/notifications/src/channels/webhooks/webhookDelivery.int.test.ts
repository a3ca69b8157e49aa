import { randomUUID } from 'node:crypto';
import { actors } from '@kot/domain/testing';
import { notificationStreamId } from '../../recording/notificationEvents';
import {
  createNotificationsService,
  type NotificationsService,
} from '../../service/createNotificationsService';
import { CommandRefused } from '../../service/notificationsErrors';
import { PLATFORM_ADMIN } from '@kot/domain';
import { appendStory, untilDecision } from '../../testing/caseStories';
import { testAuthenticator } from '../../testing/testAuthenticator';
import { testClock } from '../../testing/testClock';
import { openTestDatabase, type TestDatabase } from '../../testing/testDatabase';
import { startWebhookReceiver, type WebhookReceiver } from '../../testing/webhookReceiver';

const officer = {
  id: actors.officer.id,
  role: actors.officer.role,
  organisation: actors.officer.organisation,
};
const household = { id: 'u-household', role: 'household', organisation: 'household:x' } as const;
const admin = {
  id: 'u-admin',
  role: PLATFORM_ADMIN,
  organisation: 'kot-referral-platform',
} as const;

async function problemsOf(promise: Promise<unknown>): Promise<readonly string[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CommandRefused && error.kind === 'invalid-input') {
      return error.fields.map((problem) => `${problem.field}: ${problem.reason.en}`);
    }
    throw error;
  }
  throw new Error('expected the input to be refused');
}

describe('webhook notifications to a real HTTP receiver', () => {
  let database: TestDatabase;
  let receiver: WebhookReceiver;
  let service: NotificationsService;
  const time = testClock('2024-05-01T08:00:00Z');

  /** Dispatch rounds, moving the clock past each back-off, until `done` or 12 rounds. */
  async function deliverWithRetries(done: () => boolean) {
    for (let round = 0; round < 12 && !done(); round++) {
      await service.drain();
      time.advance(5_000);
    }
    await service.drain();
  }

  beforeAll(async () => {
    database = await openTestDatabase();
    receiver = await startWebhookReceiver();
    service = await createNotificationsService({
      store: database.store,
      db: database.db,
      authenticate: testAuthenticator,
      clock: time.clock,
      email: null,
      webhooks: { addressPolicy: 'loopback-only', timeoutMs: 2_000 },
      retry: { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 4_000 },
    });
    await service.start({ timers: false, dispatcher: false });
  }, 120_000);
  afterAll(async () => {
    await service.close();
    await receiver.close();
    await database.close();
  });

  it('refuses a bad URL, a non-loopback address here, unknown filters and an unreachable receiver, and saves nothing', async () => {
    const create = (
      input: Parameters<NotificationsService['api']['createWebhookSubscription']>[1],
    ) => service.api.createWebhookSubscription(officer, input);
    expect(await problemsOf(create({ callbackUrl: 'not a url' }))).toEqual([
      'callbackUrl: "not a url" is not a valid URL',
    ]);
    expect(await problemsOf(create({ callbackUrl: 'ftp://127.0.0.1/hook' }))).toEqual([
      'callbackUrl: must use http or https, not ftp',
    ]);
    expect(await problemsOf(create({ callbackUrl: 'https://partner.example/hook' }))).toEqual([
      'callbackUrl: host partner.example is not a loopback address (only loopback is allowed here)',
    ]);
    const unknown = await problemsOf(
      create({ callbackUrl: receiver.url, eventTypes: ['KotExploded'], rules: ['kot-maybe'] }),
    );
    expect(unknown).toHaveLength(2);
    expect(unknown[0]).toMatch(/^eventTypes: unknown event type KotExploded/);
    expect(unknown[1]).toMatch(/^rules: unknown rule kot-maybe/);
    const closed = await problemsOf(create({ callbackUrl: 'http://127.0.0.1:9/hook' }));
    expect(closed).toEqual([
      'callbackUrl: the test delivery failed: the receiver refused the connection; the subscription was not saved',
    ]);
    await expect(
      service.api.createWebhookSubscription(household, { callbackUrl: receiver.url }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(
      service.api.createWebhookSubscription(officer, {
        callbackUrl: receiver.url,
        organisation: 'GM0193',
      }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    expect(await service.api.webhookSubscriptions(officer)).toEqual([]);
  });

  it('sends a signed test delivery, then retries failed calls with back-off until each notification arrives exactly once', async () => {
    const created = await service.api.createWebhookSubscription(officer, {
      callbackUrl: receiver.url,
      rules: ['case-claimed', 'kot-decided', 'kot-rejected-continue-smi'],
    });
    receiver.secret = created.secret;
    const test = receiver.requests.find(
      (request) => request.event.id === `subscription-test:${created.id}`,
    );
    expect(test).toMatchObject({
      status: 204,
      contentType: 'application/cloudevents+json; charset=utf-8',
    });

    receiver.failNext = 2;
    const caseId = randomUUID();
    await appendStory(database.store, caseId, [...untilDecision, 'reject']);
    await service.catchUp();
    const forCase = () =>
      [...receiver.accepted.values()].filter((event) => event.subject === caseId);
    await deliverWithRetries(() => forCase().length === 3);

    expect(
      forCase()
        .map((event) => event.type)
        .sort(),
    ).toEqual([
      'nl.kot-referral.case-claimed',
      'nl.kot-referral.kot-decided',
      'nl.kot-referral.kot-rejected-continue-smi',
    ]);
    expect(receiver.duplicates).toBe(0);
    const calls = receiver.requests.filter((request) => request.event.subject === caseId);
    expect(calls.filter((call) => call.status === 503)).toHaveLength(2);
    expect(calls.every((call) => call.signatureValid)).toBe(true);
    expect(forCase()[0]).toMatchObject({
      specversion: '1.0',
      source: 'urn:nl:kot-referral:notifications',
    });

    const recorded = (await database.store.readStream(notificationStreamId(caseId))).filter(
      (event) => event.data.channel === 'webhook',
    );
    expect(recorded.map((event) => event.type)).toEqual([
      'NotificationDelivered',
      'NotificationDelivered',
      'NotificationDelivered',
    ]);
    expect(Math.max(...recorded.map((event) => Number(event.data.attempts)))).toBeGreaterThan(1);
  });

  it('turns a delivery that fails every attempt into a dead letter that an admin can retry', async () => {
    receiver.failNext = 1_000;
    const caseId = randomUUID();
    await appendStory(database.store, caseId, ['open', 'offer', 'claim']);
    await service.catchUp();
    await deliverWithRetries(() => false);

    const { deadLetters } = await service.api.deadLetters(officer, { first: 10, after: null });
    const dead = deadLetters.find((letter) => letter.caseId === caseId);
    expect(dead).toMatchObject({
      channel: 'webhook',
      rule: 'case-claimed',
      attempts: 4,
      lastError: 'HTTP 503',
    });
    await expect(
      service.api.deadLetters(household, { first: 10, after: null }),
    ).rejects.toMatchObject({
      kind: 'forbidden',
    });
    const failed = (await database.store.readStream(notificationStreamId(caseId))).filter(
      (event) => event.type === 'NotificationFailed',
    );
    expect(failed).toHaveLength(1);
    expect(failed[0]!.data).toMatchObject({ channel: 'webhook', error: 'HTTP 503', attempts: 4 });

    receiver.failNext = 0;
    expect(await service.api.retryDeadLetter(admin, dead!.id)).toBe(true);
    await service.drain();
    expect(
      [...receiver.accepted.values()].filter((event) => event.subject === caseId),
    ).toHaveLength(1);
    const history = await database.store.readStream(notificationStreamId(caseId));
    expect(
      history.filter((event) => event.data.channel === 'webhook').map((event) => event.type),
    ).toEqual(['NotificationFailed', 'NotificationDelivered']);
    expect((await service.api.deadLetters(admin, { first: 10, after: null })).deadLetters).toEqual(
      [],
    );
  });
});
