// Seeds the caseload through the real append path: the referrals service's executeCommand of a
// platform started in this process (authorization, validation, decide, encryption of personal
// data, append with the expected revision), with a bounded number of cases in flight. Then waits
// until the projections and notifications have caught up with everything seeded.
//
// Cases have a history: each command happens on its own business day (the case's calendar in
// `benchCase`). The platform's clock reads that day while the command runs and the real time
// everywhere else (projections, notifications), through an AsyncLocalStorage per case.
import { AsyncLocalStorage } from 'node:async_hooks';
import { dateInAmsterdam } from '@kot/domain';
import type { RunningPlatform } from '@kot/all-in-one';
import { benchCase } from './caseload';

const businessDay = new AsyncLocalStorage<Date>();
/** Bound on each wait after the seeding: the projections, then the notifications. */
const CATCH_UP_MS = 150_000;

/** The clock to start the seeding platform with. */
export const seedingClock = (): Date => businessDay.getStore() ?? new Date();

export interface SeedingFigures {
  cases: number;
  commands: number;
  seconds: number;
  catchUpSeconds: number;
  /** False when the notifications were still planning and delivering when time was up. */
  notificationsDelivered: boolean;
  /** True when the time budget ran out before every case was seeded. */
  cutShort: boolean;
}

export async function seedCaseload(
  platform: RunningPlatform,
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
  // Deliveries are planned and recorded in rounds, until a round moves nothing or time is up;
  // the launcher that is measured next delivers whatever is left.
  let notificationsDelivered = false;
  const notificationsDeadline = Date.now() + CATCH_UP_MS;
  await platform.notifications.catchUp();
  while (!notificationsDelivered && Date.now() < notificationsDeadline) {
    const moved = await platform.notifications.drain(20);
    notificationsDelivered = moved.planned + moved.recorded + moved.delivered === 0;
  }
  // Delivery records of the notifications are events too: let the projections take them in.
  await withinMs(CATCH_UP_MS, 'the read models to catch up', () =>
    platform.projections.whenCaughtUp(),
  );
  const catchUpSeconds = (Date.now() - catchUpStarted) / 1000;
  console.log(
    notificationsDelivered
      ? `  projections caught up and notifications delivered ${catchUpSeconds.toFixed(1)} s after the last command`
      : `  projections caught up; notifications still delivering after ${catchUpSeconds.toFixed(0)} s: ` +
          'the launcher measured next delivers the rest while it is measured',
  );
  return {
    cases,
    commands,
    seconds,
    catchUpSeconds,
    notificationsDelivered,
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
