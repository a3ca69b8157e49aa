// Runs the referrals service on its own: `npm run start -w services/referrals`.
// On PGlite the data directory belongs to one process; run the services together with the
// launcher, or give this one its own DATA_DIR.
import 'reflect-metadata';
import {
  ConfigurationError,
  createAuthenticator,
  createLogger,
  createShutdown,
  developmentWarnings,
  loadConfig,
  openProtectedEventStore,
  startHttpServer,
} from '@kot/platform';
import { startTracing } from '@kot/tracing';
import { createReferralsService } from './createReferralsService';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger({ service: 'referrals', level: config.logLevel });
  for (const warning of developmentWarnings(config)) logger.warn(warning);
  const shutdown = createShutdown({ logger, timeoutMs: config.shutdownTimeoutMs });
  // Off unless an OTLP endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT): nothing leaves the
  // embedded demo. Shut down last, so the spans of the shutdown itself are sent.
  const tracing = startTracing({ service: 'referrals' });
  shutdown.onShutdown('tracing', () => tracing.shutdown());
  logger.info({ tracing: tracing.enabled ? 'otlp' : `off: ${tracing.why}` }, 'tracing');
  shutdown.exitOnSignals();

  const { store, close } = await openProtectedEventStore(config, { logger });
  shutdown.onShutdown('event store', close);
  try {
    const service = await createReferralsService({
      store,
      authenticate: createAuthenticator(config.authentication),
      logger,
      bodyLimitBytes: config.http.bodyLimitBytes,
      graphqlLimits: config.graphql,
      graphqlExposure: config.graphql,
      edge: config.edge,
    });
    shutdown.onShutdown('graphql', () => service.close());
    const server = await startHttpServer(service.app, config.http);
    shutdown.onShutdown('http server', () => server.close(config.shutdownTimeoutMs));
    logger.info(
      { url: `${server.url}/graphql`, rest: `${server.url}/commands/<CommandType>` },
      'referrals service listening',
    );
  } catch (error) {
    // Close what did open (the store releases its data directory) before the process exits.
    await shutdown.run('start-up failed');
    throw error;
  }
}

main().catch((error: unknown) => {
  // Configuration problems are for a person to read, not a stack trace.
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});
