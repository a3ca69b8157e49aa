import { randomUUID } from 'node:crypto';
import type { EventStore } from '../eventStorePort';
import { projections } from '../projections';
import { runSteps } from '../testing/caseWriter';
import { requestedCase } from '../testing/scenarios';
import { silentLogger } from '../testing/silentLogger';
import { describeEachDatabase, type OpenedTestStore } from '../testing/testDatabases';
import { startProjections, type RunningProjections } from './startProjections';

describeEachDatabase('The projection lag', (database) => {
  let opened: OpenedTestStore;
  let running: RunningProjections;
  afterEach(async () => {
    await running?.stop();
    await opened?.close();
  });

  it('is measured on the log as stored, without decrypting any event', async () => {
    opened = await database.open();
    const reads = { decrypted: 0, stored: 0 };
    const counting = (store: EventStore, kind: keyof typeof reads): EventStore => ({
      ...store,
      readAll: (options) => {
        reads[kind]++;
        return store.readAll(options);
      },
    });
    running = await startProjections(
      {
        store: counting(opened.store, 'decrypted'),
        log: counting(opened.log, 'stored'),
        db: opened.db,
        logger: silentLogger(),
        clock: () => new Date('2024-03-12T09:00:00.000Z'),
      },
      projections,
      { refresh: false },
    );
    await runSteps(opened.store, requestedCase(randomUUID()));
    await running.whenCaughtUp();
    reads.decrypted = 0;
    reads.stored = 0;

    const figures = await running.lag();

    expect(figures.map((figure) => [figure.projection, figure.eventsBehind])).toEqual([
      ['case-summary', 0],
      ['case-history', 0],
    ]);
    expect(reads).toEqual({ decrypted: 0, stored: 2 });
  });
});
