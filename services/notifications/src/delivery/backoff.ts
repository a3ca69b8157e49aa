export interface RetryPolicy {
  /** Attempts in all, the first one included; after the last failed one the delivery is a dead letter. */
  maxAttempts: number;
  /** Delay after the first failed attempt; doubled after each next one. */
  baseDelayMs: number;
  /** The doubling stops here. */
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 5_000,
  maxDelayMs: 15 * 60_000,
};

/** The wait after `failedAttempts` failures without jitter: base · 2^(n-1), capped. */
export const backoffCeilingMs = (policy: RetryPolicy, failedAttempts: number): number =>
  Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failedAttempts - 1));

/**
 * The wait after `failedAttempts` failures: somewhere between half the ceiling and the ceiling.
 * Without jitter every delivery that failed when a receiver went down comes back at the same
 * second and knocks it over again; half is kept so a retry never follows straight after a failure.
 * `random` is a number in [0, 1), injected so tests can pin it.
 */
export const retryDelayMs = (
  policy: RetryPolicy,
  failedAttempts: number,
  random: () => number = Math.random,
): number => {
  const ceiling = backoffCeilingMs(policy, failedAttempts);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
};
