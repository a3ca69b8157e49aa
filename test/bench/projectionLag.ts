// (ii) How long after a command is appended its effect shows in GraphQL, at a steady offered rate:
// referring officers ask for an eligibility check on their seeded cases, round robin through the
// REST intake. The check is accepted in any state and any number of times, so the rate does not
// depend on the caseload (a small caseload sends as much as a large one). Open loop: every command
// leaves when it is due, whether or not the ones before it were answered (a slow platform shows
// as lag and as commands still outstanding, not as a lower offered rate).
// For one command in SAMPLE_EVERY, as soon as the REST answer arrives (appended), `case` is asked
// with the answer's position in X-Read-After-Position: the platform answers once its read models
// show the command. lag = REST answer to that answer (one query round trip included). When the
// load stops, caught-up = last REST answer to the answer of a read-after query for the highest
// position answered. The first seconds at the rate are a warm-up and not counted.
import type { Actor } from '@kot/domain';
import { graphql, postCommand, type CommandAnswer } from './askPlatform';
import { benchCase, type BenchCase } from './caseload';
import { elapsedMs, latencyFigures, type LatencyFigures } from './latencies';

export interface ProjectionLagFigures {
  targetPerSecond: number;
  /** Commands sent per second in the measured period (after the warm-up). */
  offeredPerSecond: number;
  /** Commands answered per second in the measured period. */
  answeredPerSecond: number;
  commands: number;
  refused: number;
  /** From the REST answer (appended) to the `case` answer that shows it. */
  lag: LatencyFigures;
  /** How long the REST intake took to answer. */
  append: LatencyFigures;
  /** From the last REST answer to the read models showing every command; NaN when not reached. */
  caughtUpMs: number;
}

const SAMPLE_EVERY = 10;
/** A safety bound only: far above what 500 commands/s needs while the platform keeps up. */
const MAX_OUTSTANDING = 5_000;
const readAfter = 'X-Read-After-Position';

export async function measureProjectionLag(
  url: string,
  tokenFor: (actor: Actor) => Promise<string>,
  options: {
    seededCases: number;
    perSecond: number;
    seconds: number;
    /** Seconds at the rate before the measured ones. */
    warmUpSeconds: number;
    today: string;
    /** A name for this round, so its idempotency keys are its own. */
    round: string;
  },
): Promise<ProjectionLagFigures> {
  // Enough distinct cases that commands on one case rarely queue behind each other.
  const cases: BenchCase[] = [];
  for (let n = 0; n < Math.min(options.seededCases, 2_000); n++) {
    cases.push(benchCase(n, options.today));
  }
  if (cases.length === 0) throw new Error('no seeded cases to send commands for');
  const tokens = new Map<string, string>();
  for (const c of cases) {
    if (!tokens.has(c.officer.id)) tokens.set(c.officer.id, await tokenFor(c.officer));
  }

  const lags: number[] = [];
  const appends: number[] = [];
  const outstanding = new Set<Promise<void>>();
  let refused = 0;
  let answered = 0;
  let lastAnsweredAt = 0n;
  let lastAnsweredWall = 0;
  let notShown = 0;
  let highest = 0;
  const send = async (c: BenchCase, index: number, counted: boolean) => {
    const token = tokens.get(c.officer.id) as string;
    const started = process.hrtime.bigint();
    let answer: CommandAnswer;
    try {
      answer = await postCommand(
        url,
        token,
        { type: 'CheckEligibility', caseId: c.caseId },
        `lag-${options.round}-${index}`,
      );
    } catch {
      refused++;
      return;
    }
    lastAnsweredAt = process.hrtime.bigint();
    lastAnsweredWall = Date.now();
    highest = Math.max(highest, answer.position);
    if (!counted) return;
    answered++;
    appends.push(elapsedMs(started));
    if (index % SAMPLE_EVERY !== 0) return;
    const appended = process.hrtime.bigint();
    try {
      const { case: seen } = await graphql<{ case: { revision: number } }>(
        url,
        token,
        'query Lag($id: ID!) { case(id: $id) { revision } }',
        { id: c.caseId },
        { [readAfter]: String(answer.position) },
      );
      if (seen.revision < answer.revision) throw new Error('read-after answered an older case');
      lags.push(elapsedMs(appended));
    } catch {
      notShown++;
    }
  };

  const interval = 1000 / options.perSecond;
  const warmUp = Math.round(options.perSecond * options.warmUpSeconds);
  const total = warmUp + Math.round(options.perSecond * options.seconds);
  const started = Date.now();
  let sent = 0;
  let measuredFrom = started;
  let lastSentAt = started;
  let heldBack = 0;
  while (sent < total) {
    while (sent < total && started + sent * interval <= Date.now()) {
      if (outstanding.size >= MAX_OUTSTANDING) {
        heldBack++;
        break;
      }
      if (sent === warmUp) measuredFrom = Date.now();
      const c = cases[sent % cases.length] as BenchCase;
      const request = send(c, sent, sent >= warmUp).finally(() => outstanding.delete(request));
      outstanding.add(request);
      sent++;
      lastSentAt = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  const measuredSeconds = Math.max(0.001, (lastSentAt - measuredFrom) / 1000);
  await Promise.all(outstanding);
  const answeredSeconds = Math.max(0.001, (lastAnsweredWall - measuredFrom) / 1000);

  // Caught up: the highest position any command answered with, asked for once.
  const officerToken = tokens.get(cases[0]!.officer.id) as string;
  let caughtUpMs = NaN;
  try {
    await graphql(
      url,
      officerToken,
      'query CaughtUp($id: ID!) { case(id: $id) { revision } }',
      { id: cases[0]!.caseId },
      { [readAfter]: String(highest) },
    );
    caughtUpMs = elapsedMs(lastAnsweredAt);
  } catch {
    // NOT_CAUGHT_UP within the platform's bound: reported as not reached.
  }
  if (notShown > 0) console.log(`  ${notShown} sampled commands were not shown within the bound`);
  if (heldBack > 0) console.log(`  ${heldBack} times ${MAX_OUTSTANDING} commands were outstanding`);
  return {
    targetPerSecond: options.perSecond,
    offeredPerSecond: Math.max(0, sent - warmUp) / measuredSeconds,
    answeredPerSecond: answered / Math.max(measuredSeconds, answeredSeconds),
    commands: appends.length,
    refused,
    lag: latencyFigures(lags),
    append: latencyFigures(appends),
    caughtUpMs,
  };
}
