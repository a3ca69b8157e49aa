// When delivery stalls behind the visibility horizon (decision 1 in the README): committed events
// wait while an older transaction anywhere in the cluster is still open, which an operator cannot
// see from the projections alone. Subscriptions say so once per episode: when it has lasted
// `heldBackWarningMs`, and again when delivery resumes.

export interface DeliveryHeldBack {
  state: 'held_back' | 'resumed';
  /** How long delivery has made no progress while committed events were waiting. */
  heldBackForMs: number;
  /** The subscription's position, the horizon it may not pass and the newest committed position. */
  position: number;
  horizon: number;
  head: number;
}

export const DEFAULT_HELD_BACK_WARNING_MS = 10_000;

/** The default: one line on standard error (no event data in it, only positions and times). */
export function warnDeliveryHeldBack(notice: DeliveryHeldBack): void {
  const seconds = (notice.heldBackForMs / 1000).toFixed(1);
  console.warn(
    notice.state === 'held_back'
      ? `[eventstore] Event delivery has been held back for ${seconds} s: committed events after ` +
          `position ${notice.position} wait for an older transaction that is still open somewhere ` +
          `in the database cluster (look for the oldest backend_xid / backend_xmin in ` +
          `pg_stat_activity, often a session idle in transaction). Subscribers resume when it ends.`
      : `[eventstore] Event delivery resumed after being held back for ${seconds} s.`,
  );
}
