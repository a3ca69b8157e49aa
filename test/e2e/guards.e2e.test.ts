// What keeps the record right when people and systems misbehave or collide: two claimants at the
// same moment, retried commands, actions a role may not take, no token, bad input. Every refusal
// must leave the case exactly as it was.
import {
  CIZ,
  householdOrganisation,
  syntheticBsn,
  type Actor,
  type CaseCommandType,
} from '@kot/domain';
import { actors, child, couple } from '@kot/domain/testing';
import { issueToken } from '@kot/platform';
import { bringTo } from './applicationSteps';
import { courtBewind, day, family, horizonOffice, kotStart, type Family } from './families';
import { overHttp, refusalOf, type Caller, type GraphQLAnswer, type OverHttp } from './overHttp';
import { describeOnEachEngine } from './platformUnderTest';

const notAValidBsn = '123456789'; // fails the 11-proof

describeOnEachEngine('claims at the same moment and retried commands', (platform) => {
  let http: OverHttp;
  beforeAll(() => {
    http = overHttp(platform());
  });

  it('gives a case offered to an office to exactly one of two bewindvoerders who claim it at the same moment, and tells the other who has it', async () => {
    const colleague = { token: await platform().tokenFor(actors.bewindColleague) };
    // Several cases at once, so the claims really race for the same stream.
    const offered = [family(), family(), family()];
    for (const f of offered) await bringTo(http, f, 'OfferCase');

    const races = await Promise.all(
      offered.map((f) =>
        Promise.all([
          http.command('bewindvoerder', 'ClaimCase', { caseId: f.caseId, mandate: courtBewind }),
          http.command(colleague, 'ClaimCase', { caseId: f.caseId, mandate: courtBewind }),
        ]),
      ),
    );

    for (const [index, claims] of races.entries()) {
      const caseId = offered[index]!.caseId;
      const won = claims.filter((claim) => claim.data?.result);
      const lost = claims.filter((claim) => !claim.data?.result);
      expect({ won: won.length, lost: lost.length }).toEqual({ won: 1, lost: 1 });
      const winner = claims[0]!.data?.result ? actors.bewindvoerder : actors.bewindColleague;
      expect(refusalOf(lost[0]!)).toEqual({ code: 'CONFLICT', fields: [] });
      expect(lost[0]!.errors[0]?.message).toBe(`The case is already taken on by ${winner.name}.`);

      await http.untilProjected(won[0]!.data!.result.position);
      const history = await http.history(caseId);
      expect(history.filter((entry) => entry.type === 'CaseClaimed')).toEqual([
        expect.objectContaining({ actor: expect.objectContaining({ id: winner.id }) }),
      ]);
    }
  });

  it('records a mutation sent twice with the same commandId once and answers both times the same', async () => {
    const f = family();
    await bringTo(http, f, 'ClaimCase');
    const before = await http.eventsInLog(f.caseId);

    const request = { caseId: f.caseId, channel: 'PHONE' };
    const first = await http.command('bewindvoerder', 'RequestKot', request, {
      commandId: `request-${f.caseId}`,
    });
    const retried = await http.command('bewindvoerder', 'RequestKot', request, {
      commandId: `request-${f.caseId}`,
    });

    expect(first.errors).toEqual([]);
    expect(retried).toEqual(first);
    expect(await http.eventsInLog(f.caseId)).toBe(before + 1);
  });

  it('records a mutation retried with the same Idempotency-Key header once and answers both times the same', async () => {
    const f = family();
    await bringTo(http, f, 'RequestKot');
    const before = await http.eventsInLog(f.caseId);
    const key = `register-${f.caseId}`;

    const first = await http.command(
      'toeslagen-officer',
      'RegisterWlzRequest',
      { caseId: f.caseId },
      { idempotencyKey: key },
    );
    const retried = await http.command(
      'toeslagen-officer',
      'RegisterWlzRequest',
      { caseId: f.caseId },
      { idempotencyKey: key },
    );

    expect(first.data?.result.commandId).toBe(key);
    expect(retried).toEqual(first);
    expect(await http.eventsInLog(f.caseId)).toBe(before + 1);
  });

  it('records a REST command an agency system retries with the same Idempotency-Key, even at the same moment, once and answers each retry the same', async () => {
    const f = family();
    await bringTo(http, f, 'RegisterWlzRequest');
    const before = await http.eventsInLog(f.caseId);
    const confirmation = {
      caseId: f.caseId,
      partnerId: 'p1',
      kind: 'permanent',
      validFrom: '2019-06-01',
    };
    const key = `check-${f.caseId}`;

    const [first, concurrent] = await Promise.all([
      http.post('toeslagen-officer', 'ConfirmWlzIndication', confirmation, key),
      http.post('toeslagen-officer', 'ConfirmWlzIndication', confirmation, key),
    ]);
    const later = await http.post('toeslagen-officer', 'ConfirmWlzIndication', confirmation, key);

    expect(first.status).toBe(200);
    expect([concurrent.status, later.status]).toEqual([200, 200]);
    expect(concurrent.body).toEqual(first.body);
    expect(later.body).toEqual(first.body);
    expect(await http.eventsInLog(f.caseId)).toBe(before + 1);
  });

  it('refuses a key that comes back with a different request, over GraphQL with CONFLICT and over REST with 409, and records nothing', async () => {
    const f = family();
    await bringTo(http, f, 'RecordApplicationReceived');
    const key = `grant-${f.caseId}`;
    const first = await http.post(
      'toeslagen-officer',
      'GrantKot',
      { caseId: f.caseId, grantedFrom: kotStart },
      key,
    );
    expect(first.status).toBe(200);
    const before = await http.eventsInLog(f.caseId);

    // The agency corrects the start date and resends under the same key.
    const corrected = { caseId: f.caseId, grantedFrom: day(8) };
    const overRest = await http.post('toeslagen-officer', 'GrantKot', corrected, key);
    const overGraphQL = await http.command('toeslagen-officer', 'GrantKot', corrected, {
      idempotencyKey: key,
    });

    expect(overRest.status).toBe(409);
    expect(overRest.headers.get('content-type')).toContain('application/problem+json');
    expect(overRest.body).toMatchObject({
      status: 409,
      code: 'CONFLICT',
      type: 'urn:kot:problem:command-id-reused',
      detail: expect.stringMatching(/already used for a different request/),
      reason: { nl: expect.stringMatching(/al gebruikt voor een ander verzoek/) },
    });
    expect(refusalOf(overGraphQL).code).toBe('CONFLICT');
    expect(overGraphQL.data).toBeNull();
    expect(await http.eventsInLog(f.caseId)).toBe(before);
  });

  it('refuses a document with two mutations under one Idempotency-Key with BAD_USER_INPUT, and carries out neither', async () => {
    const f = family();
    await bringTo(http, f, 'OfferCase');
    const before = await http.eventsInLog(f.caseId);
    const answer = await http.query(
      'smi-officer-utrecht',
      `mutation Both($id: ID!) {
        first: extendSmi(input: { caseId: $id, until: "${day(200)}" }) { revision }
        second: extendSmi(input: { caseId: $id, until: "${day(230)}" }) { revision }
      }`,
      { id: f.caseId },
      { 'idempotency-key': `both-${f.caseId}` },
    );
    expect(answer.status).toBe(400);
    expect(refusalOf(answer)).toEqual({ code: 'BAD_USER_INPUT', fields: ['Idempotency-Key'] });
    expect(await http.eventsInLog(f.caseId)).toBe(before);
  });

  it('refuses a command id or correlation id that may hold a BSN, naming it, and records nothing', async () => {
    const f = family();
    await bringTo(http, f, 'OfferCase');
    const before = await http.eventsInLog(f.caseId);
    const bsnKey = `extend-${syntheticBsn(4242)}`;
    const asCommandId = await http.command(
      'smi-officer-utrecht',
      'ExtendSmi',
      { caseId: f.caseId, until: day(200) },
      { commandId: bsnKey },
    );
    const asHeader = await http.post(
      'smi-officer-utrecht',
      'ExtendSmi',
      { caseId: f.caseId, until: day(200) },
      bsnKey,
    );
    const asCorrelationId = await http.post(
      'smi-officer-utrecht',
      'ExtendSmi',
      { caseId: f.caseId, until: day(200) },
      undefined,
      { 'x-correlation-id': bsnKey },
    );
    expect(refusalOf(asCommandId)).toEqual({ code: 'BAD_USER_INPUT', fields: ['commandId'] });
    expect([asHeader.status, asCorrelationId.status]).toEqual([400, 400]);
    expect(asHeader.body.errors?.map((error) => error.field)).toEqual(['commandId']);
    expect(asCorrelationId.body.errors?.map((error) => error.field)).toEqual(['X-Correlation-Id']);
    expect(JSON.stringify([asCommandId, asHeader.body, asCorrelationId.body])).not.toContain(
      syntheticBsn(4242),
    );
    expect(await http.eventsInLog(f.caseId)).toBe(before);
  });

  it('opens one case for a referral sent twice without a case id under the same Idempotency-Key', async () => {
    const referral = restReferral();
    const key = `referral-${Date.now()}-${process.pid}`;

    const first = await http.post('smi-officer-utrecht', 'OpenReferral', referral, key);
    const retried = await http.post('smi-officer-utrecht', 'OpenReferral', referral, key);

    expect([first.status, retried.status]).toEqual([201, 201]);
    expect(retried.body).toEqual(first.body);
    expect(await http.eventsInLog(String(first.body['caseId']))).toBe(1);
  });
});

