// The portal's own server (distributed mode) must survive whatever path a browser or a scanner
// sends: a malformed one is a 400, not a crashed process.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSettings, startPortalServer } from '../../services/portal/server/servePortal';

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
});
