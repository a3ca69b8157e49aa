import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { caseCommandTypes, caseStreamId, personalFields, type Actor } from '@kot/domain';
import { actors, openReferral } from '@kot/domain/testing';
import {
  createSqlKeyStore,
  openEventStore,
  protectPersonalData,
  type EventStore,
} from '@kot/eventstore';
import {
  createAuthenticator,
  createLogger,
  issueToken,
  newId,
  startHttpServer,
  type RunningServer,
} from '@kot/platform';
import { createReferralsService, type ReferralsService } from './createReferralsService';

const secret = 'a-demo-secret-that-is-long-enough-for-hs256';
const logLines: string[] = [];
const logger = createLogger({
  service: 'referrals',
  level: 'debug',
  destination: new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  }),
});

/** The organisation directory the service is given: a case may be offered only to these. */
const directory = ['org-bewind-horizon', 'org-mee-vallei'];
let dataDir: string;
let store: EventStore;
let service: ReferralsService;
let running: RunningServer;
const tokens = new Map<Actor, string>();

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'referrals-http-'));
  const opened = await openEventStore({ kind: 'pglite', dataDir });
  const keyStore = await createSqlKeyStore(opened.database!, { masterKey: Buffer.alloc(32, 3) });
  store = protectPersonalData(opened.store, { keyStore, personalFields });
  service = await createReferralsService({
    store,
    authenticate: createAuthenticator({
      kind: 'hs256',
      secret,
      issuer: 'kot-platform',
      audience: 'kot-platform',
    }),
    logger,
    clock: () => new Date('2024-03-01T11:00:00.000Z'),
    bodyLimitBytes: 64 * 1024,
    organisationKnown: async (organisation) => directory.includes(organisation),
  });
  running = await startHttpServer(service.app, { port: 0, host: '127.0.0.1' });
  for (const actor of Object.values(actors))
    tokens.set(actor, await issueToken(secret, actor, '10m'));
});

