// `npm start`: the whole platform in one process on the embedded default (PGlite in data/), with
// demo organisations, and the URL and a token per demo role printed to get going.
import { ConfigurationError, createLogger, createShutdown } from '@kot/platform';
import { startTracing } from '@kot/tracing';
import { startPlatform } from './startPlatform';
import { welcomeText } from './welcomeText';

async function main(): Promise<void> {
  const started = Date.now();
  const platform = await startPlatform({ env: process.env });
  const logger = createLogger({ service: 'all-in-one', level: platform.config.logLevel });
  const shutdown = createShutdown({ logger, timeoutMs: platform.config.shutdownTimeoutMs });
  // Off unless an OTLP endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT): nothing leaves the
  // embedded demo. Shut down last, so the spans of the shutdown itself are sent.
  const tracing = startTracing({ service: 'all-in-one' });
  shutdown.onShutdown('tracing', () => tracing.shutdown());
  // Said only when on: the embedded demo's first screen is the welcome text.
  if (tracing.enabled) logger.info({ tracing: 'otlp' }, 'tracing');
  shutdown.onShutdown('platform', () => platform.close());
  shutdown.exitOnSignals();
  console.log(welcomeText(platform, Date.now() - started));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});
