// Production mode is explicit: the embedded demo (npm start on PGlite) opens the schema and the
// sandbox; a server (PostgreSQL) keeps both closed, whatever NODE_ENV says. Every service that
// serves GraphQL follows the setting, and every answer carries the security headers.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  createAuthenticator,
  createHttpApp,
  createLogger,
  createMetrics,
  startHttpServer,
  type RunningServer,
} from '@kot/platform';
import { startPlatform, type RunningPlatform } from '@kot/all-in-one';

const postgresServer = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

async function asAdministrator(sql: string): Promise<void> {
  const admin = new Client({ connectionString: postgresServer, connectionTimeoutMillis: 5_000 });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

interface Started {
  platform: RunningPlatform;
  /** Each service's GraphQL on a server of its own, as in its container. */
  services: Record<'referrals' | 'projections' | 'notifications', RunningServer>;
  close(): Promise<void>;
}

async function start(mode: 'embedded' | 'server'): Promise<Started> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kot-production-mode-'));
  const database = `production_mode_${process.pid}`;
  let env: Record<string, string> = { DATA_DIR: dataDir };
  if (mode === 'server') {
    await asAdministrator(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await asAdministrator(`CREATE DATABASE ${database}`);
    const url = new URL(postgresServer);
    url.pathname = `/${database}`;
    env = {
      EVENTSTORE: 'postgres',
      DATABASE_URL: url.toString(),
      PERSONAL_DATA_MASTER_KEY: randomBytes(32).toString('base64'),
      JWT_SECRET: randomBytes(32).toString('hex'),
    };
  }
  const platform = await startPlatform({
    env: {
      ...env,
      // Not what decides it: the demo is open and the server closed either way.
      NODE_ENV: mode === 'server' ? 'development' : 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      TRUST_PROXY: 'loopback',
    },
    seedDemo: false,
  });
  const authenticate = createAuthenticator(platform.config.authentication);
  const own = (service: string, routes: RunningPlatform['projections']['routes']) =>
    startHttpServer(
      createHttpApp({
        service,
        logger: createLogger({ service, level: 'silent' }),
        metrics: createMetrics({ processMetrics: false }),
        bodyLimitBytes: 256 * 1024,
        routes,
        authenticate,
        edge: platform.config.edge,
      }),
      { host: '127.0.0.1', port: 0 },
    );
  const services = {
    referrals: await startHttpServer(platform.referrals.app, { host: '127.0.0.1', port: 0 }),
    projections: await own('projections', platform.projections.routes),
    notifications: await own('notifications', platform.notifications.routes),
  };
  return {
    platform,
    services,
    async close() {
      for (const server of Object.values(services)) await server.close();
      await platform.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (mode === 'server')
        await asAdministrator(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    },
  };
}

const introspect = (url: string) =>
  fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
  });

const openInBrowser = (url: string) =>
  fetch(`${url}/graphql`, { headers: { accept: 'text/html' } });

function expectSecurityHeaders(response: Response, policyPart: string): void {
  expect(response.headers.get('content-security-policy')).toContain(policyPart);
  expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('x-powered-by')).toBeNull();
}

describe('the embedded demo (npm start on PGlite)', () => {
  let started: Started;
  beforeAll(async () => {
    started = await start('embedded');
  }, 60_000);
  afterAll(() => started.close(), 30_000);

  it('answers introspection and shows the sandbox on every GraphQL endpoint, even with NODE_ENV=production', async () => {
    const urls = [started.platform.url, ...Object.values(started.services).map((s) => s.url)];
    for (const url of urls) {
      const schema = await introspect(url);
      expect(schema.status).toBe(200);
      expect(await schema.json()).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
      const sandbox = await openInBrowser(url);
      expect(sandbox.status).toBe(200);
      expect(await sandbox.text()).toContain('embeddable-sandbox');
      expectSecurityHeaders(sandbox, 'https://embeddable-sandbox.cdn.apollographql.com');
    }
  });

  it('still accepts the demo tokens it prints', async () => {
    const token = started.platform.tokens['auditor'];
    expect(token).toBeDefined();
    const response = await fetch(`${started.platform.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ worklist(first: 1) { pageInfo { hasNextPage } } }' }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
  });

  it("serves the portal's page under the portal's policy, the API under its own", async () => {
    const page = await fetch(`${started.platform.url}/zaken`, { headers: { accept: 'text/html' } });
    expectSecurityHeaders(page, "script-src 'self'");
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe');
    const portalConfig = await fetch(`${started.platform.url}/portal/config`);
    expectSecurityHeaders(portalConfig, "default-src 'none'");
    const health = await fetch(`${started.platform.url}/healthz`);
    expectSecurityHeaders(health, "default-src 'none'");
    const command = await fetch(`${started.platform.url}/commands/OpenReferral`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(command.status).toBe(401);
    expectSecurityHeaders(command, "default-src 'none'");
  });

  it('sends HSTS only when the trusted proxy says the browser came over https', async () => {
    const plain = await fetch(`${started.platform.url}/healthz`);
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    const secure = await fetch(`${started.platform.url}/zaken`, {
      headers: { accept: 'text/html', 'x-forwarded-proto': 'https' },
    });
    expect(secure.headers.get('strict-transport-security')).toContain('max-age=31536000');
  });
});

describe('a server (PostgreSQL)', () => {
  let started: Started;
  beforeAll(async () => {
    started = await start('server');
  }, 60_000);
  afterAll(() => started.close(), 30_000);

  it('refuses introspection and shows no sandbox on any GraphQL endpoint, even with NODE_ENV=development', async () => {
    const urls = [started.platform.url, ...Object.values(started.services).map((s) => s.url)];
    for (const url of urls) {
      const schema = await introspect(url);
      expect(schema.status).toBe(400);
      const body = (await schema.json()) as { errors: Array<{ extensions: { code: string } }> };
      expect(body.errors[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const sandbox = await openInBrowser(url);
      expect(sandbox.status).toBeLessThan(500);
      expect(await sandbox.text()).not.toContain('apollographql');
      expectSecurityHeaders(sandbox, "default-src 'none'");
    }
  });

  it('opens them only when configured on', async () => {
    expect(started.platform.config.graphql).toMatchObject({ introspection: false, sandbox: false });
  });
});