afterAll(async () => {
  await running?.close();
  await service?.close();
  await store?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const bearer = (actor: Actor) => ({ Authorization: `Bearer ${tokens.get(actor)}` });
/** An officer's request under a correlation id of its own, to find its log lines. */
const withId = (id: string) => ({ ...bearer(actors.officer), 'X-Correlation-Id': `log-${id}` });

interface GraphQLAnswer {
  data?: Record<string, Record<string, unknown>> | null;
  errors?: Array<{ message: string; extensions: Record<string, unknown> }>;
}

async function graphql(query: string, variables: object, headers: Record<string, string> = {}) {
  const response = await fetch(`${running.url}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLAnswer };
}

async function rest(name: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${running.url}/commands/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: JSON.parse(text) as Record<string, unknown>,
  };
}

const OPEN_REFERRAL = `
  mutation Open($input: OpenReferralInput!, $commandId: String) {
    openReferral(input: $input, commandId: $commandId) {
      caseId commandId revision position status
      events { eventId type revision }
      nextStep { action due responsible { organisation role } description { nl en } }
    }
  }`;

/** The fixture referral as GraphQL variables: enums by their GraphQL names. */
function referralInput(caseId: string) {
  const { type: _type, ...command } = openReferral({ caseId });
  return {
    ...command,
    household: {
      composition: 'PARTNERS',
      partners: command.household.partners.map((partner) => ({
        ...partner,
        workStatus: partner.workStatus.toUpperCase(),
        wlzIndication: partner.wlzIndication && {
          ...partner.wlzIndication,
          kind: partner.wlzIndication.kind.toUpperCase(),
        },
      })),
    },
    children: command.children.map((child) => ({
      ...child,
      childcare: child.childcare && {
        ...child.childcare,
        careType: child.childcare.careType.toUpperCase(),
      },
    })),
  };
}

async function referredOverRest(): Promise<string> {
  const caseId = newId();
  const { type: _type, ...body } = openReferral({ caseId });
  const { status } = await rest('OpenReferral', body, bearer(actors.officer));
  expect(status).toBe(201);
  return caseId;
}

describe('the GraphQL API', () => {
  it('has one mutation for every command of the domain, and one for the municipality’s SMI policy', () => {
    const mutations = Object.keys(service.schema.getMutationType()?.getFields() ?? {});
    expect(mutations).toHaveLength(caseCommandTypes.length + 1);
    expect(mutations).toContain('confirmWlzIndication');
    expect(mutations).toContain('setSmiPolicy');
  });

  it('refers a family, offers the case and lets a bewindvoerder claim it', async () => {
    const caseId = newId();
    const opened = await graphql(
      OPEN_REFERRAL,
      { input: referralInput(caseId) },
      bearer(actors.officer),
    );
    expect(opened.status).toBe(200);
    expect(opened.body.errors).toBeUndefined();
    expect(opened.body.data?.['openReferral']).toMatchObject({
      caseId,
      revision: 0,
      status: 'REFERRED',
      events: [{ type: 'ReferralOpened', revision: 0 }],
      nextStep: { responsible: { organisation: 'GM0344', role: 'SMI_OFFICER' } },
    });

    const offered = await graphql(
      `
        mutation ($input: OfferCaseInput!) {
          offerCase(input: $input) {
            revision
            status
            nextStep {
              action
              responsible {
                organisation
              }
            }
          }
        }
      `,
      { input: { caseId, to: { organisation: 'org-bewind-horizon', role: 'BEWINDVOERDER' } } },
      bearer(actors.officer),
    );
    expect(offered.body.data?.['offerCase']).toMatchObject({ revision: 1, status: 'REFERRED' });

    const claimed = await graphql(
      `
        mutation ($input: ClaimCaseInput!) {
          claimCase(input: $input) {
            revision
            status
            events {
              type
            }
          }
        }
      `,
      {
        input: {
          caseId,
          mandate: {
            type: 'COURT_BEWIND',
            partnerIds: ['p1', 'p2'],
            reference: 'C/16/100001 / BW RK 22-1',
            validFrom: '2023-01-01',
          },
        },
      },
      bearer(actors.bewindvoerder),
    );
    expect(claimed.body.data?.['claimCase']).toEqual({
      revision: 2,
      status: 'CLAIMED',
      events: [{ type: 'CaseClaimed' }],
    });
  });

  it('answers 401 UNAUTHENTICATED without a token, and records nothing', async () => {
    const caseId = newId();
    const { status, body } = await graphql(OPEN_REFERRAL, { input: referralInput(caseId) });
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions['code']).toBe('UNAUTHENTICATED');
    expect(await store.readStream(caseStreamId(caseId))).toEqual([]);
  });

  it('answers FORBIDDEN to a role that may not do this', async () => {
    const { body } = await graphql(
      OPEN_REFERRAL,
      { input: referralInput(newId()) },
      bearer(actors.bewindvoerder),
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: { nl: expect.any(String), en: expect.any(String) },
    });
  });

  it('answers BAD_USER_INPUT with the field and the reason', async () => {
    const input = referralInput(newId());
    input.children[0]!.bsn = '123456789';
    const { body } = await graphql(OPEN_REFERRAL, { input }, bearer(actors.officer));
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        {
          field: 'input.children[0].bsn',
          reason: { en: 'not a valid BSN (9 digits, 11-proof)' },
        },
      ],
    });
  });

  it('names a top-level field missing from the input variable by its full path', async () => {
    const { municipality: _left, ...input } = referralInput(newId());
    const { status, body } = await graphql(OPEN_REFERRAL, { input }, bearer(actors.officer));
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'input.municipality', reason: { en: 'is missing (required)' } }],
    });
  });

  it('names an unknown top-level field of the input variable by its full path, with a short message', async () => {
    const input = { ...referralInput(newId()), ['x'.repeat(5000)]: 'y'.repeat(5000) };
    const { status, body } = await graphql(OPEN_REFERRAL, { input }, bearer(actors.officer));
    expect(status).toBe(400);
    const fields = body.errors?.[0]?.extensions['fields'] as Array<{ field: string }>;
    expect(fields[0]?.field).toMatch(/^input\.x+/);
    expect(JSON.stringify(body).length).toBeLessThan(12_000);
    expect(JSON.stringify(body)).not.toContain('y'.repeat(100));
  });

  it('names the domain’s field problems from the input argument: input.household.partners[1].birthDate', async () => {
    const input = referralInput(newId());
    input.household.partners[1]!.birthDate = '2030-01-01';
    const { body } = await graphql(OPEN_REFERRAL, { input }, bearer(actors.officer));
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'input.household.partners[1].birthDate', reason: { en: 'is in the future' } },
      ],
    });
  });

  it('takes the Idempotency-Key header as command id: a retry opens no second case', async () => {
    const { caseId: _none, ...input } = referralInput(newId());
    const headers = { ...bearer(actors.officer), 'Idempotency-Key': `retry-${newId()}` };
    const first = await graphql(OPEN_REFERRAL, { input }, headers);
    const again = await graphql(OPEN_REFERRAL, { input }, headers);
    expect(again.body).toEqual(first.body);
    const caseId = String(first.body.data?.['openReferral']?.['caseId']);
    expect(await store.readStream(caseStreamId(caseId))).toHaveLength(1);
  });
});

describe('the REST intake for agency systems', () => {
  it('records a command posted as JSON and answers with the result', async () => {
    const caseId = await referredOverRest();
    const { status, body } = await rest(
      'OfferCase',
      { caseId, to: { organisation: 'org-bewind-horizon', role: 'bewindvoerder' } },
      bearer(actors.officer),
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      caseId,
      revision: 1,
      status: 'referred',
      events: [{ type: 'CaseOffered' }],
    });
  });

  it('answers 401 with a problem document without a token', async () => {
    const { status, headers, body } = await rest('ExtendSmi', {
      caseId: newId(),
      until: '2024-09-30',
    });
    expect(status).toBe(401);
    expect(headers.get('content-type')).toContain('application/problem+json');
    expect(headers.get('www-authenticate')).toBe('Bearer');
    expect(headers.get('api-version')).toBe('1.0.0');
    expect(body).toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
      type: 'urn:kot:problem:token-missing',
    });
  });

  it('answers 403 when someone who can see the case may not send the command, and records nothing', async () => {
    const caseId = await referredOverRest();
    const { status, body } = await rest(
      'ConfirmWlzIndication',
      { caseId, partnerId: 'p1', kind: 'permanent', validFrom: '2019-06-01' },
      bearer(actors.auditor),
    );
    expect(status).toBe(403);
    expect(body).toMatchObject({ code: 'FORBIDDEN', detail: 'Auditors cannot change anything.' });
    expect(await store.readStream(caseStreamId(caseId))).toHaveLength(1);
  });

  it('answers 404 to someone who may not see the case, exactly as for a case that does not exist', async () => {
    const caseId = await referredOverRest();
    const existing = await rest(
      'ExtendSmi',
      { caseId, until: '2024-09-30' },
      bearer(actors.otherOfficer),
    );
    const missing = await rest(
      'ExtendSmi',
      { caseId: newId(), until: '2024-09-30' },
      bearer(actors.otherOfficer),
    );
    expect(existing.status).toBe(404);
    const { correlationId: _a, instance: _b, ...shown } = existing.body;
    const { correlationId: _c, instance: _d, ...shownForMissing } = missing.body;
    expect(shown).toEqual(shownForMissing);
    expect(await store.readStream(caseStreamId(caseId))).toHaveLength(1);
  });

  it('answers 409 with a problem document when an Idempotency-Key comes back with a different body', async () => {
    const caseId = await referredOverRest();
    const headers = { ...bearer(actors.officer), 'Idempotency-Key': `extend-twice-${caseId}` };
    expect((await rest('ExtendSmi', { caseId, until: '2024-09-30' }, headers)).status).toBe(200);
    const {
      status,
      headers: answered,
      body,
    } = await rest('ExtendSmi', { caseId, until: '2024-12-31' }, headers);
    expect(status).toBe(409);
    expect(answered.get('content-type')).toContain('application/problem+json');
    expect(body).toMatchObject({
      code: 'CONFLICT',
      type: 'urn:kot:problem:command-id-reused',
      detail: expect.stringMatching(/already used for a different request/),
    });
    expect(await store.readStream(caseStreamId(caseId))).toHaveLength(2);
  });

  it('answers 400 naming every wrong field', async () => {
    const { type: _type, ...body } = openReferral({ caseId: newId() });
    const broken = {
      ...body,
      municipality: 'Utrecht',
      smiPeriod: { from: '2024-01-01', to: 'soon' },
      household: {
        ...body.household,
        partners: body.household.partners.map((p) => ({ ...p, phone: '0612345678' })),
      },
    };
    const { status, body: problem } = await rest('OpenReferral', broken, bearer(actors.officer));
    expect(status).toBe(400);
    expect(problem['code']).toBe('BAD_USER_INPUT');
    const fields = (problem['errors'] as Array<{ field: string }>).map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'household.partners[0].phone',
        'household.partners[1].phone',
        'smiPeriod.to',
      ]),
    );
  });

  it('refuses to offer a case to an organisation that is not in the directory, and records nothing', async () => {
    const caseId = await referredOverRest();
    const { status, body } = await rest(
      'OfferCase',
      { caseId, to: { organisation: 'org-nobody-knows', role: 'bewindvoerder' } },
      bearer(actors.officer),
    );
    expect(status).toBe(400);
    expect(body['errors']).toEqual([
      {
        field: 'to.organisation',
        reason: expect.objectContaining({
          en: expect.stringMatching(/not in the platform's organisation directory/),
        }),
      },
    ]);
    expect(await store.readStream(caseStreamId(caseId))).toHaveLength(1);
  });

  it('answers 400 naming a constructor key as an unknown field, not 500', async () => {
    const { type: _type, ...body } = openReferral({ caseId: newId() });
    const { status, body: problem } = await rest(
      'OpenReferral',
      { ...body, household: { ...body.household, constructor: {} } },
      bearer(actors.officer),
    );
    expect(status).toBe(400);
    expect((problem['errors'] as Array<{ field: string }>).map((e) => e.field)).toEqual([
      'household.constructor',
    ]);
  });

  it('answers 400 from the domain rules once the shape is right', async () => {
    const { type: _type, ...body } = openReferral({ caseId: newId() });
    body.household.partners[1]!.bsn = '123456789';
    const { status, body: problem } = await rest('OpenReferral', body, bearer(actors.officer));
    expect(status).toBe(400);
    expect(problem['errors']).toEqual([
      {
        field: 'household.partners[1].bsn',
        reason: { nl: expect.any(String), en: 'not a valid BSN (9 digits, 11-proof)' },
      },
    ]);
  });

  it('records a command sent twice with the same Idempotency-Key once, and answers the same', async () => {
    const caseId = await referredOverRest();
    const headers = { ...bearer(actors.officer), 'Idempotency-Key': `extend-${caseId}` };
    const first = await rest('ExtendSmi', { caseId, until: '2024-09-30' }, headers);
    const again = await rest('ExtendSmi', { caseId, until: '2024-09-30' }, headers);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect((await store.readStream(caseStreamId(caseId))).map((e) => e.type)).toEqual([
      'ReferralOpened',
      'SmiExtended',
    ]);
  });

  it('answers 404 for an unknown command and for an unknown case', async () => {
    expect((await rest('DeleteEverything', {}, bearer(actors.officer))).status).toBe(404);
    const missing = await rest(
      'ExtendSmi',
      { caseId: newId(), until: '2024-09-30' },
      bearer(actors.officer),
    );
    expect(missing.status).toBe(404);
    expect(missing.body['code']).toBe('NOT_FOUND');
  });

  it('answers 409 when the case is not in a state for the command', async () => {
    const caseId = await referredOverRest();
    const { type: _type, ...body } = openReferral({ caseId });
    const { status, body: problem } = await rest('OpenReferral', body, bearer(actors.officer));
    expect(status).toBe(409);
    expect(problem).toMatchObject({ code: 'CONFLICT', type: 'urn:kot:problem:wrong-state' });
  });

  it('refuses a body that is not JSON', async () => {
    const response = await fetch(`${running.url}/commands/ExtendSmi`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', ...bearer(actors.officer) },
      body: 'caseId=1',
    });
    expect(response.status).toBe(400);
  });
});

describe('the published contract of the REST intake', () => {
  it('is served at /openapi.json to anyone, exactly as checked in, with the API version', async () => {
    const response = await fetch(`${running.url}/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('api-version')).toBe('1.0.0');
    const checkedIn = readFileSync(join(__dirname, '..', 'openapi.json'), 'utf8');
    expect(await response.json()).toEqual(JSON.parse(checkedIn));
  });

  it('names the version in every answer of the intake, successes too', async () => {
    const caseId = await referredOverRest();
    const { status, headers } = await rest(
      'OfferCase',
      { caseId, to: { organisation: 'org-bewind-horizon', role: 'bewindvoerder' } },
      bearer(actors.officer),
    );
    expect(status).toBe(200);
    expect(headers.get('api-version')).toBe('1.0.0');
  });
});

