// Blue/green rebuild of one projection: fill the next generation from position 0 beside the live
// one, switch when it has caught up, and tell every process of the switch.
import type { ProjectionDefinition } from './projectionDefinition';
import { beginBuilding, switchToGeneration } from './generationRegistry';
import {
  startGenerationRunner,
  type GenerationRunner,
  type GenerationRunnerDeps,
} from './generationRunner';
import { generationsChannel } from './generationsChannel';

export interface RebuildResult {
  projection: string;
  version: number;
  generation: number;
  previousGeneration: number | null;
  /** The log position the new generation had handled when it went live. */
  position: number;
  switchedAt: string;
}

/**
 * Resolves with the runner of the new live generation, still running: the caller keeps it as its
 * live runner, or stops it when nothing else should run in this process (the replay command).
 */
export async function rebuildProjection(
  deps: GenerationRunnerDeps,
  projection: ProjectionDefinition,
  /** Told of the runner that fills the new generation as soon as it runs. */
  onBuilding?: (runner: GenerationRunner) => void,
): Promise<{ result: RebuildResult; runner: GenerationRunner }> {
  const building = await beginBuilding(deps.db, projection);
  const runner = await startGenerationRunner(deps, projection, building.generation);
  onBuilding?.(runner);
  try {
    await runner.whenCaughtUp();
    const { previous } = await switchToGeneration(deps.db, projection, building.generation);
    deps.db.notify(generationsChannel(deps.db));
    return {
      runner,
      result: {
        projection: projection.name,
        version: building.version,
        generation: building.generation,
        previousGeneration: previous,
        position: runner.position(),
        switchedAt: deps.clock().toISOString(),
      },
    };
  } catch (error) {
    await runner.stop().catch(() => undefined);
    throw error;
  }
}
