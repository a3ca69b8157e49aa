// Group commit: appends that arrive while earlier ones are being written are queued, and the next
// free writer takes all of them into one statement: one round trip, one transaction, one commit
// (the commit's WAL flush is what bounds single-event appends). Nothing waits on purpose: the
// queue is flushed within the same turn of the event loop (after the appends already under way in
// it have been queued), so a lone writer goes alone, at once, through the single-append
// statement. Each append keeps its own outcome: see eventstore_append_batch for why one append
// that fails is undone alone.

import { MAX_APPEND_BYTES, MAX_EVENTS_PER_APPEND } from '../limits';
import type { PreparedAppend } from '../prepareAppend';

export interface GroupCommitWriter<Row> {
  /** A batch of one: the plain single-append statement. */
  writeOne(append: PreparedAppend): Promise<Row>;
  /** Several appends in one transaction; per append, in order, its row or the error that refused it alone. */
  writeBatch(appends: PreparedAppend[]): Promise<Array<Row | Error>>;
}

export interface GroupCommit<Row> {
  append(append: PreparedAppend): Promise<Row>;
  /** Resolves once nothing is queued or being written. */
  idle(): Promise<void>;
}

/**
 * On its careful path (see eventstore_append_each) every append of a batch is a subtransaction;
 * PostgreSQL keeps up to 64 per transaction in shared memory, beyond that snapshots get slower.
 */
export const MAX_APPENDS_PER_BATCH = 32;

interface Queued<Row> {
  append: PreparedAppend;
  resolve(row: Row): void;
  reject(error: unknown): void;
}

export function createGroupCommit<Row>(
  writer: GroupCommitWriter<Row>,
  concurrentBatches: number,
): GroupCommit<Row> {
  const queue: Queued<Row>[] = [];
  let writing = 0;
  let flushScheduled = false;
  let idleWaiters: Array<() => void> = [];

  const flush = () => {
    flushScheduled = false;
    while (writing < concurrentBatches && queue.length > 0) {
      writing += 1;
      void write(takeBatch(queue)).finally(() => {
        writing -= 1;
        flush();
        if (writing === 0 && queue.length === 0) {
          const waiters = idleWaiters;
          idleWaiters = [];
          for (const resolve of waiters) resolve();
        }
      });
    }
  };

  const write = async (batch: Queued<Row>[]) => {
    try {
      if (batch.length === 1) {
        const [only] = batch as [Queued<Row>];
        only.resolve(await writer.writeOne(only.append));
        return;
      }
      const outcomes = await writer.writeBatch(batch.map((queued) => queued.append));
      batch.forEach((queued, index) => {
        const outcome = outcomes[index] ?? new Error('the batch append returned too few rows');
        if (outcome instanceof Error) queued.reject(outcome);
        else queued.resolve(outcome);
      });
    } catch (error) {
      // The statement failed as a whole (a lost connection, say): each append gets its error.
      for (const queued of batch) queued.reject(error);
    }
  };

  return {
    append(append) {
      return new Promise<Row>((resolve, reject) => {
        queue.push({ append, resolve, reject });
        // A microtask, not a timer: appends started in this same turn join the batch, nobody waits.
        if (!flushScheduled) {
          flushScheduled = true;
          queueMicrotask(flush);
        }
      });
    },
    idle() {
      if (writing === 0 && queue.length === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
  };
}

/** The oldest queued appends that fit one transaction's limits (the first one always does). */
function takeBatch<Row>(queue: Queued<Row>[]): Queued<Row>[] {
  const batch = [queue.shift()!];
  let events = batch[0]!.append.events.length;
  let bytes = batch[0]!.append.bytes;
  for (let next = queue[0]; next && batch.length < MAX_APPENDS_PER_BATCH; next = queue[0]) {
    events += next.append.events.length;
    bytes += next.append.bytes;
    if (events > MAX_EVENTS_PER_APPEND || bytes > MAX_APPEND_BYTES) break;
    batch.push(queue.shift()!);
  }
  return batch;
}
