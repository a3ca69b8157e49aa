// subscribeToAll on KurrentDB: one native catch-up subscription to $all (the server switches from
// catch-up to live by itself and keeps $all order), read ahead into a bounded buffer so that the
// handler gets batches of whatever has arrived while the previous batch was handled. When the
// server drops the subscription (a lost connection, a leader change), it is opened again from the
// last position read, with back-off, up to `maxResubscribes` times in a row; events in $all that
// the platform did not write are skipped, never fatal.
import type { RecordedEvent, SubscribeToAllOptions, Subscription } from '../eventStore';
import { SubscriptionStoppedError } from '../errors';
import { fromKurrentEvent, isPlatformEvent } from './eventMapping';
import {
  START,
  type KurrentAllSubscription,
  type KurrentClient,
  type KurrentFilter,
} from './kurrentClient';
import type { KurrentMetrics } from './kurrentMetrics';
import { toKurrentPosition } from './positionMapping';
import { pauseAfter, type RetryPolicy, type RetryTiming } from './retryPolicy';

export interface KurrentSubscriptionDependencies {
  client: KurrentClient;
  /** Position of the last user event in $all now (0 when there is none). */
  readHeadPosition(): Promise<number>;
  defaultBatchSize: number;
  filter: KurrentFilter;
  /** Resubscriptions in a row (without an event in between) before the subscription fails. */
  maxResubscribes: number;
  /** The back-off between resubscriptions. */
  retry: RetryPolicy;
  timing: RetryTiming;
  metrics: KurrentMetrics;
  now(): Date;
}

interface CaughtUpWaiter {
  position: number;
  resolve(): void;
  reject(error: unknown): void;
}

export function subscribeToKurrentAll(
  {
    client,
    readHeadPosition,
    defaultBatchSize,
    filter,
    maxResubscribes,
    retry,
    timing,
    metrics,
    now,
  }: KurrentSubscriptionDependencies,
  { fromCheckpoint, batchSize = defaultBatchSize, handler }: SubscribeToAllOptions,
): Subscription {
  const startAfter = fromCheckpoint ?? 0;
  // Read-ahead bound: enough for the next few batches, small enough to keep memory flat on replays.
  const highWaterMark = batchSize * 4;
  const open = (after: number): KurrentAllSubscription =>
    client.subscribeToAll({
      fromPosition: after > 0 ? toKurrentPosition(after) : START,
      filter,
    });
  let source = open(startAfter);

  const buffer: RecordedEvent[] = [];
  let handledPosition = startAfter;
  let stopping = false;
  let sourceEnded = false;
  let failure: { error: unknown } | null = null;
  let wakeDelivery: (() => void) | null = null;
  let wakeReader: (() => void) | null = null;
  const waiters: CaughtUpWaiter[] = [];

  const signal = (wake: (() => void) | null) => wake?.();
  const fail = (error: unknown) => {
    failure ??= { error };
    signal(wakeDelivery);
    signal(wakeReader);
  };

  /** The position of the last event put in the buffer: where a resubscription starts after. */
  let queuedPosition = startAfter;
  /** Reads one opened subscription into the buffer; returns how many events it queued. */
  const readSource = async (): Promise<number> => {
    let queued = 0;
    for await (const resolved of source) {
      if (stopping || failure) break;
      if (!resolved.event) continue;
      if (!isPlatformEvent(resolved.event)) {
        metrics.foreignEventSkipped();
        continue;
      }
      const event = fromKurrentEvent(resolved.event, 'all');
      // A subscription from a position starts after it; the guard makes that independent of the server version.
      if (event.position <= queuedPosition) continue;
      queuedPosition = event.position;
      queued += 1;
      buffer.push(event);
      signal(wakeDelivery);
      while (buffer.length >= highWaterMark && !stopping && !failure) {
        await new Promise<void>((resolve) => (wakeReader = resolve));
        wakeReader = null;
      }
    }
    return queued;
  };

  const readAhead = async () => {
    let dropsInARow = 0;
    try {
      for (;;) {
        let dropped: unknown = new Error('The KurrentDB subscription to $all ended');
        const before = queuedPosition;
        try {
          await readSource();
        } catch (error) {
          dropped = error;
        }
        if (stopping || failure) break;
        if (queuedPosition > before) dropsInARow = 0;
        // The server dropped it (or it ended): open it again after the last queued event.
        dropsInARow += 1;
        if (dropsInARow > maxResubscribes) {
          fail(dropped);
          break;
        }
        await source.unsubscribe().catch(() => undefined);
        await timing.sleep(pauseAfter(retry, dropsInARow, timing));
        if (stopping || failure) break;
        metrics.resubscribed();
        source = open(queuedPosition);
      }
    } catch (error) {
      if (!stopping) fail(error);
    } finally {
      sourceEnded = true;
      signal(wakeDelivery);
    }
  };

  const deliver = async () => {
    while (!stopping && !failure) {
      if (buffer.length === 0) {
        if (sourceEnded) break;
        await new Promise<void>((resolve) => (wakeDelivery = resolve));
        wakeDelivery = null;
        continue;
      }
      const batch = buffer.splice(0, batchSize);
      signal(wakeReader);
      try {
        await handler(batch);
      } catch (error) {
        fail(error);
        break;
      }
      const last = batch[batch.length - 1]!;
      handledPosition = last.position;
      const recordedAt = Date.parse(last.metadata.recordedAt);
      if (Number.isFinite(recordedAt)) metrics.subscriptionLag(now().getTime() - recordedAt);
      for (const waiter of waiters.filter((w) => w.position <= handledPosition)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };

  const reading = readAhead();
  const done = (async () => {
    await deliver();
    stopping = true;
    signal(wakeReader);
    await source.unsubscribe().catch(() => undefined);
    await reading;
    // Read through a cast: the compiler cannot see that the callbacks above assign it.
    const failed = failure as { error: unknown } | null;
    const ended = failed ? failed.error : new SubscriptionStoppedError();
    for (const waiter of waiters.splice(0)) waiter.reject(ended);
    if (failed) throw failed.error;
  })();
  // The caller may only ever call stop(); an unobserved failure must not crash the process.
  done.catch(() => undefined);

  return {
    done,
    async whenCaughtUp() {
      const refusal = () => (failure ? failure.error : new SubscriptionStoppedError());
      if (failure || stopping) throw refusal();
      const position = await readHeadPosition();
      if (failure || stopping) throw refusal();
      if (handledPosition >= position) return;
      await new Promise<void>((resolve, reject) => waiters.push({ position, resolve, reject }));
    },
    async stop() {
      stopping = true;
      signal(wakeDelivery);
      signal(wakeReader);
      await done.catch(() => undefined);
    },
  };
}
