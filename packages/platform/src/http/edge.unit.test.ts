import { Router } from 'express';
import { Writable } from 'node:stream';
import { actors } from '@kot/domain/testing';
import { createAuthenticator } from '../auth/createAuthenticator';
import { issueToken } from '../auth/issueToken';
import { defaultEdgeSettings, type EdgeSettings } from '../config/loadConfig';
import { createLogger } from '../logging/createLogger';
import { createHttpApp } from './createHttpApp';
import { createMetrics } from './metrics';
import { startHttpServer, type RunningServer } from './startHttpServer';

const secret = 'a-demo-secret-that-is-long-enough-for-hs256';
const authenticate = createAuthenticator({
  kind: 'hs256',
  secret,
  issuer: 'kot-platform',
  audience: 'kot-platform',
});

async function serve(edge: EdgeSettings): Promise<RunningServer> {
  const routes = Router();
  routes.post('/graphql', (_req, res) => {
    res.json({ data: { ok: true } });
  });
  routes.post('/commands/:name', (_req, res) => {
    res.status(202).json({ accepted: true });
  });
  routes.get('/page', (_req, res) => {
    res.type('html').send('<p>hello</p>');
  });
  const app = createHttpApp({
    service: 'test',
    logger: createLogger({
      service: 'test',
      level: 'silent',
      destination: new Writable({ write: (_c, _e, done) => done() }),
    }),
    metrics: createMetrics({ processMetrics: false }),
    bodyLimitBytes: 1024,
    routes: [routes],
    authenticate,
    edge,
  });
  return startHttpServer(app, { port: 0, host: '127.0.0.1' });
}

const post = (url: string, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: '{}',
  });

describe('security headers on every answer', () => {
  let running: RunningServer;
  beforeAll(async () => {
    running = await serve({ ...defaultEdgeSettings, trustProxy: ['loopback'] });
  });
  afterAll(() => running.close());

  it.each([
    ['a page', 'GET', '/page'],
    ['the health check', 'GET', '/healthz'],
    ['an unknown address', 'GET', '/nothing-here'],
    ['a body that is not JSON', 'POST', '/graphql'],
  ])('sets them on %s', async (_what, method, path) => {
    const response = await fetch(`${running.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(method === 'POST' ? { body: '{not json' } : {}),
    });
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-powered-by')).toBeNull();
    // Plain http from the client: HSTS would mean nothing and is left out.
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('adds HSTS when a trusted proxy says the browser came over https', async () => {
    const response = await fetch(`${running.url}/healthz`, {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(response.headers.get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    );
  });

  it('believes no X-Forwarded-Proto from a client when no proxy is trusted', async () => {
    const direct = await serve(defaultEdgeSettings);
    try {
      const response = await fetch(`${direct.url}/healthz`, {
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(response.headers.get('strict-transport-security')).toBeNull();
    } finally {
      await direct.close();
    }
  });
});

describe('rate limits on /graphql and /commands', () => {
  let running: RunningServer;
  const tight: EdgeSettings = {
    trustProxy: false,
    rateLimits: { windowSeconds: 60, perSubject: 3, perAddress: 2 },
  };
  beforeEach(async () => {
    running = await serve(tight);
  });
  afterEach(() => running.close());

  it('lets a signed-in person make their quota of requests, then answers 429 with Retry-After and a code', async () => {
    const token = await issueToken(secret, actors.officer, 600);
    const auth = { authorization: `Bearer ${token}` };
    for (let i = 0; i < 3; i++)
      expect((await post(`${running.url}/graphql`, auth)).status).toBe(200);
    const refused = await post(`${running.url}/graphql`, auth);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(refused.headers.get('content-security-policy')).toContain("default-src 'none'");
    const body = (await refused.json()) as {
      errors: Array<{ extensions: { code: string; reason: { nl: string } } }>;
    };
    expect(body.errors[0]?.extensions.code).toBe('RATE_LIMITED');
    expect(body.errors[0]?.extensions.reason.nl).toContain('te veel verzoeken');
  });

  it('counts each person on their own, and /graphql and /commands together', async () => {
    const officer = { authorization: `Bearer ${await issueToken(secret, actors.officer, 600)}` };
    const ciz = { authorization: `Bearer ${await issueToken(secret, actors.ciz, 600)}` };
    expect((await post(`${running.url}/graphql`, officer)).status).toBe(200);
    expect((await post(`${running.url}/commands/OpenReferral`, officer)).status).toBe(202);
    expect((await post(`${running.url}/commands/OpenReferral`, officer)).status).toBe(202);
    const refused = await post(`${running.url}/commands/OpenReferral`, officer);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(await refused.json()).toMatchObject({
      status: 429,
      code: 'RATE_LIMITED',
      type: 'urn:kot:problem:rate-limited',
    });
    expect((await post(`${running.url}/graphql`, ciz)).status).toBe(200);
  });

  it('counts requests without a valid token per client address, whatever token they carry', async () => {
    expect((await post(`${running.url}/graphql`)).status).toBe(200);
    expect(
      (await post(`${running.url}/graphql`, { authorization: 'Bearer forged.token.here' })).status,
    ).toBe(200);
    const refused = await post(`${running.url}/graphql`, { authorization: 'Bearer another' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).not.toBeNull();
    // A signed-in person from the same address still has their own quota.
    const token = await issueToken(secret, actors.officer, 600);
    expect(
      (await post(`${running.url}/graphql`, { authorization: `Bearer ${token}` })).status,
    ).toBe(200);
  });

  it('leaves health checks and pages alone', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${running.url}/page`)).status).toBe(200);
    }
  });
});
