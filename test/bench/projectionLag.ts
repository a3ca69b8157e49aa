// (ii) How long after a command is appended its effect shows in GraphQL, at a steady rate of
// commands: supporters claim offered cases through the REST intake (open loop, one command every
// 1000/rate ms); for a sample of them the bench polls `case` until the status reads "claimed".
// The first seconds at the rate are a warm-up and not counted: the launcher's first commands
// compile code paths and plan statements on every pooled connection.
import type { Actor } from '@kot/domain';
import { graphql, postCommand } from './askPlatform';
import { benchCase, type BenchCase } from './caseload';
import { elapsedMs, latencyFigures, type LatencyFigures } from './latencies';

export interface ProjectionLagFigures {
  targetPerSecond: number;
  achievedPerSecond: number;
  commands: number;
  refused: number;
  /** Every claim sent, the warm-up's included: the offered cases used up. */
  claimsSent: number;
  /** From the REST answer (appended) to the first `case` answer that shows the claim. */
  lag: LatencyFigures;
  /** How long the REST intake took to answer the claims. */
  append: LatencyFigures;
}

const SAMPLE_EVERY = 25;
const POLL_EVERY_MS = 2;
const POLL_FOR_MS = 5_000;
const MAX_IN_FLIGHT = 64;

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
    /** Offered cases an earlier round already claimed. */
    skip?: number;
  },
): Promise<ProjectionLagFigures> {
  const offered: BenchCase[] = [];
  const warmUp = Math.round(options.perSecond * options.warmUpSeconds);
  const wanted = options.perSecond * options.seconds + warmUp + (options.skip ?? 0);
  for (let n = 0; n < options.seededCases && offered.length < wanted; n++) {
    const c = benchCase(n, options.today);
    if (c.stage === 'offered') offered.push(c);
  }
  offered.splice(0, options.skip ?? 0);
  const tokens = new Map<string, string>();
  for (const c of offered) {
    if (!tokens.has(c.supporter.id)) tokens.set(c.supporter.id, await tokenFor(c.supporter));
  }

  const lags: number[] = [];
  const appends: number[] = [];
  const pending = new Set<Promise<void>>();
  let refused = 0;
  const claim = async (c: BenchCase, counted: boolean, sampled: boolean) => {
    const token = tokens.get(c.supporter.id) as string;
    const started = process.hrtime.bigint();
    try {
      await postCommand(url, token, c.claim, `lag-claim-${c.n}`);
    } catch {
      refused++;
      return;
    }
    if (!counted) return;
    appends.push(elapsedMs(started));
    if (!sampled) return;
    const appended = process.hrtime.bigint();
    for (let poll = 0; poll < POLL_FOR_MS / POLL_EVERY_MS; poll++) {
      const { case: seen } = await graphql<{ case: { status: string } }>(
        url,
        token,
        'query Lag($id: ID!) { case(id: $id) { status } }',
        { id: c.caseId },
      );
      if (seen.status === 'claimed') {
        lags.push(elapsedMs(appended));
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS));
    }
  };

  const interval = 1000 / options.perSecond;
  const started = Date.now();
  const stopAt = started + (options.warmUpSeconds + options.seconds) * 1000 + 10_000;
  let sent = 0;
  let measuredFrom = started;
  let lastSentAt = started;
  // Open loop: everything that is due is sent, up to MAX_IN_FLIGHT outstanding.
  while (sent < offered.length && Date.now() < stopAt) {
    while (
      sent < offered.length &&
      started + sent * interval <= Date.now() &&
      pending.size < MAX_IN_FLIGHT
    ) {
      const c = offered[sent] as BenchCase;
      if (sent === warmUp) measuredFrom = Date.now();
      const counted = sent >= warmUp;
      const request = claim(c, counted, sent % SAMPLE_EVERY === 0).finally(() =>
        pending.delete(request),
      );
      pending.add(request);
      sent++;
      lastSentAt = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(pending);
  const seconds = Math.max(0.001, (lastSentAt - measuredFrom) / 1000);
  return {
    targetPerSecond: options.perSecond,
    achievedPerSecond: Math.max(0, sent - warmUp) / seconds,
    commands: appends.length,
    refused,
    claimsSent: sent,
    lag: latencyFigures(lags),
    append: latencyFigures(appends),
  };
}
