// Delivery throughput: how many e-mails and webhook calls per second the dispatcher gets out, end
// to end (plan the deliveries, send them to a real SMTP server / HTTP server on 127.0.0.1, record
// each outcome as an event). `npm run bench -w services/notifications`
//   BENCH_COUNT (default 2000) notifications per channel; BENCH_DB=postgres (default) or pglite.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { NotificationIntent } from '@kot/domain';
import { insertIntents } from '../src/outbox/insertIntents';
import { seedRecipientDirectory } from '../src/recipients/seedRecipientDirectory';
import { createNotificationsService } from '../src/service/createNotificationsService';
import { startSmtpReceiver } from '../src/testing/smtpReceiver';
import { testAuthenticator } from '../src/testing/testAuthenticator';
import { openTestDatabase } from '../src/testing/testDatabase';
import { startWebhookReceiver } from '../src/testing/webhookReceiver';

const count = Number(process.env.BENCH_COUNT ?? 2000);
const engine = process.env.BENCH_DB === 'pglite' ? 'pglite' : 'postgres';

const intentsFor = (
  organisation: string,
  role: 'smi-officer' | 'smi-team-lead',
): NotificationIntent[] =>
  Array.from({ length: count }, () => {
    const caseId = randomUUID();
    return {
      id: `case-claimed:${randomUUID()}:${organisation}/${role}/*`,
      rule: 'case-claimed',
      caseId,
      municipality: organisation,
      recipient: { organisation, role },
      eventId: randomUUID(),
      params: {
        caseId,
        municipality: organisation,
        status: 'claimed',
        claimedBy: 'org-bench',
        mandate: 'court-bewind',
      },
    };
  });

async function main() {
  const database = await openTestDatabase(engine);
  const smtp = await startSmtpReceiver();
  const receiver = await startWebhookReceiver();
  const service = await createNotificationsService({
    store: database.store,
    db: database.db,
    authenticate: testAuthenticator,
    email: {
      from: 'bench@kot-referral.example',
      transport: { kind: 'smtp', host: smtp.host, port: smtp.port },
    },
    webhooks: { addressPolicy: 'loopback-only' },
    dispatcher: { batchSize: 200, concurrency: 16 },
  });
  await service.migrate();
  // E-mail goes to GM0001's officers; the webhook subscription belongs to GM0002.
  await seedRecipientDirectory(database.db, [
    {
      organisation: 'GM0001',
      role: 'smi-officer',
      personId: '*',
      displayName: 'Bench',
      email: 'bench@gm0001.example',
      language: 'nl',
      channels: ['email'],
    },
  ]);
  const subscription = await service.api.createWebhookSubscription(
    { id: 'u-bench', role: 'smi-team-lead', organisation: 'GM0002' },
    { callbackUrl: receiver.url },
  );
  receiver.secret = subscription.secret;

  const run = async (label: string, intents: NotificationIntent[], delivered: () => number) => {
    await database.db.transaction((tx) =>
      insertIntents(
        tx,
        intents.map((intent) => ({ intent, eventType: 'CaseClaimed', traceparent: null })),
        new Date(),
      ),
    );
    const started = process.hrtime.bigint();
    await service.drain(10_000);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const rate = delivered() / seconds;
    console.log(
      `${label.padEnd(9)} ${String(delivered()).padStart(6)} in ${seconds.toFixed(2)} s = ${rate.toFixed(0)}/s` +
        ` (end to end: planned, sent to 127.0.0.1, recorded as events; ${engine})`,
    );
    return rate;
  };

  console.log(`delivery throughput, ${count} notifications per channel`);
  await run('e-mails', intentsFor('GM0001', 'smi-officer'), () => smtp.mails.length);
  await run('webhooks', intentsFor('GM0002', 'smi-team-lead'), () => receiver.accepted.size);

  await service.close();
  await receiver.close();
  await smtp.close();
  await database.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
