// Distributed mode through its one entry: referrals, projections and notifications each answer on
// their own HTTP server, and the portal's server (a separate process, started as its container
// starts it) routes every GraphQL operation to the service that owns it. Every root field of the
// three real schemas is probed through the portal, and a case is carried through it.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { GraphQLSchema } from 'graphql';
import {
  createAuthenticator,
  createHttpApp,
  createLogger,
  createMetrics,
  startHttpServer,
  type RunningServer,
} from '@kot/platform';
import { startPlatform, type RunningPlatform } from '@kot/all-in-one';
import { family, horizonOffice } from './families';
import { overHttp, type OverHttp } from './overHttp';
import { storyDay, type DemoUserKey } from './platformUnderTest';

const portalDir = resolve(__dirname, '../../services/portal');
const PORTAL_START_MS = 60_000;
const WAIT_MS = 10_000;
const POLL_MS = 25;

/** Starts the portal server as `npm run start -w services/portal` does; resolves with its URL. */
function startPortalProcess(
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'server/servePortal.ts'], {
    cwd: portalDir,
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((done, fail) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      fail(new Error(`the portal did not start within ${PORTAL_START_MS} ms:\n${output}`));
    }, PORTAL_START_MS);
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const started = /Portal on (http:\/\/[^/\s]+)\//.exec(output);
      if (started) {
        clearTimeout(timer);
        done({ url: started[1]!, child });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the portal exited with ${code}:\n${output}`));
    });
  });
}

const rootFields = (schema: GraphQLSchema) => ({
  query: Object.keys(schema.getQueryType()?.getFields() ?? {}),
  mutation: Object.keys(schema.getMutationType()?.getFields() ?? {}),
});

describe('the portal as the one GraphQL entry of the distributed services', () => {
  let platform: RunningPlatform;
  let dataDir: string;
  let distDir: string;
  let servers: RunningServer[] = [];
  let portal: ChildProcess | null = null;
  let portalUrl: string;
  let http: OverHttp;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kot-gateway-'));
    distDir = mkdtempSync(join(tmpdir(), 'kot-gateway-dist-'));
    writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>portal</title>');
    platform = await startPlatform({
      env: {
        DATA_DIR: dataDir,
        JWT_SECRET: randomBytes(32).toString('hex'),
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'silent',
      },
      clock: () => new Date(`${storyDay}T11:00:00.000Z`),
      seedDemo: false,
    });
    // Each service on a server of its own, as in its container.
    const own = async (
      service: 'projections' | 'notifications',
      parts: Pick<RunningPlatform['projections'], 'routes' | 'readiness'>,
    ) =>
      startHttpServer(
        createHttpApp({
          service,
          logger: createLogger({ service, level: 'silent' }),
          metrics: createMetrics({ processMetrics: false }),
          bodyLimitBytes: 256 * 1024,
          readiness: parts.readiness,
          routes: parts.routes,
          authenticate: createAuthenticator(platform.config.authentication),
          edge: platform.config.edge,
        }),
        { host: '127.0.0.1', port: 0 },
      );
    const referrals = await startHttpServer(platform.referrals.app, { host: '127.0.0.1', port: 0 });
    const projections = await own('projections', platform.projections);
    const notifications = await own('notifications', platform.notifications);
    servers = [referrals, projections, notifications];
    const started = await startPortalProcess({
      HOST: '127.0.0.1',
      PORT: '0',
      PORTAL_DIST: distDir,
      REFERRALS_GRAPHQL_URL: `${referrals.url}/graphql`,
      PROJECTIONS_GRAPHQL_URL: `${projections.url}/graphql`,
      NOTIFICATIONS_GRAPHQL_URL: `${notifications.url}/graphql`,
    });
    portal = started.child;
    portalUrl = started.url;
    http = overHttp({
      engine: 'pglite',
      url: portalUrl,
      tokens: platform.tokens as Record<DemoUserKey, string>,
      tokenFor: () => Promise.reject(new Error('not needed')),
      welcome: () => '',
      printedTokens: platform.tokens,
      eventCount: () => platform.eventCount(),
      storedEvents: (caseId) => platform.storedEvents(`case-${caseId}`),
      runRetention: () => platform.notifications.scanRetention(),
      schemas: { referrals: platform.referrals.schema, projections: platform.projections.schema },
      close: async () => undefined,
    });
  }, 120_000);

  afterAll(async () => {
    if (portal && portal.exitCode === null) {
      const exited = new Promise<void>((resolve) => portal!.once('exit', () => resolve()));
      portal.kill('SIGTERM');
      const forced = setTimeout(() => portal!.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(forced);
    }
    for (const server of servers) await server.close();
    await platform?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(distDir, { recursive: true, force: true });
  }, 30_000);

  it('sends every root field of each service to that service', async () => {
    const schemas = {
      referrals: platform.referrals.schema,
      projections: platform.projections.schema,
      notifications: platform.notifications.schema,
    };
    const misrouted: string[] = [];
    let probed = 0;
    for (const [service, schema] of Object.entries(schemas)) {
      for (const [type, fields] of Object.entries(rootFields(schema))) {
        for (const field of fields) {
          // An argument no field has: the owner names the unknown argument `__probe` (nothing
          // runs); any other service names the unknown field itself.
          const answer = await http.query(null, `${type} { ${field}(__probe: 1) }`);
          const messages = answer.errors.map((error) => error.message).join(' | ');
          probed++;
          if (!messages.includes('__probe: unknown field or argument'))
            misrouted.push(`${service} ${type}.${field}: ${messages}`);
        }
      }
    }
    expect(misrouted).toEqual([]);
    expect(probed).toBeGreaterThan(40);
  });

  it('carries a case through the portal alone: commands to referrals, reads to projections, the inbox to notifications', async () => {
    const f = family();
    await http.carryOut('smi-officer-utrecht', 'OpenReferral', f.referral);
    await http.carryOut('smi-officer-utrecht', 'OfferCase', {
      caseId: f.caseId,
      to: horizonOffice,
    });
    const worklist = await http.worklist('bewindvoerder');
    expect(worklist.filter((entry) => entry.caseId === f.caseId)).toHaveLength(1);

    let offered: { id: string; rule: string } | undefined;
    const deadline = Date.now() + WAIT_MS;
    for (let tries = 0; tries < WAIT_MS / POLL_MS && !offered && Date.now() < deadline; tries++) {
      const inbox = await http.query<{
        inbox: { edges: Array<{ node: { id: string; rule: string; caseId: string } }> };
      }>('bewindvoerder', '{ inbox(first: 50) { edges { node { id rule caseId } } } }');
      offered = inbox.data?.inbox.edges
        .map((edge) => edge.node)
        .find((node) => node.caseId === f.caseId);
      if (!offered) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    expect(offered?.rule).toBe('case-offered');
    const read = await http.query<{ markNotificationRead: { readAt: string | null } }>(
      'bewindvoerder',
      'mutation Read($id: ID!) { markNotificationRead(id: $id) { readAt } }',
      { id: offered!.id },
    );
    expect(read.data?.markNotificationRead.readAt).not.toBeNull();
    // Without a token each service still refuses: the portal passes the caller on, adds nothing.
    const anonymous = await http.query(null, '{ inbox(first: 1) { unreadCount } }');
    expect(anonymous.errors[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses in words an operation that asks two services at once, and follows the operation chosen by name', async () => {
    const mixed = await http.query(
      'smi-officer-utrecht',
      '{ inbox(first: 1) { unreadCount } worklist(first: 1) { items { caseId } } }',
    );
    expect(mixed.status).toBe(400);
    expect(mixed.errors[0]?.message).toContain(
      'This request combines fields of several services (notifications, projections)',
    );
    expect(mixed.errors[0]?.message).toContain('Deze vraag combineert velden');

    const response = await fetch(`${portalUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${platform.tokens['smi-officer-utrecht']}`,
      },
      body: JSON.stringify({
        query:
          'query Work { worklist(first: 1) { items { caseId } } } query Mine { inbox(first: 1) { unreadCount } }',
        operationName: 'Mine',
      }),
    });
    const body = (await response.json()) as { data?: { inbox?: { unreadCount: number } } };
    expect(typeof body.data?.inbox?.unreadCount).toBe('number');
  });
});
