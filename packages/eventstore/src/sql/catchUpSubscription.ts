// subscribeToAll for the SQL engines: read everything below the visible horizon in position order
// (catch-up), then sleep until a wake-up and read again (live). One loop, one batch handled at a
// time; during a catch-up the next batch is read while the handler works on the current one.
//
// Sleeping: after a wake-up we read at once. When committed rows are held back behind a
// still-running transaction (head >= horizon), we re-read with a short growing delay, because
// that transaction may not be an append and will not notify. Otherwise we wait for a wake-up,
// with a slow poll only as a safety net for a lost NOTIFY. A stall behind the horizon that lasts
// is reported (see deliveryHeldBack.ts): it is the one way delivery stops without an error.

import type { RecordedEvent, SubscribeToAllOptions, Subscription } from '../eventStore';
import { SubscriptionStoppedError } from '../errors';
import { assertSubscribeOptions } from '../readOptions';
import type { DeliveryHeldBack } from './deliveryHeldBack';

/** Events read below the horizon, with the horizon and head read just before them. */
export interface CatchUpPage {
  events: RecordedEvent[];
  horizon: number;
  head: number;
}

export interface CatchUpSource {
  /** Events after `position` (exclusive) below the visible horizon, in position order. */
  readAfter(position: number, limit: number): Promise<CatchUpPage>;
  /** head: newest committed position (0 when empty); horizon: first position not yet final. */
  readHorizon(): Promise<{ horizon: number; head: number }>;
  onWakeUp(callback: () => void): Promise<() => Promise<void>>;
  fallbackPollMs: number;
  /** Told once when a stall behind the horizon has lasted `warnAfterMs`, and once when it ends. */
  heldBack: { warnAfterMs: number; report(notice: DeliveryHeldBack): void };
}

export const DEFAULT_BATCH_SIZE = 100;
// The append that holds rows back notifies when it commits and ends the wait at once; the re-read
// is for one that rolls back, so it need not come quickly.
const HELD_BACK_DELAYS_MS = { first: 10, max: 100 };

export function startCatchUpSubscription(
  source: CatchUpSource,
  options: SubscribeToAllOptions,
): Subscription {
  assertSubscribeOptions(options);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const checkpoint = options.fromCheckpoint ?? 0;

  let position = checkpoint;
  let stopping = false;
  let ended: { error: unknown } | null = null;
  let wakeUpPending = false;
  let interruptSleep: (() => void) | null = null;
  let waiters: Array<{ target: number; resolve: () => void; reject: (error: unknown) => void }> =
    [];

  const wakeUp = () => {
    wakeUpPending = true;
    interruptSleep?.();
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (wakeUpPending || stopping) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        interruptSleep = null;
        resolve();
      }
      interruptSleep = done;
    });
  const resolveReachedWaiters = () => {
    const reached = waiters.filter((waiter) => waiter.target <= position);
    waiters = waiters.filter((waiter) => waiter.target > position);
    for (const waiter of reached) waiter.resolve();
  };

  const run = async () => {
    const unlisten = await source.onWakeUp(wakeUp);
    try {
      let heldBackDelay = HELD_BACK_DELAYS_MS.first;
      // A stall: committed rows wait behind the horizon and nothing was delivered since.
      let stalledSince: number | null = null;
      let reported = false;
      let lastHorizon = { horizon: 0, head: 0 };
      const report = (notice: DeliveryHeldBack) => {
        try {
          source.heldBack.report(notice);
        } catch {
          /* a failing report must not stop delivery */
        }
      };
      const progressed = () => {
        heldBackDelay = HELD_BACK_DELAYS_MS.first;
        if (reported && stalledSince !== null) {
          const heldBackForMs = Date.now() - stalledSince;
          report({ state: 'resumed', heldBackForMs, position, ...lastHorizon });
        }
        stalledSince = null;
        reported = false;
      };
      // The next batch, read while the handler works on a full one (a catch-up or a rebuild):
      // the database reads ahead while the handler folds, instead of one waiting for the other.
      let readAhead: Promise<CatchUpPage> | null = null;
      while (!stopping) {
        wakeUpPending = false;
        const page = await (readAhead ?? source.readAfter(position, batchSize));
        readAhead = null;
        if (stopping) break;
        const { events } = page;
        const newest = events[events.length - 1];
        if (newest) {
          if (events.length === batchSize) {
            readAhead = source.readAfter(newest.position, batchSize);
            // Not awaited when the handler fails or the subscription stops: that is no failure.
            readAhead.catch(() => undefined);
          }
          await options.handler(events);
          position = newest.position;
          resolveReachedWaiters();
          progressed();
          if (events.length === batchSize) continue;
        }
        // The horizon read with the page is enough to decide: an append that commits after it
        // notifies, and a notification during the handler makes the sleep below end at once.
        lastHorizon = { horizon: page.horizon, head: page.head };
        const { horizon, head } = lastHorizon;
        if (head <= position) {
          progressed();
          await sleep(source.fallbackPollMs);
        } else if (head >= horizon) {
          stalledSince ??= Date.now();
          const heldBackForMs = Date.now() - stalledSince;
          if (!reported && heldBackForMs >= source.heldBack.warnAfterMs) {
            reported = true;
            report({ state: 'held_back', heldBackForMs, position, horizon, head });
          }
          await sleep(heldBackDelay);
          heldBackDelay = Math.min(heldBackDelay * 2, HELD_BACK_DELAYS_MS.max);
        }
        // else: committed rows arrived below the horizon since our read; read again now.
      }
    } finally {
      await unlisten();
    }
  };

  const done = run().then(
    () => {
      ended = { error: new SubscriptionStoppedError() };
    },
    (error: unknown) => {
      ended = { error };
      throw error;
    },
  );
  // Settle waiters whichever way it ends; `done` itself stays for the owner to observe.
  done.then(
    () => rejectWaiters(new SubscriptionStoppedError()),
    (error: unknown) => rejectWaiters(error),
  );
  function rejectWaiters(error: unknown) {
    const pending = waiters;
    waiters = [];
    for (const waiter of pending) waiter.reject(error);
  }

  return {
    async whenCaughtUp() {
      if (ended) throw ended.error;
      const { head } = await source.readHorizon();
      if (position >= head) return;
      await new Promise<void>((resolve, reject) => {
        if (ended) return reject(ended.error);
        waiters.push({ target: head, resolve, reject });
      });
    },
    async stop() {
      stopping = true;
      interruptSleep?.();
      await done.catch(() => undefined);
    },
    done,
  };
}
