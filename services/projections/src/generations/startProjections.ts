// Runs every projection of this service: the live generation of each, a rebuild beside it when
// asked (or when the code's version is newer than the live one), the daily refresh of
// time-dependent fields, restarts after failures, and the lag figures for metrics and readiness.
import type { EventStore, RecordedEvent, SqlDatabase } from '../eventStorePort';
import { runMigrations } from '../eventStorePort';
import type { Logger } from '../platformPort';
import { PROJECTIONS_COMPONENT, projectionsMigrations } from '../schema/projectionsMigrations';
import { ensureLiveGeneration, readGenerations } from './generationRegistry';
import { startGenerationRunner, type GenerationRunner } from './generationRunner';
import { generationsChannel } from './generationsChannel';
import { createPositionWaiters } from './positionWaiters';
import type { ProjectionDefinition, RefreshLimits } from './projectionDefinition';
import { rebuildProjection, type RebuildResult } from './rebuildProjection';

export interface ProjectionsRuntimeDeps {
  store: EventStore;
  /** The log as stored (no decryption), for the lag figures; defaults to `store`. */
  log?: EventStore;
  db: SqlDatabase;
  logger: Logger;
  clock: () => Date;
  /** Seconds from append to handled, per event of a live generation. */
  observeLag?: (projection: string, seconds: number) => void;
}

export interface ProjectionsRuntimeOptions {
  batchSize?: number;
  /**
   * Refresh of calendar-dependent fields: a pass every `intervalMs`, and the next pass at once
   * while one ends with stale rows left. false to leave it to the caller.
   */
  refresh?: (RefreshLimits & { intervalMs: number }) | false;
  /** Back-off between restarts of a failed subscriber. */
  restartDelayMs?: { first: number; max: number };
}

export interface ProjectionLag {
  projection: string;
  version: number;
  generation: number;
  status: 'live' | 'building';
  /** Last log position handled by this process. */
  position: number;
  running: boolean;
  /** Age in seconds of the oldest event not yet handled; 0 when caught up. */
  lagSeconds: number;
  /** Events not yet handled, counted up to EVENTS_BEHIND_CAP. */
  eventsBehind: number;
  lastError: string | null;
}

export interface RunningProjections {
  /** The generation queries must read, as this process knows it. */
  liveGeneration(projection: string): number;
  lag(): Promise<ProjectionLag[]>;
  /** Resolves when every live generation has handled what was committed before the call. */
  whenCaughtUp(): Promise<void>;
  /**
   * Resolves true once every live generation has handled the log up to `position` (woken by
   * their checkpoints advancing), false when `timeoutMs` passes first.
   */
  whenReached(position: number, timeoutMs: number): Promise<boolean>;
  /** Blue/green rebuild of the named projections (all when omitted); joins one in progress. */
  rebuild(names?: readonly string[]): Promise<RebuildResult[]>;
  /** One refresh pass; returns the rows recomputed. Another pass follows at once if rows are left. */
  refreshTimeDependent(): Promise<number>;
  stop(): Promise<void>;
}

interface Slot {
  projection: ProjectionDefinition;
  liveGeneration: number;
  live: GenerationRunner | null;
  building: GenerationRunner | null;
  rebuilding: Promise<RebuildResult> | null;
  lastError: string | null;
  restartDelayMs: number;
}

/**
 * Events per subscriber batch at most. Live batches are as small as what arrived; a rebuild or a
 * catch-up fills them, and each batch costs a transaction, a load of the touched cases and their
 * rows recomputed once: ten times the store's default of 100 makes a rebuild about twice as fast.
 */
const DEFAULT_BATCH_SIZE = 1000;
const DEFAULT_REFRESH = { intervalMs: 60_000, chunkSize: 500, maxPassMs: 1_000 };
const DEFAULT_RESTART = { first: 500, max: 30_000 };
/** Counting further would read the backlog itself; beyond this the lag in seconds says enough. */
export const EVENTS_BEHIND_CAP = 1000;

