// Runs the referrals service on its own: `npm run start -w services/referrals`.
// On PGlite the data directory belongs to one process; run the services together with the
// launcher, or give this one its own DATA_DIR.
import 'reflect-metadata';
import { personalFields } from '@kot/domain';
import { createSqlKeyStore, openEventStore, protectPersonalData } from '@kot/eventstore';
import {
  ConfigurationError,
  createAuthenticator,
  createLogger,
  createShutdown,
  embeddedMasterKey,
  loadConfig,
  startHttpServer,
} from '@kot/platform';
import { createReferralsService } from './createReferralsService';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger({ service: 'referrals', level: config.logLevel });
  const shutdown = createShutdown({ logger, timeoutMs: config.shutdownTimeoutMs });
  shutdown.exitOnSignals();

  if (config.eventStore.kind === 'kurrentdb') {
    throw new ConfigurationError([
      'EVENTSTORE: kurrentdb is not available in this build yet; use pglite or postgres',
    ]);
  }
  const { store: plainStore, database } = await openEventStore(config.eventStore);
  shutdown.onShutdown('event store', () => plainStore.close());
  if (!database) throw new Error('the event store has no SQL database for its key store');
  // loadConfig insists on PERSONAL_DATA_MASTER_KEY for servers; embedded mode keeps one in DATA_DIR.
  const masterKey =
    config.personalDataMasterKey ??
    embeddedMasterKey(config.eventStore.kind === 'pglite' ? config.eventStore.dataDir : './data');
  const keyStore = await createSqlKeyStore(database, { masterKey });
  const store = protectPersonalData(plainStore, { keyStore, personalFields });

  const service = await createReferralsService({
    store,
    authenticate: createAuthenticator(config.authentication),
    logger,
    bodyLimitBytes: config.http.bodyLimitBytes,
    graphqlLimits: config.graphql,
  });
  shutdown.onShutdown('graphql', () => service.close());
  const server = await startHttpServer(service.app, config.http);
  shutdown.onShutdown('http server', () => server.close(config.shutdownTimeoutMs));
  logger.info(
    { url: `${server.url}/graphql`, rest: `${server.url}/commands/<CommandType>` },
    'referrals service listening',
  );
}

main().catch((error: unknown) => {
  // Configuration problems are for a person to read, not a stack trace.
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});
