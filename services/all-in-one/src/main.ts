// `npm start`: the whole platform in one process on the embedded default (PGlite in data/), with
// demo organisations, and the URL and a token per demo role printed to get going.
import { ConfigurationError, createLogger, createShutdown } from '@kot/platform';
import { startPlatform } from './startPlatform';
import { welcomeText } from './welcomeText';

async function main(): Promise<void> {
  const started = Date.now();
  const platform = await startPlatform({ env: process.env });
  const logger = createLogger({ service: 'all-in-one', level: platform.config.logLevel });
  const shutdown = createShutdown({ logger, timeoutMs: platform.config.shutdownTimeoutMs });
  shutdown.onShutdown('platform', () => platform.close());
  shutdown.exitOnSignals();
  console.log(welcomeText(platform, Date.now() - started));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});
