// `npm run start -w services/portal`: the built portal on its own (distributed mode). It serves
// dist/ with the same page fallback as the all-in-one and passes /graphql through to GRAPHQL_URL,
// so the browser talks to one origin and the API needs no CORS. With REFERRALS_, PROJECTIONS_ and
// NOTIFICATIONS_GRAPHQL_URL it routes each operation to the service that owns it (graphqlRoutes.ts).
// `/portal/config` tells the page whether to offer sign-in through the identity provider (OIDC_*).
import { existsSync } from 'node:fs';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { request as httpsRequest } from 'node:https';
import { extname, join, resolve } from 'node:path';
import {
  apiContentSecurityPolicy,
  portalContentSecurityPolicy,
  setSecurityHeaders,
} from '@kot/platform';
import { readGraphqlRoutes, routeGraphql, type GraphqlRoutes } from './graphqlRoutes';
import { assetPath, sendAsset } from './staticAssets';
import { answerHealth, answerReadiness } from './portalHealth';
import { answerUnavailable } from './serviceUnavailable';
import type { OidcSettings } from '../src/session/oidcSettings';

export interface PortalServerSettings {
  distDir: string;
  /** The identity provider the page signs in through, as `/portal/config` tells it; null: none. */
  oidc: OidcSettings | null;
  graphqlUrl: URL;
  /** Distributed mode: one URL per service; null: everything to graphqlUrl. */
  routes: GraphqlRoutes | null;
  host: string;
  port: number;
}

export function readSettings(env: NodeJS.ProcessEnv): PortalServerSettings {
  const routed = readGraphqlRoutes(env);
  const problems: string[] = [...routed.problems];
  const graphql = env['GRAPHQL_URL'] ?? routed.routes?.projections.href;
  let graphqlUrl: URL | null = null;
  try {
    graphqlUrl = graphql ? new URL(graphql) : null;
  } catch {
    problems.push(`GRAPHQL_URL: not a URL (${graphql})`);
  }
  if (!graphql) problems.push('GRAPHQL_URL: required, e.g. http://127.0.0.1:4000/graphql');
  const port = Number(env['PORT'] ?? 5173);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    problems.push('PORT: a number from 0 to 65535');
  const distDir = resolve(env['PORTAL_DIST'] ?? join(__dirname, '../dist'));
  if (!existsSync(join(distDir, 'index.html')))
    problems.push(`${distDir} has no index.html: run npm run build -w services/portal`);
  const oidc = readOidc(env, problems);
  if (problems.length > 0 || !graphqlUrl)
    throw new Error(`Cannot start the portal:\n  ${problems.join('\n  ')}`);
  return {
    distDir,
    oidc,
    graphqlUrl,
    routes: routed.routes,
    host: env['HOST'] ?? '127.0.0.1',
    port,
  };
}

/**
 * The same variables as the platform's (packages/platform loadConfig), checked as far as the
 * portal can: whether the API verifies the provider's tokens (JWKS_URL) is the API's own check.
 */
function readOidc(env: NodeJS.ProcessEnv, problems: string[]): OidcSettings | null {
  const issuer = env['OIDC_ISSUER'] || undefined;
  const clientId = env['OIDC_CLIENT_ID'] || undefined;
  if (issuer === undefined && clientId === undefined) return null;
  if (!issuer || !clientId) {
    problems.push('OIDC_ISSUER and OIDC_CLIENT_ID: set both or neither');
    return null;
  }
  const url = URL.canParse(issuer) ? new URL(issuer) : null;
  const loopback = ['localhost', '127.0.0.1', '[::1]'];
  if (
    !url ||
    !(url.protocol === 'https:' || (url.protocol === 'http:' && loopback.includes(url.hostname)))
  ) {
    problems.push('OIDC_ISSUER: expected an https:// URL (http:// only for localhost)');
  }
  return {
    issuer,
    clientId,
    scope: env['OIDC_SCOPE'] || 'openid',
    resource: env['OIDC_RESOURCE'] || null,
  };
}

function proxyGraphql(
  settings: PortalServerSettings,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const target = settings.graphqlUrl;
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const headers = { ...req.headers, host: target.host };
  const upstream = send(target, { method: req.method, headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => answerUnavailable(res, null));
  req.pipe(upstream);
}

/** The path as a file name, or null when it is not valid percent-encoding (`/%E0%A4%A`). */
function decodedPath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

function serveFile(
  settings: PortalServerSettings,
  pathname: string,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const decoded = decodedPath(pathname);
  if (decoded === null) {
    res.writeHead(400, { 'content-type': 'text/plain' }).end('Bad request: malformed path');
    return;
  }
  // A path with an extension names a file; any other is a page of the portal.
  if (extname(decoded) === '') return sendAsset(req, res, settings.distDir, 'index.html');
  if (!assetPath(settings.distDir, decoded)) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  sendAsset(req, res, settings.distDir, decoded);
}

export function startPortalServer(settings: PortalServerSettings) {
  const pagePolicy = portalContentSecurityPolicy(settings.oidc?.issuer ?? null);
  const server = createServer((req, res) => {
    // The same headers as the platform's own answers; the page and its files get the portal's
    // policy. No proxy is trusted here: HSTS only when this server itself speaks TLS.
    setSecurityHeaders(req, res, apiContentSecurityPolicy);
    let pathname: string;
    try {
      ({ pathname } = new URL(req.url ?? '/', 'http://portal.invalid'));
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('Bad request: malformed URL');
      return;
    }
    if (pathname === settings.graphqlUrl.pathname || pathname === '/graphql')
      return settings.routes
        ? routeGraphql(settings.routes, req, res)
        : proxyGraphql(settings, req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (pathname === '/healthz') return answerHealth(res);
    if (pathname === '/readyz') {
      void answerReadiness(res, settings.routes ?? { api: settings.graphqlUrl });
      return;
    }
    if (pathname === '/portal/config') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache' });
      res.end(JSON.stringify({ oidc: settings.oidc }));
      return;
    }
    res.setHeader('Content-Security-Policy', pagePolicy);
    serveFile(settings, pathname, req, res);
  });
  return new Promise<typeof server>((done) =>
    server.listen(settings.port, settings.host, () => done(server)),
  );
}

if (require.main === module) {
  try {
    const settings = readSettings(process.env);
    void startPortalServer(settings).then((server) => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : settings.port;
      const api = settings.routes
        ? Object.entries(settings.routes)
            .map(([service, url]) => `${service} ${url.href}`)
            .join(', ')
        : settings.graphqlUrl.href;
      console.log(`Portal on http://${settings.host}:${port}/ (API: ${api})`);
      const stop = () => server.close(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
