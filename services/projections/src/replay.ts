// `npm run replay -w services/projections [-- case-summary case-history]`: rebuilds the named
// projections (all when none are named) from position 0 and switches to them.
import { createLogger, loadConfig, openProtectedEventStore } from '@kot/platform';
import { replayProjections } from './service/replayProjections';

async function replay(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger({ service: 'projections-replay', level: config.logLevel });
  const { store, database: db, close } = await openProtectedEventStore(config);
  try {
    const results = await replayProjections({ store, db, logger }, process.argv.slice(2));
    for (const result of results) {
      console.log(
        `${result.projection} v${result.version}: generation ${result.generation} live at position ${result.position} (was ${result.previousGeneration ?? 'none'})`,
      );
    }
  } finally {
    await close();
  }
}

replay().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exitCode = 1;
});
