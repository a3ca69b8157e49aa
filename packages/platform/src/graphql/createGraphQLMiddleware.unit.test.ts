import { Writable } from 'node:stream';
import {
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  type GraphQLFieldConfig,
} from 'graphql';
import { CommandRefused, text, type RefusalKind } from '@kot/domain';
import { actors } from '@kot/domain/testing';
import { createAuthenticator } from '../auth/createAuthenticator';
import { issueToken } from '../auth/issueToken';
import { createLogger } from '../logging/createLogger';
import { createHttpApp } from '../http/createHttpApp';
import { createMetrics } from '../http/metrics';
import { startHttpServer, type RunningServer } from '../http/startHttpServer';
import { createGraphQLMiddleware, type GraphQLMiddleware } from './createGraphQLMiddleware';
import type { GraphQLContext } from './graphqlContext';

const secret = 'a-demo-secret-that-is-long-enough-for-hs256';

const nodeType: GraphQLObjectType = new GraphQLObjectType({
  name: 'Node',
  fields: () => ({ name: { type: GraphQLString }, child: { type: nodeType, resolve: () => ({}) } }),
});

const refusing = (kind: RefusalKind): GraphQLFieldConfig<unknown, GraphQLContext> => ({
  type: GraphQLString,
  resolve: () => {
    throw new CommandRefused(
      kind,
      text('Niet zo.', 'Not like this.'),
      kind === 'invalid-input'
        ? [
            {
              field: 'household.partners[0].bsn',
              reason: text('geen geldig BSN', 'not a valid BSN'),
            },
          ]
        : [],
    );
  },
});

const schema = new GraphQLSchema({
  mutation: new GraphQLObjectType<unknown, GraphQLContext>({
    name: 'Mutation',
    fields: {
      send: {
        type: GraphQLString,
        args: { commandId: { type: GraphQLString } },
        resolve: (_source, args: { commandId?: string }, context) =>
          args.commandId ?? context.idempotencyKey ?? null,
      },
    },
  }),
  query: new GraphQLObjectType<unknown, GraphQLContext>({
    name: 'Query',
    fields: {
      node: { type: nodeType, resolve: () => ({ name: 'root' }) },
      page: {
        type: new GraphQLList(nodeType),
        args: { first: { type: GraphQLInt, defaultValue: 2 } },
        resolve: () => [],
      },
      expensive: { type: GraphQLString, extensions: { complexity: 7 }, resolve: () => 'done' },
      whoAmI: {
        type: new GraphQLNonNull(GraphQLString),
        resolve: async (_source, _args, context) => (await context.actor()).id,
      },
      idempotencyKey: { type: GraphQLString, resolve: (_s, _a, context) => context.idempotencyKey },
      forbidden: refusing('forbidden'),
      invalid: refusing('invalid-input'),
      wrongState: refusing('wrong-state'),
      notFound: refusing('not-found'),
      broken: {
        type: GraphQLString,
        resolve: () => {
          throw new Error('connection string postgres://kot:hunter2@db');
        },
      },
    },
  }),
});

