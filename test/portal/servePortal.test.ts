// The portal's own server (distributed mode) must survive whatever path a browser or a scanner
// sends: a malformed one is a 400, not a crashed process.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSettings, startPortalServer } from '../../services/portal/server/servePortal';

/** A POST of a GraphQL body, read back as text. */
function postGraphql(port: number, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.setTimeout(5_000, () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

/** A stand-in service: ready, and answering every GraphQL request with empty data. */
async function startService(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(req.url === '/readyz' ? '{"ready":true}' : '{"data":{}}');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/graphql` };
}

const errorOf = (body: string) =>
  (JSON.parse(body) as { errors: Array<{ extensions: Record<string, unknown> }> }).errors[0]
    ?.extensions;

/** A raw GET, so the path reaches the server exactly as written (fetch would normalise it). */
function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.setTimeout(5_000, () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end();
  });
}

describe('the portal server', () => {
  let dist: string;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'kot-portal-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>portal</title>');
    // Nothing listens on port 9 of the loopback: the API is unreachable on purpose.
    const settings = readSettings({
      GRAPHQL_URL: 'http://127.0.0.1:9/graphql',
      PORTAL_DIST: dist,
      PORT: '0',
      HOST: '127.0.0.1',
    });
    server = await startPortalServer(settings);
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((done) => server?.close(done));
    rmSync(dist, { recursive: true, force: true });
  });

  it('says there is no identity provider to sign in through unless OIDC_ISSUER names one', async () => {
    await expect(get(port, '/portal/config')).resolves.toEqual({
      status: 200,
      body: JSON.stringify({ oidc: null }),
    });
    const base = { GRAPHQL_URL: 'http://127.0.0.1:9/graphql', PORTAL_DIST: dist };
    expect(
      readSettings({
        ...base,
        OIDC_ISSUER: 'https://login.example.org',
        OIDC_CLIENT_ID: 'kot-portal',
      }).oidc,
    ).toEqual({
      issuer: 'https://login.example.org',
      clientId: 'kot-portal',
      scope: 'openid',
      resource: null,
    });
    expect(() => readSettings({ ...base, OIDC_ISSUER: 'http://login.example.org' })).toThrow(
      'OIDC_ISSUER and OIDC_CLIENT_ID: set both or neither',
    );
    expect(() =>
      readSettings({ ...base, OIDC_ISSUER: 'http://login.example.org', OIDC_CLIENT_ID: 'p' }),
    ).toThrow('OIDC_ISSUER: expected an https:// URL (http:// only for localhost)');
  });

  it('answers a malformed path with 400 and keeps serving', async () => {
    await expect(get(port, '/zaken/%E0%A4%A')).resolves.toMatchObject({ status: 400 });
    await expect(get(port, '/%')).resolves.toMatchObject({ status: 400 });
    await expect(get(port, '/zaken/abc')).resolves.toMatchObject({
      status: 200,
      body: expect.stringContaining('<title>portal</title>'),
    });
  });

  it('says in Dutch and English that the API cannot be reached', async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/graphql',
          method: 'POST',
          headers: { 'content-type': 'application/json' },
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.setTimeout(5_000, () => req.destroy(new Error('timed out')));
      req.on('error', reject);
      req.end('{"query":"{ __typename }"}');
    });
    expect(answer.status).toBe(502);
    const reason = (
      JSON.parse(answer.body) as { errors: Array<{ extensions: { reason: unknown } }> }
    ).errors[0]?.extensions.reason;
    expect(reason).toEqual({
      nl: expect.stringContaining('niet bereikbaar'),
      en: expect.stringContaining('cannot be reached'),
    });
  });

  it('answers /healthz while it runs, and is not ready while the API behind it does not answer', async () => {
    expect(JSON.parse((await get(port, '/healthz')).body)).toEqual({
      status: 'ok',
      service: 'portal',
    });
    const readiness = await get(port, '/readyz');
    expect(readiness.status).toBe(503);
    expect(JSON.parse(readiness.body)).toEqual({
      service: 'portal',
      ready: false,
      checks: { api: { ok: false, detail: 'not reachable' } },
    });
  });
});

describe('the portal server in front of the three services', () => {
  const started: Server[] = [];
  let dist: string;

  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), 'kot-portal-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>portal</title>');
  });

  afterAll(async () => {
    await Promise.all(started.map((server) => new Promise((done) => server.close(done))));
    rmSync(dist, { recursive: true, force: true });
  });

  async function portalWith(notificationsUrl: string) {
    const referrals = await startService();
    const projections = await startService();
    started.push(referrals.server, projections.server);
    const portal = await startPortalServer(
      readSettings({
        REFERRALS_GRAPHQL_URL: referrals.url,
        PROJECTIONS_GRAPHQL_URL: projections.url,
        NOTIFICATIONS_GRAPHQL_URL: notificationsUrl,
        PORTAL_DIST: dist,
        PORT: '0',
        HOST: '127.0.0.1',
      }),
    );
    started.push(portal);
    return (portal.address() as AddressInfo).port;
  }

  it('names the service that is down, in Dutch and English, when an operation needs it', async () => {
    const port = await portalWith('http://127.0.0.1:9/graphql');
    const answer = await postGraphql(port, '{"query":"{ inbox(first: 1) { edges { cursor } } }"}');
    expect(answer.status).toBe(502);
    expect(errorOf(answer.body)).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      service: 'notifications',
      reason: {
        nl: 'De dienst notifications (de berichten) is nu niet bereikbaar. Probeer het over een paar minuten opnieuw.',
        en: 'The notifications service (the messages) cannot be reached right now. Please try again in a few minutes.',
      },
    });
    // The services that answer still do.
    const worklist = await postGraphql(
      port,
      '{"query":"{ worklist(first: 1) { items { caseId } } }"}',
    );
    expect(worklist).toEqual({ status: 200, body: '{"data":{}}' });
  });

  it('is ready only when every service behind it is, and says which one is not', async () => {
    const down = await portalWith('http://127.0.0.1:9/graphql');
    const notReady = await get(down, '/readyz');
    expect(notReady.status).toBe(503);
    expect(JSON.parse(notReady.body)).toEqual({
      service: 'portal',
      ready: false,
      checks: {
        referrals: { ok: true },
        projections: { ok: true },
        notifications: { ok: false, detail: 'not reachable' },
      },
    });
    const notifications = await startService();
    started.push(notifications.server);
    const up = await portalWith(notifications.url);
    expect(await get(up, '/readyz')).toMatchObject({ status: 200 });
  });
});