describeOnEachEngine('what a role may not do', (platform) => {
  let http: OverHttp;
  let f: Family;
  /** Callers beyond the demo users: the household itself and a bewindvoerder of another office. */
  const extra: Record<string, Caller> = {};
  let eventsBefore: number;
  let historyBefore: number;

  beforeAll(async () => {
    http = overHttp(platform());
    f = family();
    await bringTo(http, f, 'OfferCase'); // offered to the Horizon office, not claimed yet
    const mint = async (actor: Actor) => ({ token: await platform().tokenFor(actor) });
    extra['household'] = await mint({
      id: `u-household-${f.caseId}`,
      role: 'household',
      organisation: householdOrganisation(f.caseId),
    });
    extra['rival-bewindvoerder'] = await mint(actors.rivalBewindvoerder);
    // Roles without a demo user: CIZ's team lead and the platform's operator.
    extra['ciz-team-lead'] = await mint({
      id: 'u-ciz-lead',
      role: 'ciz-team-lead',
      organisation: CIZ,
    });
    extra['platform-admin'] = await mint({
      id: 'u-admin-1',
      role: 'platform-admin',
      organisation: 'platform',
    });
    eventsBefore = await http.eventsInLog(f.caseId);
    historyBefore = await caseEventsInHistory();
  });

  // Delivery records of the offer's notification may still arrive: count the case's own events.
  const caseEventsInHistory = async () =>
    (await http.history(f.caseId)).filter((entry) => entry.notification === null).length;
  const nothingChanged = async () => ({
    events: await http.eventsInLog(f.caseId),
    history: await caseEventsInHistory(),
  });
  const asBefore = () => ({ events: eventsBefore, history: historyBefore });
  const callerOf = (who: string): Caller => extra[who] ?? (who as Caller);

  // Someone who can see the case but may not take this step is told FORBIDDEN; someone who may
  // not see the case at all gets NOT_FOUND, the answer for a case that does not exist.
  const refusedCommands: Array<
    [who: string, what: string, CaseCommandType, object, 'FORBIDDEN' | 'NOT_FOUND']
  > = [
    ['auditor', 'offer the case', 'OfferCase', { to: horizonOffice }, 'FORBIDDEN'],
    [
      'smi-officer-utrecht',
      'claim the case for the municipality',
      'ClaimCase',
      { mandate: courtBewind },
      'FORBIDDEN',
    ],
    [
      'smi-team-lead-utrecht',
      'end SMI',
      'EndSmi',
      // A well-formed reason: input is checked before authorization.
      { lastDay: day(10), acceptGapReason: 'het gezin stopt met de opvang' },
      'FORBIDDEN',
    ],
    [
      'smi-officer-zwolle',
      'extend SMI of a family in Utrecht',
      'ExtendSmi',
      { until: day(300) },
      'NOT_FOUND',
    ],
    [
      'bewindvoerder',
      'request KOT before claiming the case',
      'RequestKot',
      { channel: 'PHONE' },
      'FORBIDDEN',
    ],
    [
      'household',
      'offer its own case to a supporter',
      'OfferCase',
      { to: horizonOffice },
      'FORBIDDEN',
    ],
    [
      'client-supporter',
      'claim a case offered to another office',
      'ClaimCase',
      { mandate: courtBewind },
      'NOT_FOUND',
    ],
    [
      'rival-bewindvoerder',
      'claim a case offered to another office',
      'ClaimCase',
      { mandate: courtBewind },
      'NOT_FOUND',
    ],
    ['ciz-assessor', 'grant KOT', 'GrantKot', { grantedFrom: kotStart }, 'NOT_FOUND'],
    [
      'ciz-team-lead',
      'confirm an indication, which Toeslagen looks up itself',
      'ConfirmWlzIndication',
      { partnerId: 'p1', kind: 'PERMANENT', validFrom: '2019-06-01' },
      'NOT_FOUND',
    ],
    [
      'toeslagen-officer',
      'end SMI',
      'EndSmi',
      { lastDay: day(10), acceptGapReason: 'x' },
      'NOT_FOUND',
    ],
    ['toeslagen-team-lead', 'register a Wlz request', 'RegisterWlzRequest', {}, 'NOT_FOUND'],
    ['platform-admin', 'offer the case', 'OfferCase', { to: horizonOffice }, 'NOT_FOUND'],
  ];

  it.each(
    refusedCommands.map(
      ([who, what, type, input, code]) => [who, what, code, type, input] as const,
    ),
  )(
    'refuses the %s to %s with %s over GraphQL, and records nothing',
    async (who, _what, code, type, input) => {
      const answer = await http.command(callerOf(who), type, { caseId: f.caseId, ...input });
      expect(refusalOf(answer).code).toBe(code);
      expect(answer.data).toBeNull();
      expect(await nothingChanged()).toEqual(asBefore());
    },
  );

  it('says NOT_FOUND in the same words for a case someone may not see as for a case that does not exist', async () => {
    const input = (caseId: string) => ({ caseId, until: day(300) });
    const hidden = await http.command('smi-officer-zwolle', 'ExtendSmi', input(f.caseId));
    const missing = await http.command('smi-officer-zwolle', 'ExtendSmi', input(family().caseId));
    expect(hidden.errors[0]?.message).toBe(missing.errors[0]?.message);
    expect(JSON.stringify(hidden)).not.toContain('GM0344');
  });

  const refusedPosts: Array<[who: string, what: string, CaseCommandType, object, 403 | 404]> = [
    ['ciz-assessor', 'grant KOT', 'GrantKot', { grantedFrom: kotStart }, 404],
    [
      'toeslagen-officer',
      'offer the case',
      'OfferCase',
      { to: { organisation: 'org-bewind-horizon', role: 'bewindvoerder' } },
      404,
    ],
    [
      'auditor',
      'confirm an indication',
      'ConfirmWlzIndication',
      { partnerId: 'p1', kind: 'permanent', validFrom: '2019-06-01' },
      403,
    ],
  ];

  it.each(
    refusedPosts.map(([who, what, type, body, status]) => [who, what, status, type, body] as const),
  )(
    'refuses the %s to %s over REST with %s and a problem document, and records nothing',
    async (who, _what, status, type, body) => {
      const answer = await http.post(callerOf(who), type, { caseId: f.caseId, ...body });
      expect(answer.status).toBe(status);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.body).toMatchObject({
        status,
        code: status === 403 ? 'FORBIDDEN' : 'NOT_FOUND',
        type: status === 403 ? 'urn:kot:problem:forbidden' : 'urn:kot:problem:not-found',
        reason: { nl: expect.any(String), en: expect.any(String) },
        correlationId: expect.any(String),
      });
      expect(await nothingChanged()).toEqual(asBefore());
    },
  );

  const forbiddenReads: Array<[who: string, what: string, string]> = [
    [
      'bewindvoerder',
      'check the integrity of a case',
      'query($id: ID!) { verifyIntegrity(id: $id) { valid } }',
    ],
    [
      'bewindvoerder',
      'see who read personal data',
      'query($id: ID!) { personalDataReads(caseId: $id) { readAt } }',
    ],
    ['client-supporter', 'see the process report', 'query { report { referred } }'],
    [
      'smi-officer-zwolle',
      "see Utrecht's report",
      'query { report(municipality: "GM0344") { referred } }',
    ],
    [
      'smi-officer-utrecht',
      'rebuild the read models',
      'mutation { rebuildProjections { generation } }',
    ],
  ];

  it.each(forbiddenReads)('refuses the %s to %s with FORBIDDEN', async (who, _what, document) => {
    const answer = await http.query(callerOf(who), document, { id: f.caseId });
    expect(refusalOf(answer).code).toBe('FORBIDDEN');
    expect(answer.data).toBeNull();
  });

  it.each([
    ['case', 'query($id: ID!) { case(id: $id) { status } }'],
    ['caseHistory', 'query($id: ID!) { caseHistory(id: $id) { type } }'],
    [
      'caseAsOf',
      `query($id: ID!) { caseAsOf(id: $id, at: "${new Date().toISOString()}") { status } }`,
    ],
  ])(
    'answers an SMI officer of another municipality NOT_FOUND for %s, as if the case did not exist',
    async (_query, document) => {
      const answer = await http.query('smi-officer-zwolle', document, { id: f.caseId });
      expect(refusalOf(answer).code).toBe('NOT_FOUND');
      expect(JSON.stringify(answer)).not.toContain(f.names.working);
    },
  );

  it('answers 401 UNAUTHENTICATED over GraphQL without a token or with a token the platform did not sign, and records nothing', async () => {
    const forged = await withAnotherSecret(actors.officer);
    const claim = (caller: Caller) =>
      http.command(caller, 'OfferCase', { caseId: f.caseId, to: horizonOffice });
    const answers: Array<GraphQLAnswer<unknown>> = [
      await http.query(null, 'query($id: ID!) { case(id: $id) { status } }', { id: f.caseId }),
      await claim(null),
      await claim({ token: forged }),
    ];
    expect(answers.map((answer) => [answer.status, refusalOf(answer).code])).toEqual([
      [401, 'UNAUTHENTICATED'],
      [401, 'UNAUTHENTICATED'],
      [401, 'UNAUTHENTICATED'],
    ]);
    expect(await nothingChanged()).toEqual(asBefore());
  });

  it('answers 401 over REST without a token, with a Bearer challenge', async () => {
    const answer = await http.post(null, 'RegisterWlzRequest', { caseId: f.caseId });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toContain('Bearer');
    expect(answer.body).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await nothingChanged()).toEqual(asBefore());
  });

  it('refuses a referral with an invalid BSN with BAD_USER_INPUT naming the field, over GraphQL and REST, and opens no case', async () => {
    const bad = family();
    const household = bad.referral['household'] as { partners: Array<Record<string, unknown>> };
    household.partners[0]!['bsn'] = notAValidBsn;

    const overGraphQL = await http.command('smi-officer-utrecht', 'OpenReferral', bad.referral);
    const [withIndication, working] = couple().partners;
    const overRest = await http.post('smi-officer-utrecht', 'OpenReferral', {
      caseId: bad.caseId,
      ...restReferral([{ ...withIndication!, bsn: notAValidBsn }, working!]),
    });

    // GraphQL names the field from the mutation's argument; REST from the body, which is the input.
    expect(refusalOf(overGraphQL)).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['input.household.partners[0].bsn'],
    });
    expect(overRest.status).toBe(400);
    expect(overRest.body.code).toBe('BAD_USER_INPUT');
    expect(overRest.body.errors?.map((error) => error.field)).toEqual([
      'household.partners[0].bsn',
    ]);
    expect(await http.eventsInLog(bad.caseId)).toBe(0);
  });

  it('refuses a page size out of range with BAD_USER_INPUT on the field first', async () => {
    const answer = await http.query('bewindvoerder', '{ worklist(first: 0) { items { caseId } } }');
    expect(refusalOf(answer)).toEqual({ code: 'BAD_USER_INPUT', fields: ['first'] });
  });

  it('refuses a REST body with a field the command does not have with 400 naming it', async () => {
    const answer = await http.post('toeslagen-officer', 'RegisterWlzRequest', {
      caseId: f.caseId,
      registeredAt: day(0),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.map((error) => error.field)).toEqual(['registeredAt']);
    expect(await nothingChanged()).toEqual(asBefore());
  });
});

