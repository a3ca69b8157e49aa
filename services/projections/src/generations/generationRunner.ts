// Keeps one generation of one projection up to date: a checkpointed subscriber whose every batch
// writes the read-model rows and the checkpoint in one transaction.
import type { EventStore, RecordedEvent, SqlDatabase } from '../eventStorePort';
import { loadCheckpoint, runCheckpointedSubscriber } from '../eventStorePort';
import { batchSpanOptions, inSpan, traceparentOf } from '../platformPort';
import { assertGenerationActive, GenerationRetiredError } from './generationRegistry';
import { subscriberName, type ProjectionDefinition } from './projectionDefinition';

export interface GenerationRunner {
  projection: ProjectionDefinition;
  generation: number;
  /** The last position this process handled (checkpoint as of the last batch). */
  position(): number;
  whenCaughtUp(): Promise<void>;
  /** Finishes the batch in progress (and its checkpoint), then stops. */
  stop(): Promise<void>;
  /** 'stopped' after stop(), 'retired' when another switch retired the generation; rejects on failure. */
  readonly done: Promise<'stopped' | 'retired'>;
}

export interface GenerationRunnerDeps {
  store: EventStore;
  db: SqlDatabase;
  clock: () => Date;
  batchSize?: number;
  /** Told of every batch once it is committed, e.g. to observe the lag. */
  onBatch?: (projection: string, generation: number, events: readonly RecordedEvent[]) => void;
}

export async function startGenerationRunner(
  deps: GenerationRunnerDeps,
  projection: ProjectionDefinition,
  generation: number,
): Promise<GenerationRunner> {
  const name = subscriberName(projection, generation);
  let position = await loadCheckpoint(deps.db, name);
  const subscription = await runCheckpointedSubscriber(deps.store, deps.db, {
    name,
    batchSize: deps.batchSize,
    handle(tx, events) {
      // Continues the trace of the command that appended the events (their metadata's traceparent).
      const span = batchSpanOptions(
        events.map((event) => traceparentOf(event.metadata)),
        { 'kot.projection': projection.name, 'kot.events': events.length },
      );
      return inSpan(`project ${projection.name}`, span, async () => {
        await assertGenerationActive(tx, projection.name, generation);
        await projection.project(tx, events, generation, deps.clock().toISOString());
      });
    },
    onCommitted(events) {
      position = events[events.length - 1]?.position ?? position;
      deps.onBatch?.(projection.name, generation, events);
    },
  });
  const done = subscription.done.then(
    () => 'stopped' as const,
    (error: unknown) => {
      if (error instanceof GenerationRetiredError) return 'retired' as const;
      throw error;
    },
  );
  // Whoever awaits `done` sees the failure; this only keeps an unawaited rejection from crashing.
  done.catch(() => undefined);
  return {
    projection,
    generation,
    position: () => position,
    whenCaughtUp: () => subscription.whenCaughtUp(),
    stop: () => subscription.stop(),
    done,
  };
}
