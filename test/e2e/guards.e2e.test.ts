// What keeps the record right when people and systems misbehave or collide: two claimants at the
// same moment, retried commands, actions a role may not take, no token, bad input. Every refusal
// must leave the case exactly as it was.
import { householdOrganisation, type Actor, type CaseCommandType } from '@kot/domain';
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
    const key = `ciz-${f.caseId}`;

    const [first, concurrent] = await Promise.all([
      http.post('ciz-assessor', 'ConfirmWlzIndication', confirmation, key),
      http.post('ciz-assessor', 'ConfirmWlzIndication', confirmation, key),
    ]);
    const later = await http.post('ciz-assessor', 'ConfirmWlzIndication', confirmation, key);

    expect(first.status).toBe(200);
    expect([concurrent.status, later.status]).toEqual([200, 200]);
    expect(concurrent.body).toEqual(first.body);
    expect(later.body).toEqual(first.body);
    expect(await http.eventsInLog(f.caseId)).toBe(before + 1);
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

  const forbiddenCommands: Array<[who: string, what: string, CaseCommandType, object]> = [
    ['auditor', 'offer the case', 'OfferCase', { to: horizonOffice }],
    [
      'smi-officer-utrecht',
      'claim the case for the municipality',
      'ClaimCase',
      { mandate: courtBewind },
    ],
    ['smi-team-lead-utrecht', 'end SMI', 'EndSmi', { lastDay: day(10), acceptGapReason: 'x' }],
    ['smi-officer-zwolle', 'extend SMI of a family in Utrecht', 'ExtendSmi', { until: day(300) }],
    ['bewindvoerder', 'request KOT before claiming the case', 'RequestKot', { channel: 'PHONE' }],
    [
      'client-supporter',
      'claim a case offered to another office',
      'ClaimCase',
      { mandate: courtBewind },
    ],
    [
      'rival-bewindvoerder',
      'claim a case offered to another office',
      'ClaimCase',
      { mandate: courtBewind },
    ],
    ['ciz-assessor', 'grant KOT', 'GrantKot', { grantedFrom: kotStart }],
    ['toeslagen-officer', 'end SMI', 'EndSmi', { lastDay: day(10), acceptGapReason: 'x' }],
    ['toeslagen-team-lead', 'register a Wlz request', 'RegisterWlzRequest', {}],
    ['household', 'offer its own case to a supporter', 'OfferCase', { to: horizonOffice }],
  ];

  it.each(forbiddenCommands)(
    'refuses the %s to %s over GraphQL with FORBIDDEN, and records nothing',
    async (who, _what, type, input) => {
      const answer = await http.command(callerOf(who), type, { caseId: f.caseId, ...input });
      expect(refusalOf(answer).code).toBe('FORBIDDEN');
      expect(answer.data).toBeNull();
      expect(await nothingChanged()).toEqual(asBefore());
    },
  );

  const forbiddenPosts: Array<[who: string, what: string, CaseCommandType, object]> = [
    ['ciz-assessor', 'grant KOT', 'GrantKot', { grantedFrom: kotStart }],
    [
      'toeslagen-officer',
      'offer the case',
      'OfferCase',
      { to: { organisation: 'org-bewind-horizon', role: 'bewindvoerder' } },
    ],
    [
      'auditor',
      'confirm an indication',
      'ConfirmWlzIndication',
      { partnerId: 'p1', kind: 'permanent', validFrom: '2019-06-01' },
    ],
  ];

  it.each(forbiddenPosts)(
    'refuses the %s to %s over REST with 403 and a problem document, and records nothing',
    async (who, _what, type, body) => {
      const answer = await http.post(callerOf(who), type, { caseId: f.caseId, ...body });
      expect(answer.status).toBe(403);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.body).toMatchObject({ status: 403, code: 'FORBIDDEN' });
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

    expect(refusalOf(overGraphQL)).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['household.partners[0].bsn'],
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
