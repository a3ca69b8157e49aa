import { Writable } from 'node:stream';
import { createLogger } from '../logging/createLogger';
import { createShutdown } from './gracefulShutdown';

const logger = createLogger({
  service: 'test',
  level: 'silent',
  destination: new Writable({ write: (_c, _e, done) => done() }),
});

describe('graceful shutdown', () => {
  it('runs the steps once, last registered first, so intake stops before the store closes', async () => {
    const order: string[] = [];
    const shutdown = createShutdown({ logger, timeoutMs: 1000 });
    shutdown.onShutdown('store', async () => void order.push('store'));
    shutdown.onShutdown('subscribers', async () => void order.push('subscribers'));
    shutdown.onShutdown('http', async () => void order.push('http'));
    const [first, second] = await Promise.all([shutdown.run('test'), shutdown.run('again')]);
    expect(order).toEqual(['http', 'subscribers', 'store']);
    expect(first && second).toBe(true);
  });

  it('carries on after a failing step and reports the failure', async () => {
    const order: string[] = [];
    const shutdown = createShutdown({ logger, timeoutMs: 1000 });
    shutdown.onShutdown('store', async () => void order.push('store'));
    shutdown.onShutdown('http', async () => {
      throw new Error('stuck');
    });
    expect(await shutdown.run('test')).toBe(false);
    expect(order).toEqual(['store']);
  });

  it('gives up after the deadline', async () => {
    const shutdown = createShutdown({ logger, timeoutMs: 20 });
    shutdown.onShutdown('never', () => new Promise<void>(() => undefined));
    expect(await shutdown.run('test')).toBe(false);
  });
});
