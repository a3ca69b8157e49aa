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
    now = new Date('2024-03-12T09:00:00.000Z');
    opened = await database.open();
    // One transaction of two rows per pass, and a next regular pass only after an hour: the
    // refresh must carry on by itself while stale rows are left.
    running = await startProjections(
      { store: opened.store, db: opened.db, logger: silentLogger(), clock: () => now },
      projections,
      { refresh: { intervalMs: 3_600_000, chunkSize: 2, maxPassMs: 0 } },
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

  it('carries on at once, pass after pass, until no row of an earlier day is left', async () => {
    const caseIds = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    for (const caseId of caseIds) await runSteps(opened.store, requestedCase(caseId));
    await running.whenCaughtUp();
    const table = caseSummaryTableNames(running.liveGeneration('case-summary')).summary;
    const staleRows = async () =>
      (
        await opened.db.query<{ stale: unknown }>(
          `SELECT count(*) AS stale FROM ${table} WHERE computed_on < '2024-03-20'`,
        )
      )[0]?.stale;

    now = new Date('2024-03-20T09:00:00.000Z');
    // The first pass does one chunk of two and stops at its time bound.
    expect(await running.refreshTimeDependent()).toBe(2);
    // The others follow without waiting for the hourly pass.
    const deadline = Date.now() + 10_000;
    for (let tries = 0; tries < 500 && Date.now() < deadline; tries++) {
      if (Number(await staleRows()) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(Number(await staleRows())).toBe(0);
  });
});
