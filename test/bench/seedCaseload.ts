// Seeds the caseload through the real append path: the referrals service's executeCommand of a
// platform started in this process (authorization, validation, decide, encryption of personal
// data, append with the expected revision), with a bounded number of cases in flight. Then waits
// until the read models have caught up with everything seeded (see seedingPlatform for why the
// seeded history is not notified).
//
// Cases have a history: each command happens on its own business day (the case's calendar in
// `benchCase`). The platform's clock reads that day while the command runs and the real time
// everywhere else (the projections), through an AsyncLocalStorage per case.
import { AsyncLocalStorage } from 'node:async_hooks';
import { dateInAmsterdam } from '@kot/domain';
import { benchCase } from './caseload';
import type { SeedingPlatform } from './seedingPlatform';

const businessDay = new AsyncLocalStorage<Date>();
/** Bound on the wait for the read models after the seeding. */
const CATCH_UP_MS = 300_000;

/** The clock to start the seeding platform with. */
export const seedingClock = (): Date => businessDay.getStore() ?? new Date();

export interface SeedingFigures {
  cases: number;
  commands: number;
  seconds: number;
  catchUpSeconds: number;
  /** True when the time budget ran out before every case was seeded. */
  cutShort: boolean;
}

export async function seedCaseload(
  platform: SeedingPlatform,
  options: { cases: number; concurrency: number; budgetMs: number },
): Promise<SeedingFigures> {
  const today = dateInAmsterdam(new Date().toISOString());
  const started = Date.now();
  const deadline = started + options.budgetMs;
  let next = 0;
  let cases = 0;
  let commands = 0;
  let lastReport = started;

  const report = () => {
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `  seeded ${cases.toLocaleString('en-US')} cases, ${commands.toLocaleString('en-US')} commands in ${seconds.toFixed(0)} s ` +
        `(${(cases / seconds).toFixed(0)} cases/s, ${(commands / seconds).toFixed(0)} commands/s)`,
    );
  };

  // Each worker takes the next case and sends its commands in order; the loop ends with the cases
  // or the time budget, whichever comes first.
  const worker = async () => {
    while (next < options.cases && Date.now() < deadline) {
      const seeded = benchCase(next++, today);
      for (const { command, actor, on } of seeded.commands) {
        // Ten in the morning in Amsterdam on the step's day; today's steps at the real time.
        const at = on === today ? new Date() : new Date(`${on}T09:00:00.000Z`);
        await businessDay.run(at, () =>
          platform.referrals.executeCommand(command, actor, {
            commandId: `seed-${seeded.n}-${command.type}`,
          }),
        );
        commands++;
      }
      cases++;
      if (Date.now() - lastReport > 15_000) {
        lastReport = Date.now();
        report();
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (Date.now() - started) / 1000;
  report();

  const catchUpStarted = Date.now();
  await withinMs(CATCH_UP_MS, 'the read models to catch up', () =>
    platform.projections.whenCaughtUp(),
  );
  const catchUpSeconds = (Date.now() - catchUpStarted) / 1000;
  console.log(`  read models caught up ${catchUpSeconds.toFixed(1)} s after the last command`);
  return {
    cases,
    commands,
    seconds,
    catchUpSeconds,
    cutShort: cases < options.cases,
  };
}

async function withinMs<T>(ms: number, what: string, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`gave up waiting for ${what} after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
