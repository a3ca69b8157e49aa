import type { RecordedEvent } from '../eventStore';
import { waitFor } from '../contract/contractFixtures';
import { startCatchUpSubscription, type CatchUpSource } from './catchUpSubscription';
import type { DeliveryHeldBack } from './deliveryHeldBack';

const eventAt = (position: number) => ({ position, eventId: `event-${position}` }) as RecordedEvent;

/**
 * A log whose committed events (at the given positions) are visible only below `horizon`, as an
 * older transaction still open somewhere would keep them; the test moves the horizon.
 */
function heldBackLog(positions: number[], warnAfterMs: number) {
  const log = {
    horizon: 1,
    reads: [] as number[],
    notices: [] as DeliveryHeldBack[],
    source: null as unknown as CatchUpSource,
  };
  log.source = {
    async readAfter(after, limit) {
      log.reads.push(performance.now());
      const events = positions
        .filter((position) => position > after && position < log.horizon)
        .slice(0, limit)
        .map(eventAt);
      return { events, horizon: log.horizon, head: Math.max(0, ...positions) };
    },
    async readHorizon() {
      return { horizon: log.horizon, head: Math.max(0, ...positions) };
    },
    onWakeUp: async () => async () => undefined,
    fallbackPollMs: 60_000,
    heldBack: { warnAfterMs, report: (notice) => log.notices.push(notice) },
  };
  return log;
}

describe('a catch-up subscription held back behind the visibility horizon', () => {
  it('says so once per stall, with how long, and again when delivery resumes', async () => {
    const log = heldBackLog([20], 50);
    const received: number[] = [];
    const subscription = startCatchUpSubscription(log.source, {
      handler: async (events) => void received.push(...events.map((event) => event.position)),
    });
    try {
      await waitFor('the held-back notice', () => log.notices.length === 1, 3_000);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(log.notices).toHaveLength(1);

      log.horizon = 100;
      await waitFor('the resumed notice', () => log.notices.length === 2, 3_000);
    } finally {
      await subscription.stop();
    }

    expect(received).toEqual([20]);
    expect(log.notices[0]).toMatchObject({ state: 'held_back', position: 0, horizon: 1, head: 20 });
    expect(log.notices[0]!.heldBackForMs).toBeGreaterThanOrEqual(50);
    expect(log.notices[1]).toMatchObject({ state: 'resumed', position: 20 });
    expect(log.notices[1]!.heldBackForMs).toBeGreaterThanOrEqual(250);
  });

  it('says nothing about a stall shorter than the warning time', async () => {
    const log = heldBackLog([20], 10_000);
    const received: number[] = [];
    const subscription = startCatchUpSubscription(log.source, {
      handler: async (events) => void received.push(...events.map((event) => event.position)),
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      log.horizon = 100;
      await waitFor('the event', () => received.length === 1, 3_000);
    } finally {
      await subscription.stop();
    }

    expect(log.notices).toEqual([]);
  });

  it('re-reads quickly again after delivering, not at the slow pace a long stall reached', async () => {
    const log = heldBackLog([10, 20], 60_000);
    let deliveredAt = 0;
    const subscription = startCatchUpSubscription(log.source, {
      handler: async () => void (deliveredAt = performance.now()),
    });
    try {
      // Long enough for the re-read delay to grow to its maximum (100 ms).
      await new Promise((resolve) => setTimeout(resolve, 400));
      log.horizon = 15; // the first event becomes final; the second is still held back
      await waitFor('the first event', () => deliveredAt > 0, 3_000);
      await waitFor('a re-read after the delivery', () => log.reads.at(-1)! > deliveredAt, 3_000);
    } finally {
      await subscription.stop();
    }

    expect(log.reads.find((at) => at > deliveredAt)! - deliveredAt).toBeLessThan(50);
  });
});

describe('a catch-up subscription behind a backlog', () => {
  it('reads the next batch while the handler works, and delivers each event once, in order', async () => {
    const log = heldBackLog([1, 2, 3, 4, 5, 6, 7], 60_000);
    log.horizon = 100;
    const received: number[] = [];
    /** How many reads had started when each batch's handler began. */
    const readsAtHandling: number[] = [];
    const subscription = startCatchUpSubscription(log.source, {
      batchSize: 2,
      handler: async (events) => {
        readsAtHandling.push(log.reads.length);
        await new Promise((resolve) => setTimeout(resolve, 20));
        received.push(...events.map((event) => event.position));
      },
    });
    try {
      await waitFor('every event', () => received.length === 7, 3_000);
    } finally {
      await subscription.stop();
    }

    expect(received).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // Each full batch is handled with the next one already being read; the last is not full.
    expect(readsAtHandling).toEqual([2, 3, 4, 4]);
  });

  it('stops at a failing batch and delivers nothing read ahead after it', async () => {
    const log = heldBackLog([1, 2, 3, 4], 60_000);
    log.horizon = 100;
    const received: number[] = [];
    const subscription = startCatchUpSubscription(log.source, {
      batchSize: 2,
      handler: async (events) => {
        if (events[0]!.position === 3) throw new Error('the read model refused the batch');
        received.push(...events.map((event) => event.position));
      },
    });

    await expect(subscription.done).rejects.toThrow('the read model refused the batch');
    expect(received).toEqual([1, 2]);
  });
});
