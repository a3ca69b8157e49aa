// Both places that serve the built portal, its own server (distributed mode) and the all-in-one
// (`npm start`), must send a browser on a slow link the compressed copy it accepts and let it keep
// hashed assets for a year, while the page itself is asked again after every deploy.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import express from 'express';
import { portalRoutes } from '@kot/all-in-one';
import { readSettings, startPortalServer } from '../../services/portal/server/servePortal';
import {
  acceptedEncodings,
  cacheControlFor,
  immutableAsset,
} from '../../services/portal/server/staticAssets';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw request, so no client decompresses or adds an Accept-Encoding of its own. */
function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<Answer>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.setTimeout(5_000, () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end();
  });
}

const script = 'export const page = "werklijst";\n'.repeat(200);
const page =
  '<!doctype html><title>portaal</title><script src="/assets/index-AbCd1234.js"></script>';

function builtPortal(): string {
  const dist = mkdtempSync(join(tmpdir(), 'kot-portal-assets-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), page);
  writeFileSync(join(dist, 'index.html.br'), brotliCompressSync(page));
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const asset = join(dist, 'assets/index-AbCd1234.js');
  writeFileSync(asset, script);
  writeFileSync(`${asset}.br`, brotliCompressSync(script));
  writeFileSync(`${asset}.gz`, gzipSync(script));
  return dist;
}

const servers: [string, (dist: string) => Promise<Server>][] = [
  [
    "the portal's own server",
    (dist) =>
      startPortalServer(
        readSettings({ GRAPHQL_URL: 'http://127.0.0.1:9/graphql', PORTAL_DIST: dist, PORT: '0' }),
      ),
  ],
  [
    'the all-in-one',
    async (dist) => {
      const app = express();
      app.use(portalRoutes(null, dist));
      app.use((_req, res) => void res.status(404).send('not found'));
      const server = app.listen(0, '127.0.0.1');
      await new Promise((done) => server.once('listening', done));
      return server;
    },
  ],
];

describe.each(servers)('the built portal as %s serves it', (_name, start) => {
  let dist: string;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    dist = builtPortal();
    server = await start(dist);
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((done) => server?.close(done));
    rmSync(dist, { recursive: true, force: true });
  });

  it('sends a browser that accepts brotli the brotli copy, kept for a year', async () => {
    const answer = await get(port, '/assets/index-AbCd1234.js', {
      'accept-encoding': 'gzip, deflate, br, zstd',
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['cache-control']).toBe(immutableAsset);
    expect(answer.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(answer.headers['content-type']).toMatch(/^text\/javascript/);
    expect(Number(answer.headers['content-length'])).toBeLessThan(script.length / 10);
    expect(answer.body.equals(brotliCompressSync(script))).toBe(true);
  });

  it('sends gzip to a browser without brotli, and the plain file to one that accepts neither', async () => {
    const gzip = await get(port, '/assets/index-AbCd1234.js', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const refused = await get(port, '/assets/index-AbCd1234.js', {
      'accept-encoding': 'br;q=0, gzip;q=0',
    });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body.toString()).toBe(script);
  });

  it('answers every page path with index.html that the browser must ask again', async () => {
    const answer = await get(port, '/zaken/0190a1b2-0000-7000-8000-000000000001', {
      'accept-encoding': 'br',
      accept: 'text/html',
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-cache');
    expect(answer.headers['content-encoding']).toBe('br');
  });

  it('keeps a file without a content hash for an hour only, and finds no file outside dist', async () => {
    const icon = await get(port, '/favicon.svg');
    expect(icon.headers['cache-control']).toBe('public, max-age=3600');
    expect((await get(port, '/assets/missing-AbCd1234.js')).status).toBe(404);
    expect((await get(port, '/%2e%2e/%2e%2e/etc/passwd.txt')).status).toBe(404);
  });

  it('answers a HEAD with the headers and no body', async () => {
    const answer = await get(
      port,
      '/assets/index-AbCd1234.js',
      { 'accept-encoding': 'br' },
      'HEAD',
    );
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.body.length).toBe(0);
  });
});

describe('choosing what to send', () => {
  it('prefers brotli, then gzip, and honours a refusal with q=0', () => {
    expect(acceptedEncodings('gzip, br')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('br;q=0, gzip;q=0.5')).toEqual(['gzip']);
    expect(acceptedEncodings(undefined)).toEqual([]);
  });

  it('caches only the names Vite gave a content hash for a year', () => {
    expect(cacheControlFor('assets/CaseAuditPage-I-KJ9SSm.js')).toBe(immutableAsset);
    expect(cacheControlFor('assets/source-sans-3-latin-400-normal-DQi5PRDE.woff2')).toBe(
      immutableAsset,
    );
    expect(cacheControlFor('index.html')).toBe('no-cache');
    expect(cacheControlFor('favicon.svg')).toBe('public, max-age=3600');
  });
});
