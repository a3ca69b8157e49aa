import { loadNotificationsConfig, NotificationsConfigError } from './notificationsConfig';

describe('notifications configuration', () => {
  it('runs every loop in one process, without e-mail or Kafka, when nothing is set', () => {
    const config = loadNotificationsConfig({});
    expect(config.email).toBeNull();
    expect(config.kafka).toBeNull();
    expect([...config.roles].sort()).toEqual(['api', 'dispatcher', 'feed', 'timers']);
    expect(config.webhookAddresses).toBe('public-only');
  });

  it('reads SMTP from one URL and adds the relay when Kafka brokers are given', () => {
    const config = loadNotificationsConfig({
      SMTP_URL: 'smtp://mailer:s3cret@mail.internal:2525',
      KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092',
    });
    expect(config.email?.transport).toMatchObject({
      kind: 'smtp',
      host: 'mail.internal',
      port: 2525,
      user: 'mailer',
    });
    expect(config.kafka).toMatchObject({
      brokers: ['kafka-1:9092', 'kafka-2:9092'],
      topic: 'kot.events',
    });
    expect(config.roles.has('relay')).toBe(true);
  });

  it("links e-mails to the portal's address when PORTAL_URL is given, and refuses one that is not a web address", () => {
    const config = loadNotificationsConfig({
      MAIL_DIR: '/tmp/mail',
      PORTAL_URL: 'https://kot.gemeente.example/portaal/',
    });
    expect(config.email?.portalUrl).toBe('https://kot.gemeente.example/portaal/');
    expect(() =>
      loadNotificationsConfig({ MAIL_DIR: '/tmp/mail', PORTAL_URL: 'kot.gemeente.example' }),
    ).toThrow(/PORTAL_URL: expected an http:\/\/ or https:\/\/ address/);
  });

  it('names every problem at once and never echoes a password', () => {
    let error: unknown;
    try {
      loadNotificationsConfig({
        SMTP_URL: 'http://user:hunter2@x',
        WEBHOOK_ADDRESSES: 'everywhere',
        NOTIFICATIONS_ROLES: 'feed,relay,juggler',
        DEADLINE_SCAN_INTERVAL_MS: '5',
        PORTAL_URL: 'ftp://portal',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(NotificationsConfigError);
    const problems = (error as NotificationsConfigError).problems;
    expect(problems).toHaveLength(6);
    expect(problems.join('\n')).not.toContain('hunter2');
  });

  it('reads the Kafka topic settings, TLS and SASL, and names every problem without echoing a password', () => {
    const config = loadNotificationsConfig({
      KAFKA_BROKERS: 'kafka-1:9093',
      KAFKA_SSL: 'true',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'relay',
      KAFKA_SASL_PASSWORD: 'geheim-wachtwoord',
      KAFKA_REPLICATION_FACTOR: '3',
      KAFKA_MIN_INSYNC_REPLICAS: '2',
    });
    expect(config.kafka).toMatchObject({
      ssl: true,
      sasl: { mechanism: 'scram-sha-512', username: 'relay' },
      replicationFactor: 3,
      minInsyncReplicas: 2,
      consumerMaxAttempts: 5,
      sendTimeoutMs: 30_000,
    });

    let problems: readonly string[] = [];
    try {
      loadNotificationsConfig({
        KAFKA_BROKERS: 'kafka-1:9093',
        KAFKA_SSL: 'yes',
        KAFKA_SASL_MECHANISM: 'gssapi',
        KAFKA_SASL_PASSWORD: 'geheim-wachtwoord',
        KAFKA_REPLICATION_FACTOR: '1',
        KAFKA_MIN_INSYNC_REPLICAS: '2',
      });
    } catch (error) {
      if (!(error instanceof NotificationsConfigError)) throw error;
      problems = error.problems;
    }
    expect(problems).toEqual([
      'KAFKA_SSL: expected true or false, got "yes"',
      'KAFKA_SASL_MECHANISM: expected one of plain, scram-sha-256, scram-sha-512, got "gssapi"',
      'KAFKA_MIN_INSYNC_REPLICAS: must not exceed KAFKA_REPLICATION_FACTOR',
    ]);
    expect(problems.join(' ')).not.toContain('geheim');
  });

  it('refuses SASL credentials over a connection without TLS', () => {
    expect(() =>
      loadNotificationsConfig({
        KAFKA_BROKERS: 'kafka-1:9092',
        KAFKA_SASL_MECHANISM: 'plain',
        KAFKA_SASL_USERNAME: 'relay',
        KAFKA_SASL_PASSWORD: 'p',
      }),
    ).toThrow(/needs KAFKA_SSL=true/);
  });
});
