// The read side on its own: `npm run start -w services/projections`.
import 'reflect-metadata';
import {
  ConfigurationError,
  createAuthenticator,
  createHttpApp,
  createShutdown,
  createLogger,
  createMetrics,
  developmentWarnings,
  loadConfig,
  openProtectedEventStore,
  startHttpServer,
} from '@kot/platform';
import { startTracing } from '@kot/tracing';
import { createProjectionsService } from './service/createProjectionsService';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger({ service: 'projections', level: config.logLevel });
  for (const warning of developmentWarnings(config)) logger.warn(warning);
  const metrics = createMetrics();
  const shutdown = createShutdown({ logger, timeoutMs: config.shutdownTimeoutMs });
  // Off unless an OTLP endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT): nothing leaves the
  // embedded demo. Shut down last, so the spans of the shutdown itself are sent.
  const tracing = startTracing({ service: 'projections' });
  shutdown.onShutdown('tracing', () => tracing.shutdown());
  logger.info({ tracing: tracing.enabled ? 'otlp' : `off: ${tracing.why}` }, 'tracing');
  const {
    store,
    logStore,
    database: db,
    close,
  } = await openProtectedEventStore(config, { logger });
  shutdown.onShutdown('event store', close);
  const authenticate = createAuthenticator(config.authentication);
  try {
    const service = await createProjectionsService({
      store,
      logStore,
      db,
      logger,
      metrics,
      authenticate,
      limits: config.graphql,
      readAfterTimeoutMs: config.graphql.readAfterTimeoutMs,
      exposure: config.graphql,
    });
    shutdown.onShutdown('projections (finish the current batch)', () => service.close());
    const app = createHttpApp({
      service: 'projections',
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
    shutdown.exitOnSignals();
    logger.info({ url: `${server.url}/graphql` }, 'projections ready');
  } catch (error) {
    // Whatever did start stops again, the store last, so the process can end.
    await shutdown.run('start-up failed');
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? error.message : (error as Error).message);
  process.exitCode = 1;
});
