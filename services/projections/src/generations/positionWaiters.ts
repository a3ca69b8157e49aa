// Queries that must see a given log position wait here. They are woken when a subscriber commits a
// batch (its checkpoint advanced), never by asking the database again in a loop, and each wait
// ends at its bound.

export interface PositionWaiters {
  /** Resolves true once `reached()` holds, false when `timeoutMs` passes first. */
  wait(reached: () => boolean, timeoutMs: number): Promise<boolean>;
  /** A checkpoint advanced: those whose position is now reached go on. */
  advanced(): void;
  /** Ends every wait (false): the service is stopping. */
  close(): void;
}

interface Waiter {
  reached: () => boolean;
  settle: (reached: boolean) => void;
}

export function createPositionWaiters(): PositionWaiters {
  const waiters = new Set<Waiter>();
  return {
    wait(reached, timeoutMs) {
      if (reached()) return Promise.resolve(true);
      if (timeoutMs <= 0) return Promise.resolve(false);
      return new Promise<boolean>((resolve) => {
        const waiter: Waiter = {
          reached,
          settle: (outcome) => {
            clearTimeout(timer);
            waiters.delete(waiter);
            resolve(outcome);
          },
        };
        const timer = setTimeout(() => waiter.settle(reached()), timeoutMs);
        waiters.add(waiter);
      });
    },
    advanced() {
      for (const waiter of waiters) if (waiter.reached()) waiter.settle(true);
    },
    close() {
      for (const waiter of waiters) waiter.settle(false);
    },
  };
}
