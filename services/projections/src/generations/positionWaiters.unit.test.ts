import { createPositionWaiters } from './positionWaiters';

describe('waiting for the read models to reach a position', () => {
  it('answers at once when the position is already reached', async () => {
    const waiters = createPositionWaiters();
    await expect(waiters.wait(() => true, 1_000)).resolves.toBe(true);
  });

  it('goes on as soon as a checkpoint advance reaches the position, not at the bound', async () => {
    const waiters = createPositionWaiters();
    let position = 3;
    const started = Date.now();
    const waiting = waiters.wait(() => position >= 5, 10_000);
    position = 4;
    waiters.advanced();
    position = 5;
    waiters.advanced();
    await expect(waiting).resolves.toBe(true);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('gives up at the bound when the position is not reached', async () => {
    const waiters = createPositionWaiters();
    const started = Date.now();
    await expect(waiters.wait(() => false, 50)).resolves.toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('ends every wait when the service stops', async () => {
    const waiters = createPositionWaiters();
    const waiting = waiters.wait(() => false, 10_000);
    waiters.close();
    await expect(waiting).resolves.toBe(false);
  });
});
