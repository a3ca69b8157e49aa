// Contract tests KurrentDB cannot pass by design, skipped by name with the reason printed.
// (Wrapping `it` keeps the shared contract files free of per-adapter branches.)

export const kurrentKnownDeviations: Record<string, string> = {
  'refuses an event id that is already stored in another stream':
    'KurrentDB deduplicates event ids within a stream only; it has no index of event ids across streams',
};

/** Declares `declare` with `it` skipping the known deviations loudly. */
export function skippingKnownDeviations(declare: () => void): void {
  const originalIt = globalThis.it;
  const wrapped = Object.assign((name: string, ...rest: unknown[]) => {
    const reason = kurrentKnownDeviations[name];
    if (reason === undefined) return (originalIt as (...args: unknown[]) => void)(name, ...rest);
    console.warn(`SKIPPED on KurrentDB: "${name}": ${reason}`);
    return originalIt.skip(`${name} (skipped on KurrentDB: ${reason})`, () => undefined);
  }, originalIt);
  globalThis.it = wrapped as unknown as typeof originalIt;
  try {
    declare();
  } finally {
    globalThis.it = originalIt;
  }
}
