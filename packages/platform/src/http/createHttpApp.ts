// The express app every service starts from: correlation ids, security headers, access log and
// latency metrics, health, readiness and metrics endpoints, rate limits on the API paths, a JSON
// body limit, problem documents for errors, and answers compressed (brotli or gzip, as the client
// accepts) so GraphQL lists cross slow links.
// The service adds its own routes; the launcher may mount several services' routes on one app.

import compression from 'compression';
import express, { type Express, type RequestHandler } from 'express';
import type { Authenticator } from '../auth/createAuthenticator';
import { defaultEdgeSettings, type EdgeSettings } from '../config/loadConfig';
import type { Logger } from '../logging/createLogger';
import { httpSpans } from '../tracing/httpSpans';
import type { Metrics } from './metrics';
import { bodyShapeGuard } from './bodyShape';
import { notFoundHandler, problemErrorHandler } from './problemDetails';
import { rateLimitMiddleware } from './rateLimits';
import { correlationIdMiddleware, problemOf, requestContextOf } from './requestContext';
import { apiContentSecurityPolicy, setSecurityHeaders } from './securityHeaders';

export interface ReadinessReport {
  ready: boolean;
  /** Per dependency, e.g. { eventStore: { ok: true }, projections: { ok: false, detail: '12 behind' } } */
  checks?: Record<string, { ok: boolean; detail?: string }>;
}

export interface HttpAppOptions {
  service: string;
  logger: Logger;
  metrics: Metrics;
  bodyLimitBytes: number;
  /** Ready = able to do useful work now. Without it, ready means started. */
  readiness?: () => Promise<ReadinessReport>;
  /** The service's own handlers (routers, GraphQL middleware), mounted in this order. */
  routes: RequestHandler[];
  /** Tells who is asking, so rate limits count per signed-in person rather than per address. */
  authenticate: Authenticator;
  /** Proxies to trust and rate limits (config.edge); the defaults without. */
  edge?: EdgeSettings;
}

/** Set by startHttpServer's close(): readiness turns false while the server drains. */
export const drainingFlag = 'draining';

export function createHttpApp(options: HttpAppOptions): Express {
  const { logger, metrics } = options;
  const edge = options.edge ?? defaultEdgeSettings;
  const app = express();
  app.disable('x-powered-by');
  // Only then are X-Forwarded-For (the client address) and X-Forwarded-Proto (https) believed.
  app.set('trust proxy', edge.trustProxy);
  app.locals[drainingFlag] = false;

  // Every answer, errors included; the portal's page and the sandbox replace the policy.
  app.use((req, res, next) => {
    setSecurityHeaders(req, res, apiContentSecurityPolicy);
    next();
  });
  app.use(correlationIdMiddleware(logger));
  // Skips what is already compressed (the portal's precompressed files) and answers under 1 kB.
  app.use(compression());
  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeLabel(req, res.statusCode);
      metrics.requestAnswered(req.method, route, res.statusCode, seconds);
      if (route !== '/healthz' && route !== '/readyz' && route !== '/metrics') {
        // The path only: query strings can carry anything. A refused request gets this one line,
        // at info, with its code and the fields at fault (cut short by the logger), never a stack.
        const problem = problemOf(res);
        requestContextOf(res).logger.info(
          {
            method: req.method,
            route,
            status: res.statusCode,
            ms: Math.round(seconds * 1000),
            ...(problem ? { code: problem.code } : {}),
            ...(problem?.fields?.length ? { fields: problem.fields.slice(0, 10) } : {}),
          },
          'request answered',
        );
      }
    });
    if (app.locals[drainingFlag]) res.setHeader('Connection', 'close');
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service: options.service });
  });
  app.get('/readyz', async (_req, res) => {
    let report: ReadinessReport;
    try {
      report = app.locals[drainingFlag]
        ? { ready: false, checks: { shutdown: { ok: false, detail: 'shutting down' } } }
        : ((await options.readiness?.()) ?? { ready: true });
    } catch (error) {
      requestContextOf(res).logger.warn({ err: error }, 'readiness check failed');
      report = { ready: false, checks: { readiness: { ok: false, detail: 'check failed' } } };
    }
    res.status(report.ready ? 200 : 503).json({ service: options.service, ...report });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  // After the probes and metrics, which would fill the traces with noise; before the rate limits,
  // so a refused burst shows in the traces too.
  app.use(httpSpans(routeLabel));
  app.use(rateLimitMiddleware(edge.rateLimits, options.authenticate));
  app.use(
    express.json({
      limit: options.bodyLimitBytes,
      strict: true,
      type: ['application/json', 'application/*+json'],
    }),
  );
  app.use(bodyShapeGuard);
  for (const route of options.routes) app.use(route);
  app.use(notFoundHandler);
  app.use(problemErrorHandler);
  return app;
}

/** A low-cardinality route name: the matched pattern, the mount point, or "unmatched". */
function routeLabel(req: express.Request, status: number): string {
  if (req.route?.path) return `${req.baseUrl}${String(req.route.path)}`;
  if (status === 404) return 'unmatched';
  const firstSegment = req.originalUrl.split(/[/?#]/)[1] ?? '';
  return `/${firstSegment}`;
}
