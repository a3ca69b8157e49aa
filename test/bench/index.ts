// `npm run bench -w test`: the issue's performance figures, against its targets.
//   (iii) embedded start to the first GraphQL answer, and resident memory (PGlite, fresh data dir)
//   (i)   worklist and case latency with BENCH_CASES cases (default 100 000) on PostgreSQL, seeded
//         through the real append path
//   (ii)  projection lag, append to visible in GraphQL, at 500 commands/s
// Everything is bounded: seeding stops at its time budget (and says how far it got), every wait
// has a limit. The database bench_<pid> is dropped at the end, also after a failure.
//
//   BENCH_CASES=5000 npm run bench -w test        a quick run (about two minutes)
//   BENCH_DATABASE_URL=postgres://…/db            another server (default 127.0.0.1:5432)
import { randomBytes } from 'node:crypto';
import { dateInAmsterdam, type Actor } from '@kot/domain';
import { issueToken } from '@kot/platform';
import {
  benchServerUrl,
  createBenchDatabase,
  describeServer,
  settleAfterBulkLoad,
  standInForAutovacuum,
} from './benchDatabase';
import { measureEmbeddedStart, type EmbeddedStartFigures } from './embeddedStart';
import { describeLatency, ms } from './latencies';
import { startPlatformProcess } from './platformProcess';
import { measureProjectionLag } from './projectionLag';
import { measureReadLatency } from './readLatency';
import { seedCaseload, seedingClock } from './seedCaseload';
import { startSeedingPlatform } from './seedingPlatform';
import { watchWriteTransactions } from './writeTransactions';

const settings = {
  cases: Number(process.env['BENCH_CASES'] ?? 100_000),
  concurrency: Number(process.env['BENCH_CONCURRENCY'] ?? 16),
  seedMinutes: Number(process.env['BENCH_SEED_MINUTES'] ?? 10),
  requests: Number(process.env['BENCH_REQUESTS'] ?? 500),
  lagPerSecond: 500,
  lagSeconds: Number(process.env['BENCH_LAG_SECONDS'] ?? 20),
  lagWarmUpSeconds: 5,
  embeddedRuns: 3,
};

const targets = { readP99Ms: 15, lagP99Ms: 50, startMs: 5_000, rssMb: 1024 };

