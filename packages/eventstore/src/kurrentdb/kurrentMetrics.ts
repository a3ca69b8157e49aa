// What the KurrentDB adapter tells the operator, as plain callbacks (the platform routes them to
// its Prometheus registry): retries and why, events in $all it skipped as foreign, resubscriptions
// after the server dropped a subscription, and how far behind the log a subscription is.

export interface KurrentMetrics {
  /** A call repeated after `reason` (a client error type, or 'race' for an 'any' append). */
  retried(call: string, reason: string): void;
  /** An event in $all that this platform did not write, skipped. */
  foreignEventSkipped(): void;
  /** A dropped subscription to $all was opened again from the last position it had. */
  resubscribed(): void;
  /** Milliseconds between a delivered batch's last event being recorded and its delivery. */
  subscriptionLag(milliseconds: number): void;
}

export function withDefaultMetrics(given: Partial<KurrentMetrics> = {}): KurrentMetrics {
  return {
    retried: given.retried ?? (() => undefined),
    foreignEventSkipped: given.foreignEventSkipped ?? (() => undefined),
    resubscribed: given.resubscribed ?? (() => undefined),
    subscriptionLag: given.subscriptionLag ?? (() => undefined),
  };
}
