// `npm run bench -w packages/eventstore`: append throughput, replay rate and subscriber lag of our
// event store on PGlite and PostgreSQL, compared in the same run, on the same PostgreSQL, with
// Emmett (the reference implementation) and with the raw ceiling of the database.
//
// BENCH_DATABASE_URL picks the server (default postgres://postgres@127.0.0.1:5432/test); the run
// creates `bench_<pid>` there and drops it at the end. BENCH_QUICK=1 shortens every phase.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchTarget } from './benchTarget';
import { createBenchDatabase, defaultServerUrl, describeServer } from './benchDatabase';
import { createEmmettTarget } from './emmettTarget';
import { openOurStore } from './ourStore';
import { printReport, ratio, type Figure, type Goal, type Section } from './report';
import { createRawPostgresTarget } from './rawPostgresTarget';
import {
  appendThroughput,
  fillUpTo,
  replayRate,
  subscriberLag,
  type LagFigures,
  type SubscriberPlace,
} from './scenarios';
import { median } from './workload';

const quick = process.env.BENCH_QUICK === '1';
const settings = {
  repetitions: quick ? 1 : 3,
  appendMs: quick ? 700 : 2000,
  lagMs: quick ? 1500 : 3000,
  lagRate: 500,
  pageSize: 1000,
  replayEvents: quick ? 5_000 : 30_000,
  /** The whole run must end within 5 minutes; phases that would start after this are skipped. */
  budgetMs: 4 * 60_000,
};
const startedAt = performance.now();
const withinBudget = () => performance.now() - startedAt < settings.budgetMs;

interface Slot {
  target: BenchTarget | null;
  /** Why the target is missing, printed in its cells. */
  missing?: string;
}

