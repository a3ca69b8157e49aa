// The three measurements, each bounded in time so that the whole bench stays within its budget.
import type { BenchTarget } from './benchTarget';
import { benchEvent, percentile, sleep } from './workload';

let runSequence = 0;

/**
 * Single-event appends with the expected revision checked. Each writer owns its streams and
 * cycles through them, so writers never conflict and every append is a real revision check.
 */
export async function appendThroughput(
  target: BenchTarget,
  writers: number,
  durationMs: number,
  streamsPerWriter = 16,
): Promise<number> {
  const run = `${(runSequence += 1)}-${writers}w`;
  let appended = 0;
  const deadline = performance.now() + durationMs;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      const revisions = new Array<number>(streamsPerWriter).fill(-1);
      for (let i = 0; performance.now() < deadline; i++) {
        const slot = i % streamsPerWriter;
        const streamId = `case-${run}-${writer}-${slot}`;
        await target.appendOne(streamId, revisions[slot]!, benchEvent(streamId, i));
        revisions[slot]! += 1;
        appended += 1;
      }
    }),
  );
  return appended / ((performance.now() - started) / 1000);
}

/** Fills the store up to `count` events with appends of `batch` events to new streams. */
export async function fillUpTo(target: BenchTarget, count: number, batch = 100, writers = 4) {
  const run = `fill-${(runSequence += 1)}`;
  let missing = count - (await target.eventCount());
  let next = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (missing > 0) {
        const size = Math.min(batch, missing);
        missing -= size;
        const streamId = `case-${run}-${(next += 1)}`;
        const events = Array.from({ length: size }, (_, step) => benchEvent(streamId, step));
        await target.appendBatch(streamId, events);
      }
    }),
  );
}

export interface ReplayFigures {
  eventsPerSecond: number;
  /** Events handed over (repeats included) and distinct events: both must equal the count. */
  handedOver: number;
  distinct: number;
}

export async function replayRate(
  target: BenchTarget,
  count: number,
  bySubscriber = false,
): Promise<ReplayFigures> {
  if (bySubscriber && !target.replayBySubscriber) throw new Error('no subscriber replay');
  const started = performance.now();
  const state = bySubscriber ? await target.replayBySubscriber!(count) : await target.replay(count);
  const seconds = (performance.now() - started) / 1000;
  return {
    eventsPerSecond: state.events / seconds,
    handedOver: state.events,
    distinct: state.eventIds.size,
  };
}

/** Where the subscriber runs: beside the writer (same store object), or on its own connection. */
export type SubscriberPlace = 'same store' | 'own connection';

export interface LagFigures {
  p50: number;
  p99: number;
  delivered: number;
  sent: number;
}

/**
 * Open-loop appends at a steady rate (each to a new stream, so a slow append never delays the
 * next one) while a subscriber records, per event, the time from the start of the append call
 * to the handler seeing it.
 */
export async function subscriberLag(
  target: BenchTarget,
  eventsPerSecond: number,
  durationMs: number,
  subscriber: SubscriberPlace,
  warmUpMs = 300,
): Promise<LagFigures> {
  const subscribe =
    subscriber === 'own connection'
      ? target.subscribeOnOwnConnection?.bind(target)
      : target.subscribe?.bind(target);
  if (!subscribe) throw new Error(`${target.name} has no subscriber on ${subscriber}`);
  const run = `lag-${(runSequence += 1)}`;
  const total = Math.round((eventsPerSecond * durationMs) / 1000);
  const warmUp = Math.round((eventsPerSecond * warmUpMs) / 1000);
  const lags: number[] = [];
  let received = 0;
  let allReceived: () => void = () => undefined;
  const everything = new Promise<void>((resolve) => (allReceived = resolve));
  const subscription = await subscribe((data) => {
    if (typeof data.caseId !== 'string' || !data.caseId.startsWith(run)) return;
    if (data.step >= warmUp) lags.push(performance.now() - data.sentAt);
    received += 1;
    if (received === total) allReceived();
  });
  const interval = 1000 / eventsPerSecond;
  const started = performance.now();
  const appends: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const streamId = `${run}-${i}`;
    appends.push(target.appendOne(streamId, -1, benchEvent(streamId, i)));
  }
  await Promise.all(appends);
  await Promise.race([everything, sleep(5000)]);
  await subscription.stop();
  return {
    p50: percentile(lags, 50),
    p99: percentile(lags, 99),
    delivered: received,
    sent: total,
  };
}
