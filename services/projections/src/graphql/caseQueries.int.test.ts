/* eslint-disable @typescript-eslint/no-explicit-any -- answers are checked by shape (toMatchObject); typing each one would only repeat the schema */
import { randomUUID } from 'node:crypto';
import { notificationStreamId } from '@kot/domain';
import { actors, at } from '@kot/domain/testing';
import { describeEachDatabase, type OpenedTestStore } from '../testing/testDatabases';
import { runSteps } from '../testing/caseWriter';
import { offeredCase, rejectedCase, requestedCase } from '../testing/scenarios';
import { startTestServer, type TestServer } from '../testing/startTestServer';

const now = new Date('2024-04-20T10:00:00.000Z');

const caseQuery = `query ($id: ID!) {
  case(id: $id) {
    id viewLevel status municipality
    household { composition partners { partnerId name bsn birthDate workStatus } }
    children { childId name bsn livesAtHome childcare { lrkNumber hoursPerMonth } }
    claim { by { organisation role } mandate { type reference } }
    eligibility { verdict conditions { code met explanation { en } } }
    nextStep { action responsible { organisation role } due overdue daysOverdue escalateTo { organisation role } }
    fundingCoverage { fundedToday gapDays daysAtRisk atRisk smiEndsOn gaps { from to days } }
  }
}`;