export async function startProjections(
  deps: ProjectionsRuntimeDeps,
  projections: readonly ProjectionDefinition[],
  options: ProjectionsRuntimeOptions = {},
): Promise<RunningProjections> {
  const { store, db, logger, clock } = deps;
  const waiters = createPositionWaiters();
  const runnerDeps = {
    store,
    db,
    clock,
    batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
    onBatch: (name: string, generation: number, events: readonly RecordedEvent[]) => {
      waiters.advanced();
      const observe = deps.observeLag;
      if (!observe || slots.get(name)?.liveGeneration !== generation) return;
      const now = clock().getTime();
      for (const event of events) {
        observe(name, Math.max(0, (now - Date.parse(event.metadata.recordedAt)) / 1000));
      }
    },
  };
  const restart = options.restartDelayMs ?? DEFAULT_RESTART;
  const refresh = options.refresh === false ? null : (options.refresh ?? DEFAULT_REFRESH);
  let stopping = false;
  const timers = new Set<NodeJS.Timeout>();

  await runMigrations(db, PROJECTIONS_COMPONENT, projectionsMigrations);

  const slots = new Map<string, Slot>();
  const slotOf = (name: string): Slot => {
    const slot = slots.get(name);
    if (!slot) throw new Error(`Unknown projection ${name}`);
    return slot;
  };

  const supervise = (slot: Slot, runner: GenerationRunner) => {
    runner.done.then(
      (outcome) => {
        if (outcome === 'retired' && !stopping) void reconcile();
      },
      (error: unknown) => {
        if (stopping) return;
        slot.lastError = (error as Error).message;
        logger.error(
          { err: error, projection: slot.projection.name, generation: runner.generation },
          'projection subscriber failed; restarting after a pause',
        );
        if (slot.live === runner) slot.live = null;
        if (slot.building === runner) slot.building = null;
        scheduleRestart(slot);
      },
    );
  };

  const startLive = async (slot: Slot, generation: number) => {
    const runner = await startGenerationRunner(runnerDeps, slot.projection, generation);
    slot.live = runner;
    slot.liveGeneration = generation;
    supervise(slot, runner);
    // A generation built elsewhere may already be past what a query waits for.
    waiters.advanced();
  };

  const scheduleRestart = (slot: Slot) => {
    const delay = slot.restartDelayMs;
    slot.restartDelayMs = Math.min(delay * 2, restart.max);
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (stopping || slot.live) return;
      ensureLiveGeneration(db, slot.projection)
        .then((live) => startLive(slot, live.generation))
        .then(() => {
          slot.restartDelayMs = restart.first;
        })
        .catch((error: unknown) => {
          slot.lastError = (error as Error).message;
          scheduleRestart(slot);
        });
    }, delay);
    timers.add(timer);
  };

  /** Follows a switch made elsewhere (another process, or the replay command). */
  let reconciling: Promise<void> | null = null;
  const reconcile = (): Promise<void> => {
    reconciling ??= (async () => {
      try {
        const generations = await readGenerations(db);
        for (const slot of slots.values()) {
          if (slot.rebuilding || stopping) continue;
          const live = generations.find(
            (g) => g.projection === slot.projection.name && g.status === 'live',
          );
          if (!live || live.generation === slot.live?.generation) continue;
          const previous = slot.live;
          slot.live = null;
          await previous?.stop();
          await startLive(slot, live.generation);
          logger.info(
            { projection: slot.projection.name, generation: live.generation },
            'projection switched to a generation built elsewhere',
          );
        }
      } catch (error) {
        logger.error({ err: error }, 'could not follow a projection switch');
      } finally {
        reconciling = null;
      }
    })();
    return reconciling;
  };

  const rebuildSlot = (slot: Slot): Promise<RebuildResult> => {
    slot.rebuilding ??= (async () => {
      try {
        const { result, runner } = await rebuildProjection(runnerDeps, slot.projection, (r) => {
          slot.building = r;
        });
        const previous = slot.live;
        slot.live = runner;
        slot.liveGeneration = runner.generation;
        slot.building = null;
        if (previous !== runner) supervise(slot, runner);
        await previous?.stop();
        logger.info({ ...result }, 'projection rebuilt and switched');
        return result;
      } finally {
        slot.rebuilding = null;
        slot.building = null;
      }
    })();
    return slot.rebuilding;
  };

  for (const projection of projections) {
    const live = await ensureLiveGeneration(db, projection);
    const slot: Slot = {
      projection,
      liveGeneration: live.generation,
      live: null,
      building: null,
      rebuilding: null,
      lastError: null,
      restartDelayMs: restart.first,
    };
    slots.set(projection.name, slot);
    await startLive(slot, live.generation);
  }

  // A newer version of the code, or a rebuild that a stopped process left half done.
  const generations = await readGenerations(db);
  for (const slot of slots.values()) {
    const live = generations.find(
      (g) => g.projection === slot.projection.name && g.status === 'live',
    );
    const building = generations.some(
      (g) => g.projection === slot.projection.name && g.status === 'building',
    );
    if (building || (live && live.version !== slot.projection.version)) {
      logger.info(
        {
          projection: slot.projection.name,
          liveVersion: live?.version,
          version: slot.projection.version,
        },
        'rebuilding projection in the background',
      );
      rebuildSlot(slot).catch((error: unknown) =>
        logger.error({ err: error, projection: slot.projection.name }, 'background rebuild failed'),
      );
    }
  }

  const unlisten = await db.listen(generationsChannel(db), () => {
    if (!stopping) void reconcile();
  });

  let refreshing: Promise<number> | null = null;
  const refreshTimeDependent = (): Promise<number> => {
    refreshing ??= (async () => {
      let unfinished = false;
      try {
        let total = 0;
        const limits = refresh ?? DEFAULT_REFRESH;
        for (const slot of slots.values()) {
          const refreshSlot = slot.projection.refreshTimeDependent;
          if (!refreshSlot) continue;
          const generations = new Set([slot.liveGeneration, slot.building?.generation]);
          for (const generation of generations) {
            if (generation === undefined) continue;
            const outcome = await refreshSlot(db, generation, clock().toISOString(), limits);
            total += outcome.refreshed;
            unfinished ||= !outcome.finished;
          }
        }
        return total;
      } finally {
        refreshing = null;
        if (unfinished && refresh && !stopping) continueRefreshSoon();
      }
    })();
    return refreshing;
  };
  const refreshInBackground = () => {
    refreshTimeDependent().catch((error: unknown) =>
      logger.error({ err: error }, 'refresh of time-dependent fields failed'),
    );
  };
  // The next pass as soon as this one has let others have their turn, not a minute later.
  const continueRefreshSoon = () => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!stopping) refreshInBackground();
    }, 0);
    timer.unref();
    timers.add(timer);
  };
  if (refresh) {
    const interval = setInterval(refreshInBackground, refresh.intervalMs);
    interval.unref();
    timers.add(interval);
  }

  return {
    liveGeneration: (name) => slotOf(name).liveGeneration,
    async lag() {
      const now = clock().getTime();
      const figures: ProjectionLag[] = [];
      for (const slot of slots.values()) {
        const runners: Array<[GenerationRunner | null, 'live' | 'building', number]> = [
          [slot.live, 'live', slot.liveGeneration],
        ];
        if (slot.building) runners.push([slot.building, 'building', slot.building.generation]);
        for (const [runner, status, generation] of runners) {
          const position = runner?.position() ?? 0;
          // Only positions and times are needed: never decrypt up to a thousand events for them.
          const unhandled = await (deps.log ?? store).readAll({
            fromPosition: position,
            limit: EVENTS_BEHIND_CAP,
          });
          const next = unhandled[0];
          const age = next ? (now - Date.parse(next.metadata.recordedAt)) / 1000 : 0;
          figures.push({
            projection: slot.projection.name,
            version: slot.projection.version,
            generation,
            status,
            position,
            running: runner !== null,
            lagSeconds: Math.max(0, age),
            eventsBehind: unhandled.length,
            lastError: slot.lastError,
          });
        }
      }
      return figures;
    },
    async whenCaughtUp() {
      for (const slot of slots.values()) {
        if (!slot.live) throw new Error(`Projection ${slot.projection.name} is not running`);
        await slot.live.whenCaughtUp();
      }
    },
    whenReached(position, timeoutMs) {
      const reached = () =>
        [...slots.values()].every((slot) => (slot.live?.position() ?? -1) >= position);
      return waiters.wait(reached, timeoutMs);
    },
    async rebuild(names) {
      const chosen = names && names.length > 0 ? names.map(slotOf) : [...slots.values()];
      return Promise.all(chosen.map(rebuildSlot));
    },
    refreshTimeDependent,
    async stop() {
      if (stopping) return;
      stopping = true;
      waiters.close();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await unlisten();
      await refreshing?.catch(() => undefined);
      for (const slot of slots.values()) {
        await Promise.all([slot.live?.stop(), slot.building?.stop()]);
      }
    },
  };
}
