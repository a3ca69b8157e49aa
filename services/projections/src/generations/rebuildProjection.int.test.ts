import { randomUUID } from 'node:crypto';
import { caseSummaryTableNames } from '../caseSummary/caseSummaryTables';
import { caseHistoryTableName } from '../caseHistory/caseHistoryTables';
import { projections } from '../projections';
import { replayProjections } from '../service/replayProjections';
import { runSteps } from '../testing/caseWriter';
import { grantedCase, offeredCase, rejectedCase, requestedCase } from '../testing/scenarios';
import { silentLogger } from '../testing/silentLogger';
import { describeEachDatabase, type OpenedTestStore } from '../testing/testDatabases';
import { startProjections, type RunningProjections } from './startProjections';

const now = new Date('2024-05-15T08:30:00.000Z');
const clock = () => now;

describeEachDatabase('Rebuilding the projections', (database) => {
  let opened: OpenedTestStore;
  let running: RunningProjections;

  beforeEach(async () => {
    opened = await database.open();
    // Small batches: the incremental models are built over many transactions.
    running = await startProjections(
      { store: opened.store, db: opened.db, logger: silentLogger(), clock },
      projections,
      { refresh: false, batchSize: 2 },
    );
  });
  afterEach(async () => {
    await running.stop();
    await opened.close();
  });

  const readModels = async (generations: { summary: number; history: number }) => {
    const tables = caseSummaryTableNames(generations.summary);
    const all = (sql: string) => opened.db.query(sql);
    return {
      summary: await all(`SELECT * FROM ${tables.summary} ORDER BY case_id`),
      worklist: await all(`SELECT * FROM ${tables.worklist} ORDER BY case_id, audience`),
      deadlines: await all(`SELECT * FROM ${tables.deadlines} ORDER BY case_id, kind`),
      history: await all(
        `SELECT * FROM ${caseHistoryTableName(generations.history)} ORDER BY position`,
      ),
    };
  };
  const live = () => ({
    summary: running.liveGeneration('case-summary'),
    history: running.liveGeneration('case-history'),
  });

  const writeCases = async () => {
    // Interleaved writers, so batches mix streams.
    await Promise.all([
      runSteps(opened.store, grantedCase(randomUUID())),
      runSteps(opened.store, rejectedCase(randomUUID())),
      runSteps(opened.store, requestedCase(randomUUID())),
      runSteps(opened.store, offeredCase(randomUUID())),
    ]);
  };

  it('gives exactly the same read models from position 0 as incremental processing did', async () => {
    await writeCases();
    await running.whenCaughtUp();
    const before = live();
    const incremental = await readModels(before);
    expect(incremental.summary).toHaveLength(4);
    expect(incremental.history.length).toBeGreaterThan(20);

    const results = await running.rebuild();

    expect(results.map((r) => [r.projection, r.previousGeneration, r.generation])).toEqual([
      ['case-summary', before.summary, before.summary + 1],
      ['case-history', before.history, before.history + 1],
    ]);
    expect(live()).toEqual({ summary: before.summary + 1, history: before.history + 1 });
    // The retired generation is kept until the next rebuild, so both can be compared.
    expect(await readModels(live())).toEqual(incremental);
  });

  it('keeps the new generation live: events after the switch land in it', async () => {
    await writeCases();
    await running.rebuild(['case-summary']);
    const caseId = randomUUID();
    await runSteps(opened.store, offeredCase(caseId));
    await running.whenCaughtUp();
    const rows = await opened.db.query(
      `SELECT case_id FROM ${caseSummaryTableNames(running.liveGeneration('case-summary')).summary} WHERE case_id = $1`,
      [caseId],
    );
    expect(rows).toHaveLength(1);
  });

  it('lets a running service follow a replay made by the replay command', async () => {
    await writeCases();
    await running.whenCaughtUp();
    const before = live();
    const incremental = await readModels(before);

    const results = await replayProjections(
      { store: opened.store, db: opened.db, logger: silentLogger(), clock, batchSize: 500 },
      ['case-summary', 'case-history'],
    );
    expect(results.map((r) => r.generation)).toEqual([before.summary + 1, before.history + 1]);
    await waitFor(
      () => live().summary === before.summary + 1 && live().history === before.history + 1,
    );
    expect(await readModels(live())).toEqual(incremental);

    const caseId = randomUUID();
    await runSteps(opened.store, requestedCase(caseId));
    await running.whenCaughtUp();
    const [row] = await opened.db.query<{ status: string }>(
      `SELECT status FROM ${caseSummaryTableNames(live().summary).summary} WHERE case_id = $1`,
      [caseId],
    );
    expect(row?.status).toBe('requested');
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
