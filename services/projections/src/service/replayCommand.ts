// `npm run replay`: rebuilds projections from position 0 on the data `npm start` uses and switches
// to them. It authenticates nobody, so it needs no token settings; on the embedded default it
// refuses a data directory that holds no platform data (a wrong path would otherwise replay an
// empty new database and report success) or that a running platform has open (PGlite allows one
// process per directory: run the rebuildProjections mutation there instead).
import {
  ConfigurationError,
  createLogger,
  loadStoreConfig,
  openProtectedEventStore,
} from '@kot/platform';
import type { Environment } from '@kot/platform';
import { replayProjections } from './replayProjections';

export interface ReplayOutput {
  info(line: string): void;
  error(line: string): void;
}

/** Runs the replay; returns the exit code. Every refusal is one sentence on `out.error`. */
export async function runReplay(
  env: Environment,
  names: readonly string[],
  out: ReplayOutput,
): Promise<number> {
  let opened;
  try {
    const config = loadStoreConfig(env);
    opened = await openProtectedEventStore(config, { existingOnly: true });
    const logger = createLogger({ service: 'projections-replay', level: config.logLevel });
    const where =
      config.eventStore.kind === 'pglite' ? config.eventStore.dataDir : config.eventStore.kind;
    const [first] = await opened.logStore.readAll({ limit: 1 });
    if (!first) {
      out.error(`The event log in ${where} holds no events: there is nothing to replay.`);
      return 1;
    }
    const results = await replayProjections(
      // The log as stored: read models hold no personal data, so nothing needs decrypting.
      { store: opened.logStore, db: opened.database, logger },
      names,
    );
    for (const result of results) {
      out.info(
        `${result.projection} v${result.version}: generation ${result.generation} live at position ${result.position} (was ${result.previousGeneration ?? 'none'}) in ${where}`,
      );
    }
    return 0;
  } catch (error) {
    out.error(error instanceof ConfigurationError ? error.message : (error as Error).message);
    return 1;
  } finally {
    await opened?.close();
  }
}