describeEachDatabase('The GraphQL read side over HTTP', (database) => {
  let opened: OpenedTestStore;
  let api: TestServer;
  const utrecht = randomUUID();
  const zwolle = randomUUID();
  const offered = randomUUID();
  let beforeRequest = '';

  beforeAll(async () => {
    opened = await database.open();
    api = await startTestServer(opened, () => now);
    const steps = requestedCase(utrecht);
    await runSteps(opened.store, steps.slice(0, -1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    beforeRequest = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await runSteps(opened.store, steps.slice(-1));
    await runSteps(opened.store, rejectedCase(zwolle));
    await runSteps(opened.store, offeredCase(offered));
    await api.service.whenCaughtUp();
  });
  afterAll(async () => {
    await api.close();
    await opened.close();
  });

  it('shows the officer of the municipality the whole case, names and BSNs included', async () => {
    const { data, errors } = await api.gql<{ case: Record<string, any> }>(
      actors.officer,
      caseQuery,
      { id: utrecht },
    );
    expect(errors).toBeUndefined();
    expect(data!.case).toMatchObject({
      id: utrecht,
      viewLevel: 'PERSONAL',
      status: 'requested',
      municipality: 'GM0344',
      household: {
        partners: [{ name: 'Ruud Verbeek' }, { name: 'Lotte Verbeek', workStatus: 'employed' }],
      },
      children: [{ name: 'Daan Verbeek', livesAtHome: true }],
      claim: {
        by: { organisation: 'org-bewind-horizon' },
        mandate: { type: 'court-bewind', reference: 'C/16/123456' },
      },
      eligibility: { verdict: 'yes' },
      nextStep: {
        action: 'register-wlz-request',
        responsible: { organisation: 'DienstToeslagen', role: 'toeslagen-officer' },
        due: '2024-03-16',
        overdue: true,
        escalateTo: { organisation: 'DienstToeslagen', role: 'toeslagen-team-lead' },
      },
      fundingCoverage: { fundedToday: true, smiEndsOn: '2024-06-30' },
    });
    expect(data!.case['children'][0].bsn).toMatch(/^\d{9}$/);
  });

  it('answers NOT_FOUND to an officer of another municipality, as for a case that does not exist', async () => {
    const other = await api.gql(actors.otherOfficer, caseQuery, { id: utrecht });
    const missing = await api.gql(actors.otherOfficer, caseQuery, { id: randomUUID() });
    expect(other.data).toBeNull();
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(other.errors?.[0]?.message).toBe(missing.errors?.[0]?.message);
  });

  it('shows an organisation the case was offered to a summary without who the family is', async () => {
    const { data, errors } = await api.gql<{ case: Record<string, any> }>(
      actors.clientSupporter,
      caseQuery,
      { id: offered },
    );
    expect(errors).toBeUndefined();
    expect(data!.case['viewLevel']).toBe('SUMMARY');
    expect(data!.case['household'].partners).toEqual([
      expect.objectContaining({ name: null, bsn: null, birthDate: null }),
      expect.objectContaining({ name: null, bsn: null, birthDate: null }),
    ]);
    expect(data!.case['children'][0]).toMatchObject({ name: null, bsn: null, livesAtHome: true });
    expect(data!.case['nextStep']).toMatchObject({ action: 'get-case-claimed' });
    const notOffered = await api.gql(actors.clientSupporter, caseQuery, { id: utrecht });
    expect(notOffered.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('records every auditor read of personal data, and only reads that showed personal data', async () => {
    const personal = await api.gql(
      actors.auditor,
      `query ($id: ID!) { case(id: $id) { children { bsn } } }`,
      { id: utrecht },
    );
    expect(personal.errors).toBeUndefined();
    await api.gql(
      actors.auditor,
      `query ($id: ID!) { case(id: $id) { status nextStep { action } } }`,
      { id: utrecht },
    );
    await api.gql(actors.officer, caseQuery, { id: utrecht });
    const { data } = await api.gql<{ personalDataReads: Array<Record<string, any>> }>(
      actors.auditor,
      `query ($id: ID!) { personalDataReads(caseId: $id) { caseId what query actor { id role organisation } readAt } }`,
      { id: utrecht },
    );
    expect(data!.personalDataReads).toEqual([
      {
        caseId: utrecht,
        what: 'children.bsn',
        query: 'case',
        actor: {
          id: actors.auditor.id,
          role: 'auditor',
          organisation: actors.auditor.organisation,
        },
        readAt: now.toISOString(),
      },
    ]);
    const officer = await api.gql(
      actors.officer,
      `query ($id: ID!) { personalDataReads(caseId: $id) { what } }`,
      { id: utrecht },
    );
    expect(officer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps the record of personal data reads append-only: the database refuses to change or delete it', async () => {
    await api.gql(actors.auditor, `query ($id: ID!) { case(id: $id) { children { name } } }`, {
      id: zwolle,
    });
    const count = `SELECT count(*)::int AS n FROM personal_data_reads WHERE case_id = $1`;
    const before = await opened.db.query<{ n: number }>(count, [zwolle]);
    expect(before[0]!.n).toBe(1);
    for (const statement of [
      `UPDATE personal_data_reads SET actor_id = 'someone-else' WHERE case_id = $1`,
      `DELETE FROM personal_data_reads WHERE case_id = $1`,
    ]) {
      await expect(opened.db.query(statement, [zwolle])).rejects.toThrow(/append-only/);
    }
    await expect(opened.db.query(`TRUNCATE personal_data_reads`)).rejects.toThrow(/append-only/);
    const rows = await opened.db.query<{ actor_id: string }>(
      `SELECT actor_id FROM personal_data_reads WHERE case_id = $1`,
      [zwolle],
    );
    expect(rows).toEqual([{ actor_id: actors.auditor.id }]);
  });

  it("lists the caller's organisation's steps and the overdue steps escalated to their role, most urgent first", async () => {
    const query = `query ($first: Int, $after: String) {
      worklist(first: $first, after: $after) { items { caseId action audience due overdue mine } pageInfo { endCursor hasNextPage } }
    }`;
    const toeslagen = await api.gql<{ worklist: any }>(actors.toeslagen, query, { first: 10 });
    expect(toeslagen.data!.worklist.items).toEqual([
      {
        caseId: utrecht,
        action: 'register-wlz-request',
        audience: 'RESPONSIBLE',
        due: '2024-03-16',
        overdue: true,
        mine: false,
      },
    ]);
    const officer = await api.gql<{ worklist: any }>(actors.officer, query, { first: 1 });
    expect(officer.data!.worklist.items).toEqual([
      expect.objectContaining({
        caseId: offered,
        action: 'get-case-claimed',
        audience: 'RESPONSIBLE',
        mine: true,
      }),
    ]);
    const teamLead = { ...actors.toeslagen, id: 'u-dt-lead', role: 'toeslagen-team-lead' as const };
    const escalated = await api.gql<{ worklist: any }>(teamLead, query, { first: 10 });
    expect(
      escalated.data!.worklist.items.map((item: { audience: string }) => item.audience),
    ).toEqual(['ESCALATION', 'RESPONSIBLE']);
  });

  it('narrows the worklist to the kinds of step and the people a section of the page shows', async () => {
    const query = `query ($scope: WorklistScope, $audiences: [WorklistAudience!], $first: Int) {
      worklist(scope: $scope, audiences: $audiences, first: $first) { items { caseId audience mine } pageInfo { hasNextPage } }
    }`;
    const offers = await api.gql<{ worklist: any }>(actors.clientSupporter, query, {
      scope: 'ORGANISATION',
      audiences: ['OFFERED'],
      first: 1,
    });
    expect(offers.data!.worklist.items).toEqual([
      { caseId: offered, audience: 'OFFERED', mine: false },
    ]);
    const steps = await api.gql<{ worklist: any }>(actors.clientSupporter, query, {
      scope: 'ORGANISATION',
      audiences: ['RESPONSIBLE', 'ESCALATION'],
    });
    expect(steps.data!.worklist.items).toEqual([]);
    // The offered case waits for the officer who referred it: hers, not her colleague's.
    const own = await api.gql<{ worklist: any }>(actors.officer, query, { scope: 'COLLEAGUES' });
    expect(own.data!.worklist.items).toEqual([]);
    const colleague = { ...actors.officer, id: 'u-officer-utrecht-2', name: 'Sara Bos' };
    const theirs = await api.gql<{ worklist: any }>(colleague, query, { scope: 'COLLEAGUES' });
    expect(theirs.data!.worklist.items).toEqual([
      { caseId: offered, audience: 'RESPONSIBLE', mine: false },
    ]);
  });

  it('pages through cases with a cursor, never past what the caller may see', async () => {
    const query = `query ($filter: CaseFilterInput, $first: Int, $after: String) {
      cases(filter: $filter, first: $first, after: $after) { items { caseId municipality viewLevel overdue } pageInfo { endCursor hasNextPage } }
    }`;
    const first = await api.gql<{ cases: any }>(actors.officer, query, { first: 1 });
    expect(first.data!.cases.pageInfo.hasNextPage).toBe(true);
    const second = await api.gql<{ cases: any }>(actors.officer, query, {
      first: 1,
      after: first.data!.cases.pageInfo.endCursor,
    });
    const seen = [...first.data!.cases.items, ...second.data!.cases.items].map(
      (item: { caseId: string }) => item.caseId,
    );
    expect(seen.sort()).toEqual([utrecht, offered].sort());
    expect(second.data!.cases.pageInfo.hasNextPage).toBe(false);

    const overdueElsewhere = await api.gql<{ cases: any }>(actors.officer, query, {
      filter: { municipality: 'GM0193' },
    });
    expect(overdueElsewhere.data!.cases.items).toEqual([]);
    const auditorOverdue = await api.gql<{ cases: any }>(actors.auditor, query, {
      filter: { overdue: true },
    });
    // Zwolle's rejected case is not overdue: the officer has until the objection period ends.
    expect(
      auditorOverdue.data!.cases.items.map((item: { caseId: string }) => item.caseId).sort(),
    ).toEqual([utrecht, offered].sort());
    const bad = await api.gql(actors.officer, query, { filter: { status: 'lost' } });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lists every event of the case with actor, role, organisation, business time and recorded time', async () => {
    const { data } = await api.gql<{ caseHistory: Array<Record<string, any>> }>(
      actors.officer,
      `query ($id: ID!) { caseHistory(id: $id) { revision type actor { id role organisation } occurredAt recordedAt } }`,
      { id: utrecht },
    );
    expect(data!.caseHistory.map((entry) => entry['type'])).toEqual([
      'ReferralOpened',
      'EligibilityChecked',
      'CaseOffered',
      'CaseClaimed',
      'KotRequested',
    ]);
    expect(data!.caseHistory[4]).toMatchObject({
      revision: 4,
      actor: {
        id: actors.bewindvoerder.id,
        role: 'bewindvoerder',
        organisation: 'org-bewind-horizon',
      },
      occurredAt: '2024-03-11T11:00:00.000Z',
    });
    expect(data!.caseHistory[4]!['recordedAt'] > beforeRequest).toBe(true);
  });

  it('shows in the history who was notified of the case, how, and whether it arrived', async () => {
    const record = (type: 'NotificationDelivered' | 'NotificationFailed', channel: string) => ({
      eventId: randomUUID(),
      type,
      schemaVersion: 1,
      data: {
        notificationId: `kot-decided:x:${channel}`,
        rule: 'kot-decided',
        caseId: zwolle,
        channel,
        recipient: { organisation: 'org-bewind-horizon', role: 'bewindvoerder' },
        address: 'org-bewind-horizon/bewindvoerder/*',
        attempts: 1,
        ...(type === 'NotificationDelivered'
          ? { deliveredAt: now.toISOString() }
          : { failedAt: now.toISOString(), error: 'HTTP 503' }),
      },
      metadata: {
        actor: { id: 'notifications', role: 'platform-admin', organisation: 'platform' },
        occurredAt: now.toISOString(),
      },
    });
    await opened.store.append(notificationStreamId(zwolle), [
      record('NotificationDelivered', 'email'),
      record('NotificationFailed', 'webhook'),
    ]);
    await api.service.whenCaughtUp();
    const { data } = await api.gql<{ caseHistory: Array<Record<string, any>> }>(
      actors.auditor,
      `query ($id: ID!) { caseHistory(id: $id) { type notification { rule channel outcome error recipient { organisation role } } } }`,
      { id: zwolle },
    );
    const deliveries = data!.caseHistory.filter((entry) => entry['notification'] !== null);
    expect(deliveries).toEqual([
      {
        type: 'NotificationDelivered',
        notification: {
          rule: 'kot-decided',
          channel: 'email',
          outcome: 'delivered',
          error: null,
          recipient: { organisation: 'org-bewind-horizon', role: 'bewindvoerder' },
        },
      },
      {
        type: 'NotificationFailed',
        notification: {
          rule: 'kot-decided',
          channel: 'webhook',
          outcome: 'failed',
          error: 'HTTP 503',
          recipient: { organisation: 'org-bewind-horizon', role: 'bewindvoerder' },
        },
      },
    ]);
    expect(data!.caseHistory.at(-1)?.['type']).toBe('NotificationFailed');
    expect(data!.caseHistory[0]?.['type']).toBe('ReferralOpened');
  });

  it('shows the case as it was known before and after a change, with the rules evaluated then', async () => {
    const query = `query ($id: ID!, $at: DateTimeISO!, $axis: TimeAxis) {
      caseAsOf(id: $id, at: $at, timeAxis: $axis) { status eventCount at nextStep { action due overdue } household { partners { name } } }
    }`;
    const before = await api.gql<{ caseAsOf: any }>(actors.auditor, query, {
      id: utrecht,
      at: beforeRequest,
    });
    // Recorded time is the machine's clock, long after this family's SMI ended (30 June 2024):
    // evaluated then, the days without funding come first, before and after the request alike.
    expect(before.data!.caseAsOf).toMatchObject({
      status: 'claimed',
      eventCount: 4,
      nextStep: { action: 'secure-funding' },
    });
    const after = await api.gql<{ caseAsOf: any }>(actors.auditor, query, {
      id: utrecht,
      at: new Date().toISOString(),
    });
    expect(after.data!.caseAsOf).toMatchObject({
      status: 'requested',
      eventCount: 5,
      nextStep: { action: 'secure-funding' },
    });
    const business = await api.gql<{ caseAsOf: any }>(actors.officer, query, {
      id: utrecht,
      at: '2024-03-08T12:00:00.000Z',
      axis: 'BUSINESS',
    });
    expect(business.data!.caseAsOf).toMatchObject({
      status: 'claimed',
      at: '2024-03-08T12:00:00.000Z',
      nextStep: { action: 'request-kot', due: '2024-03-14', overdue: false },
      household: { partners: [{ name: 'Ruud Verbeek' }, { name: 'Lotte Verbeek' }] },
    });
    const tooEarly = await api.gql(actors.officer, query, {
      id: utrecht,
      at: '2020-01-01T00:00:00Z',
      axis: 'BUSINESS',
    });
    expect(tooEarly.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const { data } = await api.gql<{ personalDataReads: Array<{ query: string; what: string }> }>(
      actors.auditor,
      `query ($id: ID!) { personalDataReads(caseId: $id) { query what } }`,
      { id: utrecht },
    );
    expect(data!.personalDataReads).toContainEqual({
      query: 'caseAsOf',
      what: 'household.partners.name',
    });
  });

  it('answers NOT_FOUND to an integrity check of a case the platform never had', async () => {
    const query = `query ($id: ID!) { verifyIntegrity(id: $id) { valid eventCount } }`;
    const answer = await api.gql(actors.auditor, query, { id: randomUUID() });
    expect(answer.data).toBeNull();
    expect(answer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('lets auditors, and only auditors, verify the hash chain', async () => {
    const query = `query ($id: ID!) { verifyIntegrity(id: $id) { valid eventCount firstInvalidRevision } }`;
    const auditor = await api.gql<{ verifyIntegrity: any }>(actors.auditor, query, { id: zwolle });
    expect(auditor.data!.verifyIntegrity).toEqual({
      valid: true,
      eventCount: 11,
      firstInvalidRevision: null,
    });
    const officer = await api.gql(actors.otherOfficer, query, { id: zwolle });
    expect(officer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('reports the process per municipality to its officers and nationally to auditors', async () => {
    const query = `query ($municipality: String) {
      report(municipality: $municipality) {
        municipality referred claimed applied granted rejected
        eligibility { key count } rejectedByReason { key count } openGaps
        medianDays { referralToClaim claimToRequest requestToApplication applicationToDecision }
      }
    }`;
    const own = await api.gql<{ report: any }>(actors.officer, query);
    expect(own.data!.report).toMatchObject({
      municipality: 'GM0344',
      referred: 2,
      claimed: 1,
      applied: 0,
    });
    const other = await api.gql(actors.officer, query, { municipality: 'GM0193' });
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const national = await api.gql<{ report: any }>(actors.auditor, query);
    expect(national.data!.report).toMatchObject({
      municipality: null,
      referred: 3,
      claimed: 2,
      applied: 1,
      rejected: 1,
      rejectedByReason: [{ key: 'partner-not-working', count: 1 }],
      medianDays: {
        referralToClaim: 3.5,
        claimToRequest: 2.5,
        requestToApplication: 20,
        applicationToDecision: 23,
      },
    });
    const supporter = await api.gql(actors.bewindvoerder, query);
    expect(supporter.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a tampered page cursor with BAD_USER_INPUT on the field after, before the database sees it', async () => {
    const tampered = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');
    const worklist = await api.gql(
      actors.toeslagen,
      `query ($after: String) { worklist(first: 5, after: $after) { items { caseId } } }`,
      { after: tampered(['not-a-date', utrecht, 'responsible']) },
    );
    const cases = await api.gql(
      actors.auditor,
      `query ($after: String) { cases(first: 5, after: $after) { items { caseId } } }`,
      { after: tampered(['2024-02-30', utrecht]) },
    );
    for (const answer of [worklist, cases]) {
      expect(answer.status).toBe(200);
      expect(answer.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'after', reason: expect.anything() }],
      });
    }
  });

  it('refuses an operation that asks for the report hundreds of times, before running any of it', async () => {
    const aliases = Array.from({ length: 300 }, (_, i) => `r${i}: report { referred }`).join(' ');
    const answer = await api.gql(actors.auditor, `query { ${aliases} }`);
    // 300 aliases are refused by the alias limit before the cost is even counted.
    expect(answer.status).toBe(400);
    expect(answer.data).toBeNull();
    expect(answer.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(answer.errors?.[0]?.message).toMatch(/alias/i);
    const integrity = Array.from(
      { length: 30 },
      (_, i) => `v${i}: verifyIntegrity(id: "${utrecht}") { valid }`,
    ).join(' ');
    expect((await api.gql(actors.auditor, `query { ${integrity} }`)).status).toBe(400);
  });

  it('answers UNAUTHENTICATED with 401 without a token', async () => {
    const response = await api.gql(null, caseQuery, { id: utrecht });
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('reports a stream cut off at its end as not valid, with the reason in words', async () => {
    const cut = randomUUID();
    await runSteps(opened.store, offeredCase(cut));
    await api.service.whenCaughtUp();
    // What an intruder with database access would do: drop the last event. The rest of the
    // chain is still a valid chain; only the read models remember there was more.
    await opened.db.query(
      `DELETE FROM events WHERE stream_id = $1
         AND revision = (SELECT max(revision) FROM events WHERE stream_id = $1)`,
      [`case-${cut}`],
    );
    const { data } = await api.gql<{ verifyIntegrity: any }>(
      actors.auditor,
      `query ($id: ID!) { verifyIntegrity(id: $id) { valid eventCount firstInvalidRevision reason } }`,
      { id: cut },
    );
    expect(data!.verifyIntegrity).toEqual({
      valid: false,
      eventCount: 1,
      firstInvalidRevision: 1,
      reason: expect.stringMatching(
        /read models have seen revision 1: events at the end of the stream are missing/,
      ),
    });
  });

  it('folds on the business axis only whole starts of the stream, also when an older step is dated after a later one', async () => {
    const mixed = randomUUID();
    const [open, offer] = offeredCase(mixed);
    // Recorded second, but dated two days before the referral it follows.
    await runSteps(opened.store, [open!, [offer![0], at('2024-03-02', actors.officer)]]);
    await api.service.whenCaughtUp();
    const query = `query ($id: ID!, $at: DateTimeISO!) {
      caseAsOf(id: $id, at: $at, timeAxis: BUSINESS) { status eventCount }
    }`;
    const beforeReferral = await api.gql(actors.auditor, query, {
      id: mixed,
      at: '2024-03-03T12:00:00.000Z',
    });
    expect(beforeReferral.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const afterBoth = await api.gql<{ caseAsOf: any }>(actors.auditor, query, {
      id: mixed,
      at: '2024-04-02T12:00:00.000Z',
    });
    expect(afterBoth.data!.caseAsOf).toEqual({ status: 'referred', eventCount: 2 });
  });

  it('lets a platform administrator rebuild a read model, as auditors may', async () => {
    const admin = { id: 'u-admin-1', role: 'platform-admin', organisation: 'platform' } as const;
    const { data, errors } = await api.gql<{ rebuildProjections: any }>(
      admin,
      `mutation { rebuildProjections(projections: ["case-history"]) { projection generation } }`,
    );
    expect(errors).toBeUndefined();
    expect(data!.rebuildProjections).toEqual([
      { projection: 'case-history', generation: expect.any(Number) },
    ]);
  });

  it('is ready when the projections are caught up', async () => {
    const response = await fetch(`${api.server.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      ready: true,
      checks: { 'projection:case-summary': { ok: true }, 'projection:case-history': { ok: true } },
    });
  });
});