/** A well-formed token for a real demo actor, signed with a secret the platform does not know. */
const withAnotherSecret = (actor: Actor): Promise<string> =>
  issueToken('a-secret-the-platform-never-saw-0123456789', actor, '1h', {
    issuer: 'kot-platform',
    audience: 'kot-platform',
  });

/** An OpenReferral body as an agency system posts it: the domain's own values. */
const restReferral = (partners = couple().partners) => ({
  municipality: 'GM0344',
  household: { composition: 'partners', partners },
  children: [child()],
  smiPeriod: { from: day(-30), to: day(150) },
});

describeOnEachEngine('what the platform refuses at its edges', (platform) => {
  let http: OverHttp;
  beforeAll(() => {
    http = overHttp(platform());
  });

  it('answers an unknown command and an unknown case over REST with 404 problem documents that say why', async () => {
    const unknownCommand = await http.post('toeslagen-officer', 'DeleteEverything', {});
    const unknownCase = await http.post('toeslagen-officer', 'RegisterWlzRequest', {
      caseId: family().caseId,
    });
    for (const answer of [unknownCommand, unknownCase]) {
      expect(answer.status).toBe(404);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.body).toMatchObject({
        type: 'urn:kot:problem:not-found',
        title: 'Not found',
        status: 404,
        code: 'NOT_FOUND',
        reason: { nl: expect.any(String), en: expect.any(String) },
        errors: [],
        correlationId: expect.any(String),
      });
    }
    expect(unknownCommand.body['instance']).toBe('/commands/DeleteEverything');
    expect(unknownCommand.body['detail']).toMatch(
      /Unknown command DeleteEverything\. Known commands: OpenReferral/,
    );
  });

  it('answers a step the case is not ready for over REST with a 409 problem document naming the state', async () => {
    // The call has reached Toeslagen, so its desk sees the case; the forms come after the indication is confirmed.
    const f = family();
    await bringTo(http, f, 'RegisterWlzRequest');
    const answer = await http.post('toeslagen-officer', 'SendApplicationForms', {
      caseId: f.caseId,
    });
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({
      type: 'urn:kot:problem:wrong-state',
      status: 409,
      code: 'CONFLICT',
      reason: {
        nl: expect.stringMatching(/de zaak is nu/),
        en: expect.stringMatching(/the case is now/),
      },
    });
  });

  it('refuses a request body over the size limit with 413, over REST and GraphQL alike', async () => {
    const huge = JSON.stringify({ municipality: 'GM0344', note: 'x'.repeat(300 * 1024) });
    const overRest = await http.post('smi-officer-utrecht', 'OpenReferral', huge);
    const overGraphQL = await fetch(`${platform().url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename }`, padding: 'x'.repeat(300 * 1024) }),
    });
    expect(overRest.status).toBe(413);
    expect(overRest.body).toMatchObject({
      type: 'urn:kot:problem:body-too-large',
      status: 413,
      reason: { nl: 'Het verzoek is te groot.', en: 'The request body is too large.' },
    });
    expect(overGraphQL.status).toBe(413);
    expect(overGraphQL.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses an operation nested deeper than the limit', async () => {
    const deep = `{ case(id: "x") { nextStep { responsible { a { b { c { d { e { f { g { h { i { j } } } } } } } } } } } } }`;
    const answer = await http.query('auditor', deep);
    expect(answer.status).toBe(400);
    expect(answer.errors.map((error) => error.message)).toContainEqual(
      expect.stringMatching(/nested too deeply.*limit of 10/),
    );
  });

  it('refuses an operation that asks for the report hundreds of times, before any of it runs', async () => {
    // Twenty stay under the alias limit and are refused for their cost; three hundred for their number.
    const reports = (count: number) =>
      Array.from({ length: count }, (_, i) => `r${i}: report { referred }`).join(' ');
    const answer = await http.query('auditor', `{ ${reports(20)} }`);
    expect(answer.status).toBe(400);
    expect(answer.data).toBeNull();
    expect(refusalOf(answer).code).toBe('BAD_USER_INPUT');
    expect(answer.errors[0]?.message).toMatch(/too complex \(\d+; at most 5000\)/);
    const flood = await http.query('auditor', `{ ${reports(300)} }`);
    expect(flood.status).toBe(400);
    expect(refusalOf(flood).code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(flood.errors[0]?.message).toMatch(/too many aliases/);
  });

  it('names the field and the reason when GraphQL itself refuses the input: a missing field, an unknown value, a date that is not one', async () => {
    const f = family();
    const claimWith = (mandate: Record<string, unknown>) =>
      http.command('bewindvoerder', 'ClaimCase', { caseId: f.caseId, mandate });
    const missing = await claimWith({ type: 'COURT_BEWIND' });
    const unknownValue = await claimWith({ type: 'NOTARY', validFrom: '2024-01-01' });
    const notADate = await claimWith({ type: 'COURT_BEWIND', validFrom: '2024-13-01' });
    const reasons = (answer: GraphQLAnswer<unknown>) => answer.errors[0]?.extensions?.fields;
    expect(refusalOf(missing)).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['input.mandate.validFrom'],
    });
    expect(reasons(missing)?.[0]?.reason).toEqual({
      nl: 'ontbreekt (verplicht)',
      en: 'is missing (required)',
    });
    expect(refusalOf(unknownValue)).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['input.mandate.type'],
    });
    expect(reasons(unknownValue)?.[0]?.reason.en).toMatch(
      /"NOTARY" is not a known value; choose one of: .*COURT_BEWIND/,
    );
    expect(refusalOf(notADate)).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['input.mandate.validFrom'],
    });
    expect(reasons(notADate)?.[0]?.reason).toEqual({
      nl: 'geen geldige datum (JJJJ-MM-DD)',
      en: 'not a valid date (YYYY-MM-DD)',
    });
  });

  it('offers demo sign-in and prints demo tokens only on the embedded PGlite platform, never on a server', async () => {
    const signIn = await fetch(`${platform().url}/demo/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: 'auditor' }),
    });
    const welcome = platform().welcome();
    const lines = welcome.split('\n').filter((line) => line.trim() !== '');
    // The first address printed is the portal at /: that is where a new user lands.
    expect(lines[1]).toBe(`  Portal (open this in your browser): ${platform().url}/`);
    expect(welcome).toContain(`${platform().url}/graphql`);
    if (platform().engine === 'pglite') {
      expect(signIn.status).toBe(200);
      const { token } = (await signIn.json()) as { token: string };
      const asAuditor = await http.query({ token }, '{ projectionStatus { projection } }');
      expect(asAuditor.errors).toEqual([]);
      expect(Object.keys(platform().printedTokens)).toContain('auditor');
      for (const organisation of [
        'Gemeente Utrecht',
        'Gemeente Zwolle',
        'CIZ',
        'Dienst Toeslagen',
        'Bewindvoering Horizon',
        'Cliëntondersteuning Vallei',
        'Auditteam Toezicht',
      ]) {
        expect(welcome).toContain(organisation);
      }
      expect(welcome).toMatch(/E-mail: +written as \.eml files to .*mail/);
    } else {
      expect(signIn.status).toBe(404);
      const users = await fetch(`${platform().url}/demo/users`, {
        headers: { accept: 'application/json' },
      });
      expect(users.status).toBe(404);
      expect(platform().printedTokens).toEqual({});
      expect(welcome).not.toMatch(/eyJ/);
    }
  });
});
