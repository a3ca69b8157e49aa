import { randomUUID } from 'node:crypto';
import { caseNumberOf } from '@kot/domain';
import { actors } from '@kot/domain/testing';
import { seedRecipientDirectory } from '../recipients/seedRecipientDirectory';
import { notificationStreamId } from '../recording/notificationEvents';
import { markRecordedStatement } from '../recording/recordOutcomes';
import {
  createNotificationsService,
  type NotificationsServiceDependencies,
} from '../service/createNotificationsService';
import { appendStory } from '../testing/caseStories';
import { crashingDatabase, SimulatedCrash } from '../testing/crashingDatabase';
import { startSmtpReceiver, type SmtpReceiver } from '../testing/smtpReceiver';
import { testAuthenticator } from '../testing/testAuthenticator';
import { testClock } from '../testing/testClock';
import { waitUntil } from '../testing/waitUntil';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase';
import { startWebhookReceiver, type WebhookReceiver } from '../testing/webhookReceiver';
import { markDeliveredStatement } from './deliveryLedger';

const officer = {
  id: actors.officer.id,
  role: actors.officer.role,
  organisation: actors.officer.organisation,
};

describe('a crash between delivering and recording', () => {
  let database: TestDatabase;
  let smtp: SmtpReceiver;
  let receiver: WebhookReceiver;
  const time = testClock('2024-05-01T08:00:00Z');
  let deps: NotificationsServiceDependencies;

  beforeAll(async () => {
    database = await openTestDatabase();
    smtp = await startSmtpReceiver();
    receiver = await startWebhookReceiver();
    deps = {
      store: database.store,
      db: database.db,
      authenticate: testAuthenticator,
      clock: time.clock,
      email: {
        from: 'noreply@kot-referral.example',
        transport: { kind: 'smtp', host: smtp.host, port: smtp.port },
      },
      webhooks: { addressPolicy: 'loopback-only' },
      dispatcher: { leaseMs: 30_000 },
    };
    await seedRecipientDirectory(database.db, [
      {
        organisation: 'GM0344',
        role: 'smi-officer',
        personId: '*',
        displayName: 'SMI Utrecht',
        email: 'smi@gm0344.example',
        language: 'nl',
        channels: ['email'],
      },
    ]);
    const healthy = await createNotificationsService(deps);
    const subscription = await healthy.api.createWebhookSubscription(officer, {
      callbackUrl: receiver.url,
      rules: ['case-claimed'],
    });
    receiver.secret = subscription.secret;
    await healthy.close();
  }, 120_000);
  afterAll(async () => {
    await receiver.close();
    await smtp.close();
    await database.close();
  });

  it('sends again after the lease ran out, with the same ids, and records each delivery once', async () => {
    const caseId = randomUUID();
    await appendStory(database.store, caseId, ['open', 'offer', 'claim']);
    const feed = await createNotificationsService(deps);
    await feed.start({ timers: false, dispatcher: false });
    await feed.catchUp();
    await feed.close();

    // The process dies right after the e-mail and the webhook went out, before it noted either.
    const crashing = await createNotificationsService({
      ...deps,
      db: crashingDatabase(database.db, markDeliveredStatement.name),
    });
    await expect(crashing.dispatchOnce()).rejects.toThrow(SimulatedCrash);
    await crashing.close();
    const webhooksForCase = () =>
      receiver.requests.filter((r) => r.event.subject === caseId && r.status === 204);
    const mailsForCase = () =>
      smtp.mails.filter((mail) => mail.header('subject')?.includes(caseNumberOf(caseId)));
    // The other send was in flight when the crash came; it still arrives, and is not noted either.
    await waitUntil(
      () => webhooksForCase().length === 1 && mailsForCase().length === 1,
      'both first sends',
    );

    // A restarted dispatcher leaves the claimed deliveries alone until their lease has run out.
    const restarted = await createNotificationsService(deps);
    await restarted.drain();
    expect(webhooksForCase()).toHaveLength(1);
    time.advance(31_000);
    await restarted.drain();

    // At-least-once: both went out a second time, with the same CloudEvent id and Message-ID, so
    // the receiver (which deduplicates on the id) handled the notification once.
    expect(webhooksForCase()).toHaveLength(2);
    expect(new Set(webhooksForCase().map((r) => r.event.id)).size).toBe(1);
    expect(receiver.duplicates).toBe(1);
    expect(mailsForCase()).toHaveLength(2);
    expect(new Set(mailsForCase().map((mail) => mail.header('message-id'))).size).toBe(1);
    await restarted.close();

    const recorded = (await database.store.readStream(notificationStreamId(caseId))).filter(
      (event) => event.data.rule === 'case-claimed',
    );
    expect(recorded.map((event) => `${event.type} ${String(event.data.channel)}`).sort()).toEqual([
      'NotificationDelivered email',
      'NotificationDelivered inbox',
      'NotificationDelivered webhook',
    ]);
  });

  it('appends the outcome once when the process dies after the append and before noting it', async () => {
    const caseId = randomUUID();
    await appendStory(database.store, caseId, ['open', 'offer', 'claim']);
    const feed = await createNotificationsService(deps);
    await feed.start({ timers: false, dispatcher: false });
    await feed.catchUp();
    await feed.close();

    const crashing = await createNotificationsService({
      ...deps,
      db: crashingDatabase(database.db, markRecordedStatement.name),
    });
    await expect(crashing.dispatchOnce()).rejects.toThrow(SimulatedCrash);
    await crashing.close();
    const afterCrash = await database.store.readStream(notificationStreamId(caseId));
    expect(afterCrash.length).toBeGreaterThan(0);

    const restarted = await createNotificationsService(deps);
    await restarted.drain();
    await restarted.close();
    const history = await database.store.readStream(notificationStreamId(caseId));
    const ids = history.map((event) => event.eventId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(
      history
        .filter((event) => event.data.rule === 'case-claimed')
        .map((e) => e.data.channel)
        .sort(),
    ).toEqual(['email', 'inbox', 'webhook']);
  });
});
