import { randomUUID } from 'node:crypto';
import {
  caseStreamId,
  eligibility,
  foldCase,
  fundingCoverage,
  nextStep,
  upcast,
} from '@kot/domain';
import { actors } from '@kot/domain/testing';
import { startProjections, type RunningProjections } from '../generations/startProjections';
import { projections } from '../projections';
import { describeEachDatabase, type OpenedTestStore } from '../testing/testDatabases';
import { runSteps } from '../testing/caseWriter';
import { grantedCase, offeredCase, rejectedCase, requestedCase } from '../testing/scenarios';
import { silentLogger } from '../testing/silentLogger';
import { caseSummaryTableNames } from './caseSummaryTables';

const now = new Date('2024-04-20T10:00:00.000Z');

describeEachDatabase('The case-summary projection', (database) => {
  let opened: OpenedTestStore;
  let running: RunningProjections;

  beforeAll(async () => {
    opened = await database.open();
    running = await startProjections(
      { store: opened.store, db: opened.db, logger: silentLogger(), clock: () => now },
      projections,
      { refresh: false, batchSize: 7 },
    );
  });
  afterAll(async () => {
    await running.stop();
    await opened.close();
  });

  const tables = () => caseSummaryTableNames(running.liveGeneration('case-summary'));
  const summaryOf = async (caseId: string) => {
    const [row] = await opened.db.query<Record<string, unknown>>(
      `SELECT *, next_due::text AS next_due, referred_on::text AS referred_on,
              claimed_on::text AS claimed_on, requested_on::text AS requested_on
       FROM ${tables().summary} WHERE case_id = $1`,
      [caseId],
    );
    return row;
  };

  it('stores for every case what the domain says about its folded state, batch after batch', async () => {
    const ids = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await runSteps(opened.store, requestedCase(ids[0]!));
    await runSteps(opened.store, grantedCase(ids[1]!));
    await runSteps(opened.store, rejectedCase(ids[2]!));
    await runSteps(opened.store, offeredCase(ids[3]!));
    await running.whenCaughtUp();

    for (const caseId of ids) {
      const events = await opened.store.readStream(caseStreamId(caseId));
      const state = foldCase(events.map((event) => upcast(event)));
      const step = nextStep(state, now.toISOString());
      const coverage = fundingCoverage(state, now.toISOString());
      const row = await summaryOf(caseId);
      expect(row).toMatchObject({
        status: state.status,
        municipality: state.municipality,
        revision: events.length - 1,
        next_action: step?.action ?? null,
        next_responsible_organisation: step?.responsible.organisation ?? null,
        next_due: step?.due ?? null,
        next_overdue: step?.overdue ?? false,
        funded_today: coverage.fundedToday,
        gap_days: coverage.gapDays,
        days_at_risk: coverage.daysAtRisk,
        at_risk: coverage.atRisk,
        eligibility_verdict: eligibility(state, '2024-04-20').verdict,
      });
    }
    expect(await summaryOf(ids[0]!)).toMatchObject({
      referred_on: '2024-03-04',
      claimed_on: '2024-03-07',
      requested_on: '2024-03-11',
      claimed_by_organisation: actors.bewindvoerder.organisation,
    });
  });

  it('puts each open step on the worklist of the responsible organisation, and overdue ones on the escalation list too', async () => {
    const caseId = randomUUID();
    await runSteps(opened.store, requestedCase(caseId));
    await running.whenCaughtUp();
    const rows = await opened.db.query<{
      audience: string;
      party_organisation: string;
      due: string;
    }>(
      `SELECT audience, party_organisation, due::text AS due FROM ${tables().worklist}
       WHERE case_id = $1 ORDER BY audience DESC`,
      [caseId],
    );
    // Requested on 2024-03-11: Toeslagen had 5 days, so on 2024-04-20 it is overdue.
    expect(rows).toEqual([
      { audience: 'responsible', party_organisation: 'DienstToeslagen', due: '2024-03-16' },
      { audience: 'escalation', party_organisation: 'DienstToeslagen', due: '2024-03-16' },
    ]);
  });

  it('keeps names, BSNs and free-text reasons out of every read-model table', async () => {
    const caseId = randomUUID();
    await runSteps(opened.store, rejectedCase(caseId));
    await runSteps(opened.store, grantedCase(randomUUID()));
    await running.whenCaughtUp();
    const dump = JSON.stringify([
      await opened.db.query(`SELECT * FROM ${tables().summary}`),
      await opened.db.query(`SELECT * FROM ${tables().worklist}`),
      await opened.db.query(`SELECT * FROM ${tables().deadlines}`),
      await opened.db.query(
        `SELECT * FROM case_history_g${running.liveGeneration('case-history')}`,
      ),
    ]);
    for (const secret of [
      'Ruud Verbeek',
      'Lotte',
      'Daan',
      '1988-04-12',
      'C/16/123456',
      'werkt niet',
    ]) {
      expect(dump).not.toContain(secret);
    }
    const stored = (await summaryOf(caseId))!.state as {
      household: { partners: Array<Record<string, unknown>> };
    };
    const partner = stored.household.partners[0];
    expect(partner).toMatchObject({ name: null, bsn: null, birthDate: null, workStatus: 'none' });
  });

  it('records one history row per event with actor and both times', async () => {
    const caseId = randomUUID();
    await runSteps(opened.store, requestedCase(caseId));
    await running.whenCaughtUp();
    const rows = await opened.db.query<Record<string, unknown>>(
      `SELECT type, revision, actor_id, actor_role, actor_organisation, occurred_at
       FROM case_history_g${running.liveGeneration('case-history')} WHERE case_id = $1 ORDER BY revision`,
      [caseId],
    );
    expect(rows.map((row) => row['type'])).toEqual([
      'ReferralOpened',
      'EligibilityChecked',
      'CaseOffered',
      'CaseClaimed',
      'KotRequested',
    ]);
    expect(rows[3]).toMatchObject({
      revision: 3,
      actor_id: actors.bewindvoerder.id,
      actor_role: 'bewindvoerder',
      actor_organisation: actors.bewindvoerder.organisation,
    });
    expect((rows[3]!['occurred_at'] as Date).toISOString()).toBe('2024-03-07T11:00:00.000Z');
  });
});
