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

/** The wait after `failedAttempts` failures: base · 2^(n-1), capped. */
export const retryDelayMs = (policy: RetryPolicy, failedAttempts: number): number =>
  Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failedAttempts - 1));
