import { Router } from 'express';
import { Writable } from 'node:stream';
import { syntheticBsn } from '@kot/domain';
import { createAuthenticator } from '../auth/createAuthenticator';
import { createLogger } from '../logging/createLogger';
import { createMetrics } from './metrics';
import { createHttpApp, type ReadinessReport } from './createHttpApp';
import { startHttpServer, type RunningServer } from './startHttpServer';

const quietLogger = () =>
  createLogger({
    service: 'test',
    level: 'silent',
    destination: new Writable({ write: (_c, _e, done) => done() }),
  });

describe('the HTTP app every service starts from', () => {
  let running: RunningServer;
  let readiness: ReadinessReport = { ready: true };
  const metrics = createMetrics({ processMetrics: false });

  beforeAll(async () => {
    const routes = Router();
    routes.post('/echo', (req, res) => {
      res.json({ received: req.body });
    });
    routes.get('/cases', (_req, res) => {
      res.json({
        cases: Array.from({ length: 200 }, (_, i) => ({ id: i, step: 'claim the case' })),
      });
    });
    routes.get('/boom', () => {
      throw new Error('database password is hunter2');
    });
    const app = createHttpApp({
      service: 'test',
      logger: quietLogger(),
      metrics,
      bodyLimitBytes: 1024,
      readiness: async () => readiness,
      routes: [routes],
      authenticate: createAuthenticator({
        kind: 'hs256',
        secret: 'x'.repeat(32),
        issuer: 'kot-platform',
        audience: 'kot-platform',
      }),
    });
    running = await startHttpServer(app, { port: 0, host: '127.0.0.1' });
  });

  afterAll(() => running.close());

  it('compresses a long answer with brotli or gzip as the client accepts, and leaves a short one', async () => {
    // fetch() unpacks the answer itself; the header says what came.
    const long = await fetch(`${running.url}/cases`, { headers: { 'accept-encoding': 'br' } });
    expect(long.headers.get('content-encoding')).toBe('br');
    expect(((await long.json()) as { cases: unknown[] }).cases).toHaveLength(200);
    const gzip = await fetch(`${running.url}/cases`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    const short = await fetch(`${running.url}/healthz`);
    expect(short.headers.get('content-encoding')).toBeNull();
  });

  it('answers /healthz while the process is up', async () => {
    const response = await fetch(`${running.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', service: 'test' });
  });

  it('answers /readyz with 503 and the failing check until the service is ready', async () => {
    readiness = {
      ready: false,
      checks: { projections: { ok: false, detail: '12 events behind' } },
    };
    const notReady = await fetch(`${running.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({
      ready: false,
      checks: { projections: { ok: false } },
    });
    readiness = { ready: true };
    expect((await fetch(`${running.url}/readyz`)).status).toBe(200);
  });

  it('echoes the caller’s correlation id, or hands out a new one', async () => {
    const given = await fetch(`${running.url}/healthz`, {
      headers: { 'X-Correlation-Id': 'abc-123' },
    });
    expect(given.headers.get('x-correlation-id')).toBe('abc-123');
    const fresh = await fetch(`${running.url}/healthz`, {
      headers: { 'X-Correlation-Id': 'bad id with spaces' },
    });
    expect(fresh.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a correlation id that may hold a BSN with 400, naming the header, and does not echo it', async () => {
    const response = await fetch(`${running.url}/echo`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'X-Correlation-Id': `case-${syntheticBsn(7)}`,
      },
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    const body = (await response.json()) as { code: string; errors: Array<{ field: string }> };
    expect(body.code).toBe('BAD_USER_INPUT');
    expect(body.errors.map((error) => error.field)).toEqual(['X-Correlation-Id']);
    expect(JSON.stringify(body)).not.toContain(syntheticBsn(7));
  });

  it('refuses a body over the limit with a 413 problem document', async () => {
    const response = await fetch(`${running.url}/echo`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(2000) }),
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({
      status: 413,
      code: 'BAD_USER_INPUT',
      type: 'urn:kot:problem:body-too-large',
    });
  });

  it('refuses malformed JSON with a 400 problem document', async () => {
    const response = await fetch(`${running.url}/echo`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"no',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'BAD_USER_INPUT',
      type: 'urn:kot:problem:invalid-json',
    });
  });

  const postJson = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${running.url}/echo`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body,
    });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'refuses a body with a %s key as an unknown field, naming where it is',
    async (key) => {
      const response = await postJson(`{"household":{"partners":[{"${key}":{"x":1}}]}}`);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { code: string; errors: Array<{ field: string }> };
      expect(body.code).toBe('BAD_USER_INPUT');
      expect(body.errors.map((error) => error.field)).toEqual([`household.partners[0].${key}`]);
    },
  );

  it.each(['__proto__', 'constructor'])(
    'refuses a top-level %s key with 400, not 500 (fuzz counterexample)',
    async (key) => {
      const response = await postJson(`{"caseId":"x","${key}":"x"}`);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { errors: Array<{ field: string }> };
      expect(body.errors.map((error) => error.field)).toEqual([key]);
    },
  );

  it('names a reserved key in GraphQL variables from the variable on, as graphql-js does', async () => {
    const response = await postJson(
      '{"query":"mutation ($input: X!) { x(input: $input) }","variables":{"input":{"__proto__":{}}}}',
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Array<{ field: string }> };
    expect(body.errors.map((error) => error.field)).toEqual(['input.__proto__']);
  });

  it('refuses a body nested deeper than any command with 400', async () => {
    const response = await postJson(`${'['.repeat(200)}${']'.repeat(200)}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Array<{ reason: { en: string } }> };
    expect(body.errors[0]?.reason.en).toMatch(/nested too deeply/);
  });

  it('refuses a body that claims a compression it does not have with a 4xx, not a 500', async () => {
    const response = await postJson('{"a":1}', { 'Content-Encoding': 'gzip' });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(((await response.json()) as { code: string }).code).toBe('BAD_USER_INPUT');
  });

  it('answers an unknown address with a 404 problem document', async () => {
    const response = await fetch(`${running.url}/nothing-here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'NOT_FOUND', instance: '/nothing-here' });
  });

  it('hides the details of its own failures from the caller', async () => {
    const response = await fetch(`${running.url}/boom`);
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(body).not.toContain('hunter2');
    expect(JSON.parse(body)).toMatchObject({
      code: 'INTERNAL_SERVER_ERROR',
      correlationId: expect.any(String),
    });
  });

  it('exposes request latency per route and the service hooks in Prometheus format', async () => {
    metrics.commandHandled('ClaimCase', 'accepted');
    metrics.eventsAppended(2);
    metrics.projectionLagObserved('case-summary', 0.02);
    metrics.projectionBehind('case-summary', 3);
    const response = await fetch(`${running.url}/metrics`);
    const text = await response.text();
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(text).toContain(
      'http_request_duration_seconds_bucket{le="0.002",method="GET",route="/healthz",status="200"}',
    );
    expect(text).toContain('route="unmatched"');
    expect(text).toContain('kot_commands_total{command="ClaimCase",outcome="accepted"} 1');
    expect(text).toContain('kot_events_appended_total 2');
    expect(text).toContain('kot_projection_lag_seconds_count{projection="case-summary"} 1');
    expect(text).toContain('kot_projection_behind_events{projection="case-summary"} 3');
  });
});

describe('closing the server', () => {
  it('reports not ready while draining and then stops listening', async () => {
    const app = createHttpApp({
      service: 'test',
      logger: quietLogger(),
      metrics: createMetrics({ processMetrics: false }),
      bodyLimitBytes: 1024,
      routes: [],
      authenticate: createAuthenticator({
        kind: 'hs256',
        secret: 'x'.repeat(32),
        issuer: 'kot-platform',
        audience: 'kot-platform',
      }),
    });
    const running = await startHttpServer(app, { port: 0, host: '127.0.0.1' });
    expect((await fetch(`${running.url}/readyz`)).status).toBe(200);
    await running.close(1000);
    await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();
  });
});
