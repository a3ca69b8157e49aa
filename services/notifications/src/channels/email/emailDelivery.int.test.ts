import { randomUUID } from 'node:crypto';
import { TOESLAGEN, caseNumberOf } from '@kot/domain';
import { createMetrics } from '@kot/platform';
import type { Logger } from '../../service/dependencies';
import { seedRecipientDirectory } from '../../recipients/seedRecipientDirectory';
import { notificationStreamId } from '../../recording/notificationEvents';
import { createNotificationsService } from '../../service/createNotificationsService';
import { appendStory, untilDecision } from '../../testing/caseStories';
import { startSmtpReceiver, type SmtpReceiver } from '../../testing/smtpReceiver';
import { testAuthenticator } from '../../testing/testAuthenticator';
import { testClock } from '../../testing/testClock';
import { openTestDatabase, type TestDatabase } from '../../testing/testDatabase';

describe('e-mail notifications over real SMTP', () => {
  let database: TestDatabase;
  let smtp: SmtpReceiver;
  const time = testClock('2024-05-01T08:00:00Z');

  beforeAll(async () => {
    database = await openTestDatabase();
    smtp = await startSmtpReceiver();
    await seedRecipientDirectory(database.db, [
      {
        organisation: 'GM0344',
        role: 'smi-officer',
        personId: 'u-officer-utrecht',
        displayName: 'SMI-consulent',
        email: 'officer@gm0344.example',
        language: 'nl',
        channels: ['email'],
      },
      {
        organisation: 'org-bewind-horizon',
        role: 'bewindvoerder',
        personId: '*',
        displayName: 'Horizon',
        email: 'post@horizon.example',
        language: 'en',
        channels: ['email'],
      },
      {
        // Inbox only: no e-mail for the Toeslagen desk.
        organisation: TOESLAGEN,
        role: 'toeslagen-officer',
        personId: '*',
        displayName: 'Belcentrum',
        email: 'desk@toeslagen.example',
        language: 'nl',
        channels: [],
      },
    ]);
  }, 120_000);
  afterAll(async () => {
    await smtp.close();
    await database.close();
  });

  it('mails each party that wants e-mail, in its language, as text and HTML, and records every delivery without addresses', async () => {
    const caseId = randomUUID();
    await appendStory(database.store, caseId, [...untilDecision, 'reject']);
    const metrics = createMetrics({ processMetrics: false });
    const warnings: Array<{ details: object; message?: string }> = [];
    const logger: Logger = {
      debug: () => undefined,
      info: () => undefined,
      warn: (details, message) => warnings.push({ details, ...(message ? { message } : {}) }),
      error: () => undefined,
    };
    const service = await createNotificationsService({
      store: database.store,
      db: database.db,
      authenticate: testAuthenticator,
      clock: time.clock,
      logger,
      metrics,
      email: {
        from: 'KOT <noreply@kot-referral.example>',
        transport: { kind: 'smtp', host: smtp.host, port: smtp.port },
        portalUrl: 'https://kot.gemeente.example/portaal',
      },
    });
    await service.start({ timers: false, dispatcher: false });
    await service.catchUp();
    await service.drain();

    const mails = await smtp.waitFor(7);
    const summary = mails.map((mail) => `${mail.to.join(',')} ${mail.header('subject')}`).sort();
    expect(summary).toEqual(
      [
        `officer@gm0344.example Zaak ${caseNumberOf(caseId)} is opgepakt`,
        `officer@gm0344.example Besluit kinderopvangtoeslag: zaak ${caseNumberOf(caseId)}`,
        `officer@gm0344.example KOT afgewezen: SMI moet doorlopen (zaak ${caseNumberOf(caseId)})`,
        `post@horizon.example New referral offered: case ${caseNumberOf(caseId)}`,
        `post@horizon.example Application forms sent: case ${caseNumberOf(caseId)}`,
        `post@horizon.example Childcare allowance decision: case ${caseNumberOf(caseId)}`,
        `post@horizon.example KOT rejected: objection possible until 2024-06-11 (case ${caseNumberOf(caseId)})`,
      ].sort(),
    );
    const decision = mails.find((mail) =>
      mail.header('subject')?.startsWith('Childcare allowance decision'),
    )!;
    expect(decision.header('content-type')).toMatch(/^multipart\/alternative/);
    expect(decision.raw).toContain('Content-Type: text/plain');
    expect(decision.raw).toContain('Content-Type: text/html');
    expect(decision.decoded).toContain('Reason: partner does not work.');
    expect(decision.decoded).toContain(`Case ${caseNumberOf(caseId)} · GM0344`);
    // A link to the case's page, in both parts; the recipient signs in before seeing anything.
    const caseUrl = `https://kot.gemeente.example/portaal/zaken/${caseId}`;
    expect(decision.decoded).toContain(`Open the case: ${caseUrl}`);
    expect(decision.decoded).toContain(`<a href="${caseUrl}">Open the case</a>`);
    const dutch = mails.find((mail) => mail.to.includes('officer@gm0344.example'))!;
    expect(dutch.decoded).toContain(`Open de zaak: ${caseUrl}`);
    expect(decision.header('message-id')).toMatch(/^<[0-9a-f]{40}@kot-referral\.example>$/);
    expect(decision.header('x-kot-notification-id')).toMatch(/^kot-decided:/);
    for (const mail of mails) expect(mail.decoded).not.toMatch(/Verbeek|Marieke|Fenna/);

    const history = await database.store.readStream(notificationStreamId(caseId));
    const delivered = history.filter((event) => event.type === 'NotificationDelivered');
    expect(delivered.filter((event) => event.data.channel === 'email')).toHaveLength(7);
    // Every intent reached an inbox: 13 intents for this story (4 of them to inboxes only: the
    // desks', and the household's objection deadline).
    expect(delivered.filter((event) => event.data.channel === 'inbox')).toHaveLength(13);
    expect(JSON.stringify(history)).not.toContain('@');

    // Those without an address (the desk, the household) are counted and named by role only; CIZ
    // has no part in a case on a permanent indication.
    const counted = await metrics.registry
      .getSingleMetric('kot_notifications_without_email_address_total')!
      .get();
    const byRule = Object.fromEntries(counted.values.map((v) => [v.labels.rule, v.value]));
    // kot-decided: 4 parties, 2 of them with e-mail.
    expect(byRule).toMatchObject({ 'kot-decided': 2, 'kot-requested': 1 });
    const recipients = warnings.flatMap(
      (warning) => (warning.details as { recipients?: string[] }).recipients ?? [],
    );
    expect(new Set(recipients)).toEqual(
      new Set(['DienstToeslagen/toeslagen-officer', 'household:*/household']),
    );
    expect(JSON.stringify(warnings)).not.toContain('@');

    // Nothing goes out twice when the dispatcher runs again or the service restarts.
    await service.drain();
    await service.close();
    const again = await createNotificationsService({
      store: database.store,
      db: database.db,
      authenticate: testAuthenticator,
      clock: time.clock,
      email: {
        from: 'KOT <noreply@kot-referral.example>',
        transport: { kind: 'smtp', host: smtp.host, port: smtp.port },
      },
    });
    await again.start({ timers: false, dispatcher: false });
    await again.catchUp();
    await again.drain();
    await again.close();
    expect(smtp.mails).toHaveLength(7);
    expect(await database.store.readStream(notificationStreamId(caseId))).toHaveLength(
      history.length,
    );
  });
});
