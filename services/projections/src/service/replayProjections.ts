// Rebuilds projections from position 0 beside the live ones and switches, without serving
// queries: for `npm run replay`. A running service follows the switch (it is told through the
// database) and carries on with the new generation.
import type { EventStore, SqlDatabase } from '../eventStorePort';
import { runMigrations } from '../eventStorePort';
import { ensureLiveGeneration } from '../generations/generationRegistry';
import { rebuildProjection, type RebuildResult } from '../generations/rebuildProjection';
import type { Logger } from '../platformPort';
import { projections } from '../projections';
import { PROJECTIONS_COMPONENT, projectionsMigrations } from '../schema/projectionsMigrations';

export interface ReplayDeps {
  store: EventStore;
  db: SqlDatabase;
  logger: Logger;
  clock?: () => Date;
  batchSize?: number;
}

export async function replayProjections(
  deps: ReplayDeps,
  names?: readonly string[],
): Promise<RebuildResult[]> {
  const chosen =
    names && names.length > 0 ? projections.filter((p) => names.includes(p.name)) : projections;
  const unknown = (names ?? []).filter((name) => !projections.some((p) => p.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown projection(s) ${unknown.join(', ')}; choose from ${projections.map((p) => p.name).join(', ')}`,
    );
  }
  await runMigrations(deps.db, PROJECTIONS_COMPONENT, projectionsMigrations);
  const clock = deps.clock ?? (() => new Date());
  const results: RebuildResult[] = [];
  for (const projection of chosen) {
    await ensureLiveGeneration(deps.db, projection);
    const started = Date.now();
    const { result, runner } = await rebuildProjection(
      { store: deps.store, db: deps.db, clock, batchSize: deps.batchSize },
      projection,
    );
    await runner.stop();
    deps.logger.info({ ...result, ms: Date.now() - started }, 'projection replayed and switched');
    results.push(result);
  }
  return results;
}
