// Latency figures as the issue states its targets: median and 99th percentile, in milliseconds.

export interface LatencyFigures {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles of the samples (milliseconds). */
export function latencyFigures(samples: readonly number[]): LatencyFigures {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  return {
    count: sorted.length,
    p50: rank(0.5) ?? Number.NaN,
    p99: rank(0.99) ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

export const ms = (value: number): string => `${value.toFixed(1)} ms`;

/** "p50 4.2 ms, p99 11.0 ms (n=500, max 14.3 ms) — target p99 ≤ 15 ms: PASS" */
export function describeLatency(figures: LatencyFigures, targetP99Ms?: number): string {
  const base = `p50 ${ms(figures.p50)}, p99 ${ms(figures.p99)} (n=${figures.count}, max ${ms(figures.max)})`;
  if (targetP99Ms === undefined) return base;
  return `${base} — target p99 ≤ ${targetP99Ms} ms: ${figures.p99 <= targetP99Ms ? 'PASS' : 'FAIL'}`;
}

export const elapsedMs = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e6;