async function main(): Promise<void> {
  const benchStarted = Date.now();
  console.log(
    `KOT platform bench: ${settings.cases.toLocaleString('en-US')} cases, ${new Date().toISOString()}`,
  );

  console.log('\n(iii) Embedded start (PGlite, fresh data directory, demo cases seeded)');
  const starts: EmbeddedStartFigures[] = [];
  for (let run = 0; run < settings.embeddedRuns; run++) {
    const figures = await measureEmbeddedStart();
    starts.push(figures);
    console.log(
      `  run ${run + 1}: first GraphQL answer ${ms(figures.firstAnswerMs)}, start finished ${ms(figures.welcomeMs)}, ` +
        `RSS ${figures.rssMb.toFixed(0)} MB (after 3 s ${figures.settledRssMb.toFixed(0)} MB, peak ${figures.peakRssMb.toFixed(0)} MB)`,
    );
  }

  const database = await createBenchDatabase();
  try {
    console.log(`\nPostgreSQL: ${await describeServer(benchServerUrl)}; database ${database.name}`);
    const env = {
      EVENTSTORE: 'postgres',
      DATABASE_URL: database.url,
      PERSONAL_DATA_MASTER_KEY: randomBytes(32).toString('base64'),
      JWT_SECRET: randomBytes(32).toString('hex'),
      // A benchmark is a flood from one person by design; the rate limits are not what it measures.
      RATE_LIMIT_PER_SUBJECT: '1000000',
      RATE_LIMIT_PER_ADDRESS: '1000000',
    };
    const tokenFor = (actor: Actor) =>
      issueToken(env.JWT_SECRET, actor, '2h', { issuer: 'kot-platform', audience: 'kot-platform' });

    console.log(
      `\n(i) Seeding through executeCommand, ${settings.concurrency} cases in flight, budget ${settings.seedMinutes} min`,
    );
    const seeder = await startSeedingPlatform(env, seedingClock);
    const today = dateInAmsterdam(new Date().toISOString());
    const upkeep = await standInForAutovacuum(database.url, 120_000);
    if (upkeep.active) {
      console.log(
        '  autovacuum is off on this server: the bench runs VACUUM (ANALYZE) every 2 min instead',
      );
    }
    let seeding;
    try {
      seeding = await seedCaseload(seeder, {
        cases: settings.cases,
        concurrency: settings.concurrency,
        budgetMs: settings.seedMinutes * 60_000,
      });
      const head = await seeder.countHistoryAsNotified();
      console.log(
        `  the seeded history counts as notified: the notifications start after position ${head}`,
      );
    } finally {
      await seeder.close();
      await upkeep.stop();
    }
    if (seeding.cutShort) {
      console.log(
        `  the time budget ran out: measuring with ${seeding.cases.toLocaleString('en-US')} cases, not ${settings.cases.toLocaleString('en-US')}`,
      );
    }

    const settled = await settleAfterBulkLoad(database.url);
    console.log(
      `  after seeding: VACUUM (ANALYZE) and CHECKPOINT in ${settled.toFixed(1)} s, so the bulk load is not flushed while measuring`,
    );

    // Measured against the launcher in its own process, as an operator runs it.
    const server = await startPlatformProcess(env, { answerWithinMs: 60_000 });
    try {
      await server.welcomed;
      console.log(
        `\n  worklist and case latency, ${settings.requests} sequential requests each after a warm-up`,
      );
      const rows = await measureReadLatency(server.url, tokenFor, {
        seededCases: seeding.cases,
        requests: settings.requests,
        today,
      });
      for (const row of rows) {
        const target = row.what.startsWith('case with') ? undefined : targets.readP99Ms;
        console.log(
          `  ${row.what.padEnd(21)} ${row.actor.padEnd(24)} ${describeLatency(row.figures, target)}; ${row.note}`,
        );
      }

      // At the target rate, and at a fifth of it: the lag of a platform that is not saturated.
      let claimed = 0;
      for (const perSecond of [settings.lagPerSecond / 5, settings.lagPerSecond]) {
        console.log(
          `\n(ii) Projection lag at ${perSecond} claims/s over the REST intake for ${settings.lagSeconds} s`,
        );
        const watch = await watchWriteTransactions(
          benchServerUrl,
          database.name,
          settings.lagSeconds + 30,
        );
        const lag = await measureProjectionLag(server.url, tokenFor, {
          seededCases: seeding.cases,
          perSecond,
          seconds: settings.lagSeconds,
          warmUpSeconds: settings.lagWarmUpSeconds,
          today,
          skip: claimed,
        });
        claimed += lag.claimsSent;
        console.log(
          `  sent ${lag.commands.toLocaleString('en-US')} claims at ${lag.achievedPerSecond.toFixed(0)}/s (target ${lag.targetPerSecond}/s), ${lag.refused} refused`,
        );
        console.log(`  append (REST answer)      ${describeLatency(lag.append)}`);
        console.log(`  append -> visible in case ${describeLatency(lag.lag, targets.lagP99Ms)}`);
        const ages = await watch.stop();
        console.log(
          `  oldest writing transaction, sampled every 100 ms: in ${database.name} p50 ${ms(ages.ours.p50)}, p99 ${ms(ages.ours.p99)}; ` +
            `in other databases on the server p50 ${ms(ages.others.p50)}, p99 ${ms(ages.others.p99)}`,
        );
        console.log(`  longest of ours: ${ages.longestOurs}`);
        await new Promise((resolve) => setTimeout(resolve, 3_000));
      }
      console.log(`  launcher memory now: RSS ${server.memory().rssMb.toFixed(0)} MB`);
    } finally {
      await server.stop();
    }

    const median = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
    const startMs = median(starts.map((s) => s.firstAnswerMs));
    const rssMb = Math.max(...starts.map((s) => s.peakRssMb));
    console.log('\nSummary');
    console.log(
      `  seeding: ${seeding.cases.toLocaleString('en-US')} cases, ${seeding.commands.toLocaleString('en-US')} commands in ${seeding.seconds.toFixed(0)} s ` +
        `(${(seeding.commands / seeding.seconds).toFixed(0)} commands/s); read models caught up ${seeding.catchUpSeconds.toFixed(1)} s later`,
    );
    console.log(
      `  embedded start, median of ${starts.length}: ${ms(startMs)} (target ≤ ${targets.startMs} ms: ${startMs <= targets.startMs ? 'PASS' : 'FAIL'}); ` +
        `peak RSS ${rssMb.toFixed(0)} MB (target ≤ ${targets.rssMb} MB: ${rssMb <= targets.rssMb ? 'PASS' : 'FAIL'})`,
    );
  } finally {
    await database.drop();
    console.log(
      `\nDropped ${database.name}. Whole bench: ${((Date.now() - benchStarted) / 60_000).toFixed(1)} min`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