async function measure(
  slots: Slot[],
  run: (target: BenchTarget) => Promise<number>,
): Promise<(number[] | string)[]> {
  const samples = slots.map((slot) => (slot.target ? ([] as number[]) : (slot.missing ?? 'n/a')));
  // Repetitions are interleaved across targets so that drift (autovacuum, WAL growth) hits all.
  for (let repetition = 0; repetition < settings.repetitions && withinBudget(); repetition++) {
    for (const [index, slot] of slots.entries()) {
      const bucket = samples[index];
      if (!slot.target || bucket === undefined || typeof bucket === 'string') continue;
      try {
        bucket.push(await run(slot.target));
      } catch (error) {
        samples[index] = `failed: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
  }
  return samples;
}

const medianOf = (samples: number[] | string) =>
  typeof samples === 'string'
    ? samples
    : samples.length
      ? median(samples)
      : 'skipped (time budget)';

async function benchSection(title: string, slots: Slot[]): Promise<Section> {
  const figures: Figure[] = [];
  // Goals relative to Emmett and the raw ceiling only where those columns exist.
  const compared = slots.length >= 3;
  for (const writers of [1, 8]) {
    const samples = await measure(slots, (target) =>
      appendThroughput(target, writers, settings.appendMs),
    );
    figures.push({
      label: `appends/s, ${writers} writer${writers === 1 ? '' : 's'}`,
      values: samples.map(medianOf),
      ...(writers === 8 &&
        compared && { goals: [atLeast('≥2× Emmett', 1, 2), atLeast('≥60% raw', 2, 0.6)] }),
    });
  }
  const replayCount = settings.replayEvents;
  for (const slot of slots) if (slot.target) await fillUpTo(slot.target, replayCount);
  const replay = await measure(slots, (target) => replayMeasured(target, replayCount, false));
  figures.push({
    label: `replay events/s, pages (${replayCount})`,
    values: replay.map(medianOf),
    ...(compared && { goals: [atLeast('≥60% raw SELECT *', 2, 0.6)] }),
  });
  const subscriberSlots = slots.map((slot) =>
    slot.target?.replayBySubscriber ? slot : { target: null, missing: slot.missing ?? 'n/a' },
  );
  const bySubscriber = await measure(subscriberSlots, (target) =>
    replayMeasured(target, replayCount, true),
  );
  figures.push({
    label: `replay events/s, subscriber (${replayCount})`,
    values: bySubscriber.map(medianOf),
  });
  noteReplayMiscounts(title, slots, false);
  noteReplayMiscounts(title, subscriberSlots, true);
  // Lag: the p50 and p99 of each repetition, then the median of each over the repetitions. Once
  // with the subscriber on the writer's own store (woken in process), once on a connection of its
  // own (woken by LISTEN/NOTIFY across connections, as the projections service in its own process).
  for (const subscriber of ['same store', 'own connection'] as const) {
    figures.push(...(await lagFigures(title, slots, subscriber)));
  }
  return { title, columns: slots.map((slot, index) => slotName(slot, index)), figures };
}

async function lagFigures(
  title: string,
  slots: Slot[],
  subscriber: SubscriberPlace,
): Promise<Figure[]> {
  const capable = (target: BenchTarget) =>
    subscriber === 'own connection' ? target.subscribeOnOwnConnection : target.subscribe;
  const lagSlots = slots.map((slot) =>
    slot.target && capable(slot.target)
      ? slot
      : {
          target: null,
          missing:
            slot.missing ??
            (subscriber === 'own connection' && slot.target?.subscribe
              ? 'n/a (one connection)'
              : 'n/a (no subscriber)'),
        },
  );
  const lagRuns = new Map<BenchTarget, LagFigures[]>();
  const runs = await measure(lagSlots, async (target) => {
    const lag = await subscriberLag(target, settings.lagRate, settings.lagMs, subscriber);
    if (lag.delivered !== lag.sent) {
      findings.push(
        `${title}, ${target.name}, live subscriber (${subscriber}): ${lag.delivered} of ${lag.sent} events delivered within 5 s of the last append.`,
      );
    }
    lagRuns.set(target, [...(lagRuns.get(target) ?? []), lag]);
    return lag.p99;
  });
  const lagFigure = (key: 'p50' | 'p99') =>
    runs.map((samples, index) => {
      const target = lagSlots[index]!.target;
      return typeof samples === 'string' || !target
        ? medianOf(samples)
        : medianOf((lagRuns.get(target) ?? []).map((lag) => lag[key]));
    });
  return [
    { label: `lag p50 ms @${settings.lagRate}/s, ${subscriber}`, values: lagFigure('p50') },
    {
      label: `lag p99 ms @${settings.lagRate}/s, ${subscriber}`,
      values: lagFigure('p99'),
      goals: [atMost('≤50 ms', 50)],
    },
  ];
}

/** Replays that did not hand over every event exactly once, per target and kind. */
const replayMiscounts = new Map<string, string[]>();
const miscountKey = (target: BenchTarget, bySubscriber: boolean) =>
  `${target.name}/${bySubscriber ? 'subscriber' : 'pages'}`;

async function replayMeasured(target: BenchTarget, count: number, bySubscriber: boolean) {
  const { eventsPerSecond, handedOver, distinct } = await replayRate(target, count, bySubscriber);
  if (handedOver !== count || distinct !== count) {
    const key = miscountKey(target, bySubscriber);
    const run = `${handedOver} handed over, ${distinct} distinct`;
    replayMiscounts.set(key, [...(replayMiscounts.get(key) ?? []), run]);
  }
  return eventsPerSecond;
}

/** Anything a run saw that the figures alone do not say; printed under the tables. */
const findings: string[] = [];

function noteReplayMiscounts(section: string, slots: Slot[], bySubscriber: boolean): void {
  for (const slot of slots) {
    const miscounts = slot.target && replayMiscounts.get(miscountKey(slot.target, bySubscriber));
    if (!slot.target || !miscounts) continue;
    findings.push(
      `${section}, ${slot.target.name}, ${bySubscriber ? 'subscriber' : 'page'} replay of ` +
        `${settings.replayEvents} stored events: ${miscounts.join('; ')} ` +
        `(fewer distinct = events skipped, more handed over = events repeated); the rate counts what it handed over.`,
    );
  }
}

/** ours ≥ factor × the value in column `other`. */
const atLeast = (description: string, other: number, factor: number): Goal => ({
  description,
  check: (values) => {
    const value = ratio(values[0], values[other]);
    return value === null ? null : value >= factor;
  },
});

const atMost = (description: string, limit: number): Goal => ({
  description,
  check: ([ours]) => (typeof ours === 'number' ? ours <= limit : null),
});

const legend = `
ours: createSqlEventStore via openEventStore (PostgreSQL pool of 8 connections; PGlite one
  connection). Emmett: emmett-postgresql 0.42 on the same database (appendToStream with
  expectedStreamVersion; "pages" = readMessagesBatch, its global read, ${settings.pageSize} per page;
  "subscriber" = its consumer + reactor, batch ${settings.pageSize}, no pause between pulls, which
  stores a checkpoint per message; live lag = consumer with its defaults, batch 100, pulling every
  50 ms). raw PG: single-row INSERT per commit, one connection per writer; "pages" row = one
  SELECT * of the same number of rows. appends: single-event appends with the expected revision
  checked, each writer cycling over its own 16 streams. lag: from the start of the append call to
  the subscriber's handler, at a steady ${settings.lagRate} appends/s, p50/p99 per run, median over runs;
  "same store" = ours subscribed on the writer's store object (woken in process), "own connection"
  = ours subscribed on a second store with its own pool and LISTEN connection (woken by
  LISTEN/NOTIFY, as a projections service in its own process); Emmett's consumer always pulls on
  a pool of its own, so both of its rows measure the same setup.`;

const columnNames = ['ours', 'Emmett', 'raw PG'];
const slotName = (slot: Slot, index: number) => slot.target?.name ?? columnNames[index] ?? '?';

async function main(): Promise<void> {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? defaultServerUrl;
  const database = await createBenchDatabase(serverUrl);
  const pgliteDirectory = await mkdtemp(join(tmpdir(), 'bench-pglite-'));
  const opened: BenchTarget[] = [];
  const keep = <T extends BenchTarget | null>(target: T) => {
    if (target) opened.push(target);
    return target;
  };
  try {
    const server = await describeServer(database.url);
    console.log(
      `Event store bench: database ${database.name}; ${server}; ` +
        `${settings.repetitions} repetition(s), medians; appends ${settings.appendMs} ms, ` +
        `lag ${settings.lagMs} ms at ${settings.lagRate}/s (open loop, one new stream per event)\n`,
    );
    const oursOnPostgres = await openOurStore(
      { kind: 'postgres', url: database.url, schema: 'kot_events', maxConnections: 8 },
      settings.pageSize,
    );
    const postgresSlots: Slot[] = [
      { target: keep(oursOnPostgres.target), missing: oursOnPostgres.missing },
      {
        target: keep(
          await createEmmettTarget(database.url, {
            batchSize: settings.pageSize,
            pullingFrequencyInMs: 0,
          }),
        ),
      },
      { target: keep(await createRawPostgresTarget(database.url, 8)) },
    ];
    const sections = [await benchSection('PostgreSQL', postgresSlots)];
    const oursOnPglite = await openOurStore(
      { kind: 'pglite', dataDir: pgliteDirectory },
      settings.pageSize,
    );
    sections.push(
      await benchSection('PGlite (embedded, on disk)', [
        { target: keep(oursOnPglite.target), missing: oursOnPglite.missing },
      ]),
    );
    printReport(sections);
    if (findings.length)
      console.log(`\nFindings:\n${findings.map((line) => `- ${line}`).join('\n')}`);
    console.log(legend);
  } finally {
    await Promise.allSettled(opened.map((target) => target.close()));
    await rm(pgliteDirectory, { recursive: true, force: true });
    await database.drop();
    console.log(
      `\n(${((performance.now() - startedAt) / 1000).toFixed(0)} s; database ${database.name} dropped)`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
