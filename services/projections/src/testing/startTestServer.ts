// The read side over HTTP on 127.0.0.1 with real tokens, the way clients meet it.
import type { Actor } from '@kot/domain';
import {
  createAuthenticator,
  createHttpApp,
  createMetrics,
  issueToken,
  startHttpServer,
  type RunningServer,
} from '@kot/platform';
import {
  createProjectionsService,
  type ProjectionsService,
} from '../service/createProjectionsService';
import { silentLogger } from './silentLogger';
import type { OpenedTestStore } from './testDatabases';

const secret = 'projections-test-secret-of-at-least-32-characters';

export interface TestServer {
  service: ProjectionsService;
  server: RunningServer;
  /** Sends a GraphQL operation as the actor (or without a token when actor is null). */
  gql<Data = Record<string, unknown>>(
    actor: Actor | null,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{
    status: number;
    data: Data | null;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  }>;
  close(): Promise<void>;
}

export async function startTestServer(
  opened: OpenedTestStore,
  clock: () => Date,
): Promise<TestServer> {
  const logger = silentLogger();
  const metrics = createMetrics({ processMetrics: false });
  const authenticate = createAuthenticator({
    kind: 'hs256',
    secret,
    issuer: 'kot-platform',
    audience: 'kot-platform',
  });
  const service = await createProjectionsService({
    store: opened.store,
    logStore: opened.log,
    db: opened.db,
    logger,
    metrics,
    clock,
    authenticate,
    runtime: { refresh: false },
    lagGaugeIntervalMs: 0,
  });
  const app = createHttpApp({
    service: 'projections',
    logger,
    metrics,
    bodyLimitBytes: 256 * 1024,
    readiness: service.readiness,
    routes: service.routes,
    authenticate,
  });
  const server = await startHttpServer(app, { host: '127.0.0.1', port: 0 });
  return {
    service,
    server,
    async gql(actor, query, variables = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (actor) headers['authorization'] = `Bearer ${await issueToken(secret, actor, 600)}`;
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: unknown; errors?: [] };
      return { status: response.status, data: (body.data ?? null) as never, errors: body.errors };
    },
    async close() {
      await server.close(1_000);
      await service.close();
    },
  };
}
