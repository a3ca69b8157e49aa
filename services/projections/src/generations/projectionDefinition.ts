import type { Instant } from '@kot/domain';
import type { RecordedEvent, SqlClient, SqlDatabase } from '../eventStorePort';

/**
 * A read model built from the log. Its tables carry a generation number: a rebuild fills the next
 * generation beside the live one and switches when it has caught up (blue/green). Raise `version`
 * whenever the tables or the way they are filled change: a process that finds a live generation
 * of an older version rebuilds it.
 */
export interface ProjectionDefinition {
  name: string;
  version: number;
  createTables(generation: number): string;
  dropTables(generation: number): string;
  /** Writes one batch through `tx`; runs in the same transaction as the checkpoint. */
  project(
    tx: SqlClient,
    events: readonly RecordedEvent[],
    generation: number,
    now: Instant,
  ): Promise<void>;
  /**
   * Recomputes what changes with the calendar alone, one pass bounded in time. Projections
   * without time-dependent fields leave it out.
   */
  refreshTimeDependent?(
    db: SqlDatabase,
    generation: number,
    now: Instant,
    limits: RefreshLimits,
  ): Promise<RefreshOutcome>;
}

export interface RefreshLimits {
  /** Rows per transaction. */
  chunkSize: number;
  /** A pass starts no new transaction after this long, so queries and subscribers get their turn. */
  maxPassMs: number;
}

export interface RefreshOutcome {
  /** Rows recomputed in this pass. */
  refreshed: number;
  /** False when the pass stopped at its time bound with stale rows left: run another one soon. */
  finished: boolean;
}

/** The checkpoint name of one generation: each generation reads the log on its own. */
export const subscriberName = (projection: ProjectionDefinition, generation: number): string =>
  `projection.${projection.name}.g${generation}`;
