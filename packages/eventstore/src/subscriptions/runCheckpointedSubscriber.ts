// A subscriber whose progress is stored with its effects. Each batch runs the handler's writes and
// the checkpoint update in ONE transaction of the subscriber's database, so a crash at any point
// either keeps both or neither: no event is applied twice and none is lost. The checkpoint only
// moves from the value this instance last wrote, so a second instance running under the same
// name fails (CheckpointConflictError) instead of applying batches twice.

import type { EventStore, RecordedEvent, Subscription } from '../eventStore';
import { EventStoreError } from '../errors';
import { runMigrations } from '../sql/migrations';
import { toNumber, type SqlClient, type SqlDatabase } from '../sql/sqlDatabase';
import {
  CHECKPOINT_COMPONENT,
  checkpointMigrations,
  checkpointStatements,
} from './checkpointSchema';

export interface CheckpointedSubscriberOptions {
  /** Unique per subscriber (and version): `projection.worklist.v2`, `notifications.rules`. */
  name: string;
  batchSize?: number;
  /** Write the batch's effects through `tx` only; a throw rolls them back and stops the subscriber. */
  handle(tx: SqlClient, events: RecordedEvent[]): Promise<void>;
  /**
   * Told of each batch once its transaction has committed. Report progress from here, not from
   * `handle`: a reader told "handled" earlier could still miss the uncommitted rows.
   */
  onCommitted?(events: readonly RecordedEvent[]): void;
}

export class CheckpointConflictError extends EventStoreError {
  constructor(
    readonly subscriberName: string,
    readonly expectedPosition: number,
  ) {
    super(
      `Checkpoint of ${subscriberName} is no longer at ${expectedPosition}: another instance is running under this name`,
    );
  }
}

export async function runCheckpointedSubscriber(
  store: EventStore,
  db: SqlDatabase,
  options: CheckpointedSubscriberOptions,
): Promise<Subscription> {
  let checkpoint = await loadCheckpoint(db, options.name);
  return store.subscribeToAll({
    fromCheckpoint: checkpoint,
    batchSize: options.batchSize,
    handler: async (events) => {
      const last = events[events.length - 1];
      if (!last) return;
      await db.transaction(async (tx) => {
        await options.handle(tx, events);
        const moved = await tx.query(checkpointStatements.advance, [
          options.name,
          checkpoint,
          last.position,
        ]);
        if (moved.length !== 1) throw new CheckpointConflictError(options.name, checkpoint);
      });
      checkpoint = last.position;
      options.onCommitted?.(events);
    },
  });
}

/** The last position the subscriber fully handled (0 = nothing yet). */
export async function loadCheckpoint(db: SqlDatabase, name: string): Promise<number> {
  await runMigrations(db, CHECKPOINT_COMPONENT, checkpointMigrations);
  await db.query(checkpointStatements.create, [name]);
  const [row] = await db.query<{ position: unknown }>(checkpointStatements.load, [name]);
  return toNumber(row?.position ?? 0);
}
