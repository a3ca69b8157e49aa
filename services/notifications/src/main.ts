// The notifications service on its own: `npm run start -w services/notifications`.
// NOTIFICATIONS_ROLES picks the loops this process runs (feed, timers, dispatcher, relay, api), so
// each can be scaled on its own; see the README and infra/.
import 'reflect-metadata';
import { openPostgresDatabase } from '@kot/eventstore';
import {
  createAuthenticator,
  createHttpApp,
  createLogger,
  createMetrics,
  createShutdown,
  developmentWarnings,
  loadConfig,
  openProtectedEventStore,
  startHttpServer,
} from '@kot/platform';
import { startTracing } from '@kot/tracing';
import { createKafkaBus } from './bus/kafkaBus';
import { createKafkaMetrics } from './bus/kafkaMetrics';
import { startEventRelay } from './bus/relayEvents';
import { loadNotificationsConfig } from './config/notificationsConfig';
import { seedRecipientDirectory } from './recipients/seedRecipientDirectory';
import { createNotificationsService } from './service/createNotificationsService';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const settings = loadNotificationsConfig(process.env);
  const logger = createLogger({ service: 'notifications', level: config.logLevel });
  for (const warning of developmentWarnings(config)) logger.warn(warning);
  const metrics = createMetrics();
  const shutdown = createShutdown({ logger, timeoutMs: config.shutdownTimeoutMs });
  // Off unless an OTLP endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT): nothing leaves the
  // embedded demo. Shut down last, so the spans of the shutdown itself are sent.
  const tracing = startTracing({ service: 'notifications' });
  shutdown.onShutdown('tracing', () => tracing.shutdown());
  logger.info({ tracing: tracing.enabled ? 'otlp' : `off: ${tracing.why}` }, 'tracing');
  // The log as written, not the decrypting wrapper: this service needs no personal data, and the
  // relay must put ciphertext, never clear text, on Kafka.
  const { logStore: store, database, close } = await openProtectedEventStore(config, { logger });
  shutdown.onShutdown('event store', close);
  const db = settings.databaseUrl
    ? await openPostgresDatabase({ url: settings.databaseUrl })
    : database;
  if (db !== database) shutdown.onShutdown('notifications database', () => db.close());

  const kafka = settings.kafka;
  const kafkaMetrics = createKafkaMetrics(metrics.registry);
  const bus = kafka
    ? createKafkaBus({
        brokers: kafka.brokers,
        logger,
        security: { ssl: kafka.ssl, ...(kafka.sasl && { sasl: kafka.sasl }) },
        topicSettings: {
          replicationFactor: kafka.replicationFactor,
          minInsyncReplicas: kafka.minInsyncReplicas,
        },
        maxRequestBytes: kafka.maxRequestBytes,
        sendTimeoutMs: kafka.sendTimeoutMs,
        consumerMaxAttempts: kafka.consumerMaxAttempts,
        metrics: kafkaMetrics,
      })
    : null;
  if (bus) shutdown.onShutdown('kafka', () => bus.close());
  const roles = settings.roles;
  const authenticate = createAuthenticator(config.authentication);
  const service = await createNotificationsService({
    store,
    db,
    logger,
    metrics,
    authenticate,
    email: settings.email,
    webhooks: { addressPolicy: settings.webhookAddresses, timeoutMs: settings.webhookTimeoutMs },
    timers: { intervalMs: settings.deadlineScanIntervalMs },
    dispatcher: { pollIntervalMs: settings.dispatchPollIntervalMs },
    limits: config.graphql,
    exposure: config.graphql,
    feed:
      bus && settings.kafka
        ? { kind: 'bus', bus, topic: settings.kafka.topic, groupId: settings.kafka.groupId }
        : { kind: 'store' },
    onFatal: () =>
      void shutdown.run('a notifications loop kept failing').then(() => process.exit(1)),
  });
  shutdown.onShutdown('notifications (finish the current round)', () => service.close());
  if (settings.recipients) {
    await seedRecipientDirectory(db, settings.recipients);
    logger.info(
      { entries: settings.recipients.length },
      'recipient directory updated from RECIPIENTS_FILE',
    );
  }
  await service.start({
    feed: roles.has('feed'),
    timers: roles.has('timers'),
    dispatcher: roles.has('dispatcher'),
  });

  if (roles.has('relay') && bus && settings.kafka) {
    const relay = await startEventRelay({
      store,
      db: database,
      bus,
      topic: settings.kafka.topic,
      partitions: settings.kafka.partitions,
      metrics: kafkaMetrics,
    });
    shutdown.onShutdown('kafka relay', () => relay.stop());
    relay.done.catch((error: unknown) => {
      logger.error({ err: error }, 'kafka relay stopped');
      void shutdown.run('kafka relay failed').then(() => process.exit(1));
    });
  }

  if (roles.has('api')) {
    const app = createHttpApp({
      service: 'notifications',
      logger,
      metrics,
      bodyLimitBytes: config.http.bodyLimitBytes,
      readiness: service.readiness,
      routes: service.routes,
      authenticate,
      edge: config.edge,
    });
    const server = await startHttpServer(app, config.http);
    shutdown.onShutdown('http server', () => server.close(config.shutdownTimeoutMs));
    logger.info({ url: `${server.url}/graphql`, roles: [...roles] }, 'notifications ready');
  } else {
    logger.info({ roles: [...roles] }, 'notifications running without HTTP');
  }
  shutdown.exitOnSignals();
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exitCode = 1;
});
