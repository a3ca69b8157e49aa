// How long the adapter keeps trying when KurrentDB answers "not now": a node that is no longer the
// leader, a lost connection, a timeout (also the server's answer when it drops the retry of an
// append it has not replicated yet), or, for 'any' and 'exists' appends, another writer that got
// in between. Exponential back-off with full jitter, so that writers that collided do not collide
// again in lock step; always bounded.

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** The largest pause before the second attempt; it doubles per attempt up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
}

export interface RetryTiming {
  sleep(ms: number): Promise<void>;
  /** A number in [0, 1) for the jitter. */
  random(): number;
}

export const systemTiming: RetryTiming = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** For a transient failure: about 6 s in the worst case before the append is given up. */
export const defaultTransientRetry: RetryPolicy = {
  attempts: 8,
  firstDelayMs: 50,
  maxDelayMs: 2_000,
};

/** For 'any' and 'exists' appends losing the race for the head of a stream. */
export const defaultRaceRetry: RetryPolicy = { attempts: 50, firstDelayMs: 5, maxDelayMs: 500 };

/** The pause after failed attempt `attempt` (1-based). */
export function pauseAfter(policy: RetryPolicy, attempt: number, timing: RetryTiming): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (attempt - 1));
  return Math.floor(timing.random() * ceiling);
}

export function assertRetryPolicy(name: string, policy: RetryPolicy): void {
  if (
    !Number.isSafeInteger(policy.attempts) ||
    policy.attempts < 1 ||
    !(policy.firstDelayMs >= 0) ||
    !(policy.maxDelayMs >= policy.firstDelayMs)
  ) {
    throw new Error(`${name}: attempts >= 1 and 0 <= firstDelayMs <= maxDelayMs are required`);
  }
}
