import { backoffCeilingMs, retryDelayMs } from './backoff';

const policy = { maxAttempts: 10, baseDelayMs: 1_000, maxDelayMs: 10_000 };

describe('retry back-off', () => {
  it('doubles its ceiling after each failed attempt and stops at the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffCeilingMs(policy, n))).toEqual([
      1_000, 2_000, 4_000, 8_000, 10_000, 10_000,
    ]);
  });

  it('waits between half the ceiling and the ceiling, so failed receivers are not hit all at once', () => {
    expect(retryDelayMs(policy, 3, () => 0)).toBe(2_000);
    expect(retryDelayMs(policy, 3, () => 0.5)).toBe(3_000);
    expect(retryDelayMs(policy, 3, () => 0.999_999)).toBe(4_000);
  });

  it('spreads the retries of deliveries that failed together', () => {
    const waits = Array.from({ length: 200 }, () => retryDelayMs(policy, 4));
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(4_000);
    expect(Math.max(...waits)).toBeLessThanOrEqual(8_000);
    expect(new Set(waits).size).toBeGreaterThan(100);
  });
});