describe('the GraphQL middleware', () => {
  let running: RunningServer;
  let graphql: GraphQLMiddleware;
  let token: string;

  beforeAll(async () => {
    const authenticate = createAuthenticator({
      kind: 'hs256',
      secret,
      issuer: 'kot-platform',
      audience: 'kot-platform',
    });
    graphql = await createGraphQLMiddleware({
      schema,
      authenticate,
      limits: { maxDepth: 4, maxComplexity: 8 },
      exposure: { introspection: true, sandbox: true },
    });
    const logger = createLogger({
      service: 'test',
      level: 'silent',
      destination: new Writable({ write: (_c, _e, done) => done() }),
    });
    const app = createHttpApp({
      service: 'test',
      logger,
      metrics: createMetrics({ processMetrics: false }),
      bodyLimitBytes: 10_000,
      routes: [graphql.handler],
      authenticate,
    });
    running = await startHttpServer(app, { port: 0, host: '127.0.0.1' });
    token = await issueToken(secret, actors.officer, '5m');
  });

  afterAll(async () => {
    await running.close();
    await graphql.stop();
  });

  const post = async (query: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as {
        data?: Record<string, unknown> | null;
        errors?: Array<{ message: string; extensions: Record<string, unknown> }>;
      },
    };
  };

  it('gives a signed-in actor to resolvers and passes the Idempotency-Key on', async () => {
    const { status, body } = await post('{ whoAmI idempotencyKey }', {
      Authorization: `Bearer ${token}`,
      'Idempotency-Key': 'key-1',
    });
    expect(status).toBe(200);
    expect(body.data).toEqual({ whoAmI: 'u-officer-utrecht', idempotencyKey: 'key-1' });
  });

  it('answers 401 UNAUTHENTICATED when a resolver needs an actor and there is no token', async () => {
    const { status, headers, body } = await post('{ whoAmI }');
    expect(status).toBe(401);
    expect(headers.get('www-authenticate')).toBe('Bearer');
    expect(body.errors?.[0]?.extensions['code']).toBe('UNAUTHENTICATED');
  });

  it.each([
    [
      'expired',
      () => issueToken(secret, actors.officer, 60, { issuedAt: new Date(Date.now() - 3_600_000) }),
      'Het token is verlopen; log opnieuw in.',
      'The token has expired; sign in again.',
    ],
    [
      'from another issuer',
      () => issueToken(secret, actors.officer, 60, { issuer: 'another-platform' }),
      'Het token is ongeldig: het is uitgegeven door een andere uitgever (iss) dan dit platform accepteert; log opnieuw in.',
      'The token is not valid: it was issued by another issuer (iss) than this platform accepts; sign in again.',
    ],
    [
      'for another audience',
      () => issueToken(secret, actors.officer, 60, { audience: 'another-application' }),
      'Het token is ongeldig: het is bedoeld voor een andere toepassing (aud) dan dit platform; log opnieuw in.',
      'The token is not valid: it is meant for another application (aud) than this platform; sign in again.',
    ],
    [
      'signed with another secret',
      () => issueToken('another-secret-that-is-long-enough-for-hs256', actors.officer, 60),
      'Het token is ongeldig: de handtekening klopt niet (ander geheim of andere sleutel); log opnieuw in.',
      'The token is not valid: its signature does not verify (another secret or key); sign in again.',
    ],
  ])(
    'answers a token %s with 401 saying why, in Dutch and English, and nothing of the token',
    async (_what, tokenOf, nl, en) => {
      const refused = await tokenOf();
      const { status, body } = await post('{ whoAmI }', { Authorization: `Bearer ${refused}` });
      expect(status).toBe(401);
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: { nl, en },
      });
      const answer = JSON.stringify(body);
      for (const part of [...refused.split('.'), secret]) expect(answer).not.toContain(part);
    },
  );

  it('needs no token for what does not ask for an actor (introspection, the sandbox)', async () => {
    const { status, body } = await post('{ __schema { queryType { name } } }');
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it('shows the sandbox in a browser when configured on, with only its page allowed to load Apollo', async () => {
    const page = await fetch(`${running.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('embeddable-sandbox.cdn.apollographql.com');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain('https://embeddable-sandbox.cdn.apollographql.com');
    expect(csp).toContain("frame-ancestors 'none'");
    const { headers } = await post('{ __typename }');
    expect(headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it.each([
    ['forbidden', 'FORBIDDEN'],
    ['invalid', 'BAD_USER_INPUT'],
    ['wrongState', 'CONFLICT'],
    ['notFound', 'NOT_FOUND'],
  ])(
    'maps the domain refusal of %s to %s, with the reason in Dutch and English',
    async (field, code) => {
      const { body } = await post(`{ ${field} }`);
      const error = body.errors?.[0];
      expect(error?.message).toBe('Not like this.');
      expect(error?.extensions).toMatchObject({
        code,
        reason: { nl: 'Niet zo.', en: 'Not like this.' },
      });
    },
  );

  it('names the field and the reason for invalid input', async () => {
    const { body } = await post('{ invalid }');
    expect(body.errors?.[0]?.extensions['fields']).toEqual([
      {
        field: 'household.partners[0].bsn',
        reason: { nl: 'geen geldig BSN', en: 'not a valid BSN' },
      },
    ]);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded'])(
    'answers a POST sent as %s with 415 and a code, not Apollo’s 500',
    async (contentType) => {
      const response = await fetch(`${running.url}/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': contentType, 'Apollo-Require-Preflight': 'true' },
        body: '{"query":"{ whoAmI }"}',
      });
      expect(response.status).toBe(415);
      expect(((await response.json()) as { code: string }).code).toBe('BAD_USER_INPUT');
    },
  );

  it('keeps its own failures to itself', async () => {
    const { body } = await post('{ broken }');
    expect(JSON.stringify(body)).not.toContain('hunter2');
    expect(body.errors?.[0]?.extensions['code']).toBe('INTERNAL_SERVER_ERROR');
  });

  it('refuses operations nested deeper than the limit', async () => {
    const { status, body } = await post(
      '{ node { child { child { child { child { name } } } } } }',
    );
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/nested too deeply.*limit of 4/);
    expect(body.errors?.[0]?.extensions['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses fragments that spread each other as a validation error, not a crash', async () => {
    const { status, body } = await post(
      'query { node { ...A } } fragment A on Node { child { ...B } } fragment B on Node { child { ...A } }',
    );
    expect(status).toBe(400);
    expect(body.errors?.map((error) => error.extensions['code'])).toContain(
      'GRAPHQL_VALIDATION_FAILED',
    );
    expect(
      body.errors?.some((error) => /Cannot spread fragment "A" within itself/.test(error.message)),
    ).toBe(true);
  });

  it('refuses a fragment that spreads itself', async () => {
    const { status } = await post('{ node { ...A } } fragment A on Node { name ...A }');
    expect(status).toBe(400);
  });

  it('refuses a flood of aliases before anything runs', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: name`).join(' ');
    const { status, body } = await post(`{ node { ${aliases} } }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/too many aliases/);
    expect(body.errors?.[0]?.extensions['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a flood of aliased __typename too (fuzz counterexample: 500 of them answered 200)', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: __typename`).join(' ');
    const { status, body } = await post(`{ ${aliases} }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/too many aliases/);
  });

  it('refuses a flood of directives before anything runs', async () => {
    const directives = Array.from({ length: 21 }, () => '@include(if: true)').join(' ');
    const { status, body } = await post(`{ __typename ${directives} }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/too many directives/);
  });

  it('refuses a document of more tokens than the limit while parsing it', async () => {
    const { status, body } = await post(`{ ${'x '.repeat(3001)} }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions['code']).toBe('GRAPHQL_PARSE_FAILED');
    expect(body.errors?.[0]?.message).toMatch(/more that 3000 tokens/);
  });

  it('refuses operations more complex than the limit', async () => {
    const { status, body } = await post(
      '{ a: node { name } b: node { name } c: node { name } d: node { name } e: node { name } }',
    );
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/too complex \(10; at most 8\)/);
    expect(body.errors?.[0]?.extensions['code']).toBe('BAD_USER_INPUT');
  });

  it('counts a field at the cost it declares, so aliasing an expensive field is refused', async () => {
    expect((await post('{ expensive }')).status).toBe(200);
    const { status, body } = await post('{ a: expensive b: expensive }');
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/too complex \(14; at most 8\)/);
  });

  it('leaves variables of the wrong type to graphql-js, which refuses them with 400 BAD_USER_INPUT', async () => {
    const response = await fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        query: 'query ($n: Int) { page(first: $n) { name } }',
        variables: { n: 'many' },
      }),
    });
    const body = (await response.json()) as {
      errors: Array<{ extensions: Record<string, unknown> }>;
    };
    expect(response.status).toBe(400);
    expect(body.errors[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'n', reason: { en: 'expected a whole number' } }],
    });
  });

  it('counts a page once per item asked for', async () => {
    // 1 for the list, plus 1 per item for its name: 3 for the default of two items.
    expect((await post('{ page { name } }')).status).toBe(200);
    const { status, body } = await post('{ page(first: 8) { name } }');
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/too complex \(9; at most 8\)/);
  });

  it('refuses a document with two mutations under one Idempotency-Key, and carries out neither', async () => {
    const headers = { Authorization: `Bearer ${token}`, 'Idempotency-Key': 'key-2' };
    const { status, body } = await post('mutation { a: send b: send }', headers);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'Idempotency-Key', reason: { nl: expect.any(String), en: expect.any(String) } },
      ],
    });
    const one = await post('mutation { send }', headers);
    expect(one.body.data).toEqual({ send: 'key-2' });
    const separateKeys = await post(
      'mutation { a: send(commandId: "k1") b: send(commandId: "k2") }',
    );
    expect(separateKeys.body.data).toEqual({ a: 'k1', b: 'k2' });
  });
});

