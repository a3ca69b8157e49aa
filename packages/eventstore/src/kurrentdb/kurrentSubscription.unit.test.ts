import { newEvent, newEvents } from '../contract/contractFixtures';
import type { RecordedEvent } from '../eventStore';
import { createInMemoryKurrentClient } from './inMemoryKurrentClient';
import { createKurrentEventStore } from './kurrentEventStore';

describe('a KurrentDB subscription', () => {
  it('hands over what arrived while the previous batch was being handled, in one batch', async () => {
    const store = createKurrentEventStore(createInMemoryKurrentClient());
    const batches: RecordedEvent[][] = [];
    let releaseFirst: () => void = () => undefined;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    const subscription = store.subscribeToAll({
      batchSize: 100,
      handler: async (events) => {
        batches.push(events);
        if (batches.length === 1) await firstHeld;
      },
    });
    await store.append('case-1', [newEvent()]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await store.append('case-2', newEvents(5));
    await new Promise((resolve) => setTimeout(resolve, 20));
    releaseFirst();
    await subscription.whenCaughtUp();
    await subscription.stop();

    expect(batches.map((batch) => batch.length)).toEqual([1, 5]);
  });

  it('never hands a batch larger than asked, however much it reads ahead', async () => {
    const store = createKurrentEventStore(createInMemoryKurrentClient());
    await store.append('case-1', newEvents(50));
    const sizes: number[] = [];
    const subscription = store.subscribeToAll({
      batchSize: 7,
      handler: async (events) => {
        sizes.push(events.length);
      },
    });
    await subscription.whenCaughtUp();
    await subscription.stop();

    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(50);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(7);
  });
});
