import { randomUUID } from 'node:crypto';
import type { SqlDatabase } from '@kot/eventstore';
import {
  createNotificationsService,
  type NotificationsService,
} from '../../service/createNotificationsService';
import { appendStory } from '../../testing/caseStories';
import { testAuthenticator } from '../../testing/testAuthenticator';
import { testClock } from '../../testing/testClock';
import { openTestDatabase, type TestDatabase } from '../../testing/testDatabase';
import { startWebhookReceiver, type WebhookReceiver } from '../../testing/webhookReceiver';
import type { CallbackAddressPolicy } from './callbackAddressPolicy';
import { newSubscription, saveSubscription } from './webhookSubscriptions';

// A subscription checked when its name pointed at a public address, whose name now points at this
// machine: DNS rebinding. The receiver on 127.0.0.1 stands for the private service behind it.
describe('webhook addresses checked at every delivery', () => {
  let database: TestDatabase;
  let receiver: WebhookReceiver;
  const time = testClock('2024-05-01T08:00:00Z');
  const rebound = async () => ['127.0.0.1'];

  beforeAll(async () => {
    database = await openTestDatabase();
    receiver = await startWebhookReceiver();
  }, 120_000);
  afterAll(async () => {
    await receiver.close();
    await database.close();
  });

  async function deliverOneCase(policy: CallbackAddressPolicy, organisation: string) {
    const service: NotificationsService = await createNotificationsService({
      store: database.store,
      db: database.db,
      authenticate: testAuthenticator,
      clock: time.clock,
      email: null,
      webhooks: { addressPolicy: policy, timeoutMs: 2_000, resolveHost: rebound },
    });
    await service.start({ timers: false, dispatcher: false });
    const { port } = new URL(receiver.url);
    const subscription = newSubscription(
      organisation,
      `http://hooks.partner.example:${port}/kot/notifications`,
      { eventTypes: [], rules: ['case-offered'], municipalities: [], caseIds: [] },
      'u-admin',
      time.clock(),
    );
    await database.db.transaction((tx) => saveSubscription(tx, subscription));
    receiver.secret = subscription.secret;
    const caseId = randomUUID();
    await appendStory(database.store, caseId, ['open', 'offer']);
    await service.catchUp();
    await service.drain();
    await service.close();
    return { caseId, subscriptionId: subscription.id };
  }

  const webhookDelivery = (db: SqlDatabase, subscriptionId: string) =>
    db.query<{ status: string; last_error: string | null }>(
      `SELECT status, last_error FROM notification_deliveries WHERE channel = 'webhook' AND address = $1`,
      [subscriptionId],
    );

  it('refuses in production a name that now resolves to a loopback or private address, and never connects to it', async () => {
    const { caseId, subscriptionId } = await deliverOneCase('public-only', 'org-bewind-horizon');
    expect(receiver.requests.filter((request) => request.event.subject === caseId)).toEqual([]);
    expect(await webhookDelivery(database.db, subscriptionId)).toEqual([
      { status: 'pending', last_error: 'address not allowed' },
    ]);
    await database.db.query('UPDATE webhook_subscriptions SET active = false WHERE id = $1', [
      subscriptionId,
    ]);
  });

  it('delivers to the checked address, keeping the name in the Host header, where loopback is allowed', async () => {
    const { caseId, subscriptionId } = await deliverOneCase(
      'public-or-loopback',
      'org-bewind-horizon',
    );
    const calls = receiver.requests.filter((request) => request.event.subject === caseId);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      status: 204,
      signatureValid: true,
      host: `hooks.partner.example:${new URL(receiver.url).port}`,
    });
    expect(await webhookDelivery(database.db, subscriptionId)).toEqual([
      { status: 'delivered', last_error: null },
    ]);
  });
});