describe('operating the service', () => {
  it('counts commands by outcome in /metrics', async () => {
    const text = await (await fetch(`${running.url}/metrics`)).text();
    expect(text).toMatch(/kot_commands_total\{command="OpenReferral",outcome="accepted"\} \d+/);
    expect(text).toMatch(/kot_commands_total\{command="OpenReferral",outcome="forbidden"\} \d+/);
    expect(text).toMatch(/kot_events_appended_total \d+/);
  });

  it('is ready when the store answers', async () => {
    expect((await fetch(`${running.url}/readyz`)).status).toBe(200);
  });

  it('logs a refused request as one short line at info, with its code and without a stack', async () => {
    const huge = 'z'.repeat(20_000);
    const { type: _type, ...referral } = openReferral({ caseId: newId() });
    const attempts: Array<[string, () => Promise<unknown>]> = [
      [
        'rest-unknown',
        () => rest('OpenReferral', { ...referral, [huge]: huge }, withId('rest-unknown')),
      ],
      [
        'rest-domain',
        () => rest('OpenReferral', { ...referral, municipality: huge }, withId('rest-domain')),
      ],
      ['gql-parse', () => graphql(`{ ${huge} `, {}, withId('gql-parse'))],
      [
        'gql-variable',
        () => graphql(OPEN_REFERRAL, { input: { municipality: huge } }, withId('gql-variable')),
      ],
      [
        'gql-domain',
        () =>
          graphql(
            OPEN_REFERRAL,
            { input: { ...referralInput(newId()), municipality: huge } },
            withId('gql-domain'),
          ),
      ],
    ];
    for (const [, send] of attempts) await send();
    const lines = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const [id] of attempts) {
      const shown = lines.filter(
        (line) => line['correlationId'] === `log-${id}` && line['level'] !== 'debug',
      );
      expect(shown).toHaveLength(1);
      expect(shown[0]).toMatchObject({
        level: 'info',
        msg: 'request answered',
        code: expect.any(String),
      });
      expect(JSON.stringify(shown[0])).not.toContain('stack');
      expect(JSON.stringify(shown[0]).length).toBeLessThan(1000);
    }
  });

  it('has logged no BSN and no name of the family', () => {
    const logs = logLines.join('');
    expect(logs).toContain('command accepted');
    const referral = openReferral();
    for (const person of [...referral.household.partners, ...referral.children]) {
      expect(logs).not.toContain(person.bsn);
      expect(logs).not.toContain(person.name);
    }
    expect(logs).not.toContain('Marieke');
  });
});
