// Opens our event store through the package's public entry for the bench. An engine that cannot
// be opened here (a missing driver, say) becomes a printed "n/a" with the reason instead of
// failing the whole run.
import { openEventStore, type EventStoreConfig } from '../src/index';
import type { BenchTarget } from './benchTarget';
import { createPortTarget } from './portTarget';

export async function openOurStore(
  config: EventStoreConfig,
  pageSize: number,
): Promise<{ target: BenchTarget | null; missing?: string }> {
  try {
    const { store } = await openEventStore(config);
    // On PostgreSQL a second store, with its own pool and LISTEN connection, for the subscriber
    // that is woken across connections (PGlite has only one connection).
    const subscriberStore =
      config.kind === 'postgres'
        ? (await openEventStore({ ...config, maxConnections: 2 })).store
        : null;
    return { target: createPortTarget('ours', store, pageSize, subscriberStore) };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    // The full reason once; the table cell keeps it short.
    console.warn(`Our ${config.kind} store could not be opened: ${reason}`);
    return { target: null, missing: `n/a: ${reason.split(' (')[0]}` };
  }
}
