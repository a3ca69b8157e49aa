import { randomUUID } from 'node:crypto';
import { startProjections, type RunningProjections } from '../generations/startProjections';
import { projections } from '../projections';
import { runSteps } from '../testing/caseWriter';
import { requestedCase } from '../testing/scenarios';
import { silentLogger } from '../testing/silentLogger';
import { describeEachDatabase, type OpenedTestStore } from '../testing/testDatabases';
import { caseSummaryTableNames } from './caseSummaryTables';

describeEachDatabase('The daily refresh of time-dependent fields', (database) => {
  let opened: OpenedTestStore;
  let running: RunningProjections;
  // Toeslagen must register the request of 2024-03-11 by 2024-03-16.
  let now = new Date('2024-03-12T09:00:00.000Z');

  beforeEach(async () => {
    opened = await database.open();
    running = await startProjections(
      { store: opened.store, db: opened.db, logger: silentLogger(), clock: () => now },
      projections,
      { refresh: { intervalMs: 60_000, chunkSize: 2, maxChunks: 10 } },
    );
  });
  afterEach(async () => {
    await running.stop();
    await opened.close();
  });

  it('marks a step overdue and escalates it once its due date has passed, without any new event', async () => {
    const caseId = randomUUID();
    await runSteps(opened.store, requestedCase(caseId));
    await running.whenCaughtUp();
    const tables = caseSummaryTableNames(running.liveGeneration('case-summary'));
    const summary = () =>
      opened.db.query<{ next_overdue: boolean; next_days_overdue: number; computed_on: string }>(
        `SELECT next_overdue, next_days_overdue, computed_on::text AS computed_on FROM ${tables.summary} WHERE case_id = $1`,
        [caseId],
      );
    const audiences = async () =>
      (
        await opened.db.query<{ audience: string }>(
          `SELECT audience FROM ${tables.worklist} WHERE case_id = $1 ORDER BY audience`,
          [caseId],
        )
      ).map((row) => row.audience);

    expect(await summary()).toEqual([
      { next_overdue: false, next_days_overdue: 0, computed_on: '2024-03-12' },
    ]);
    expect(await audiences()).toEqual(['responsible']);

    now = new Date('2024-03-20T09:00:00.000Z');
    expect(await running.refreshTimeDependent()).toBe(1);

    expect(await summary()).toEqual([
      { next_overdue: true, next_days_overdue: 4, computed_on: '2024-03-20' },
    ]);
    expect(await audiences()).toEqual(['escalation', 'responsible']);
    // Computed for today already: the next pass has nothing to do.
    expect(await running.refreshTimeDependent()).toBe(0);
  });
});