describe('the GraphQL middleware in production mode (the default)', () => {
  let running: RunningServer;
  let graphql: GraphQLMiddleware;

  beforeAll(async () => {
    const authenticate = createAuthenticator({
      kind: 'hs256',
      secret,
      issuer: 'kot-platform',
      audience: 'kot-platform',
    });
    graphql = await createGraphQLMiddleware({
      schema,
      authenticate,
      limits: { maxDepth: 4, maxComplexity: 8 },
    });
    const app = createHttpApp({
      service: 'test',
      logger: createLogger({
        service: 'test',
        level: 'silent',
        destination: new Writable({ write: (_c, _e, done) => done() }),
      }),
      metrics: createMetrics({ processMetrics: false }),
      bodyLimitBytes: 10_000,
      routes: [graphql.handler],
      authenticate,
    });
    running = await startHttpServer(app, { port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await running.close();
    await graphql.stop();
  });

  it('refuses introspection with a coded 400, even with a token, and even without NODE_ENV', async () => {
    const token = await issueToken(secret, actors.auditor, '5m');
    const response = await fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      data?: unknown;
      errors: Array<{ extensions: { code: string } }>;
    };
    expect(body.data).toBeUndefined();
    expect(body.errors[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('shows no sandbox page to a browser, and no Apollo allowance in the policy', async () => {
    const response = await fetch(`${running.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(await response.text()).not.toContain('apollographql.com');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('still answers ordinary queries', async () => {
    const response = await fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
