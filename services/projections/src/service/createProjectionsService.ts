// The read side as one composable unit: projections kept up to date from the log, and the
// GraphQL queries over them. The launcher (or main.ts) mounts `routes` on the platform's app and
// passes `readiness` to it.
import type { RequestHandler } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { EventStore, SqlDatabase } from '../eventStorePort';
import {
  startProjections,
  type ProjectionLag,
  type ProjectionsRuntimeOptions,
  type RunningProjections,
} from '../generations/startProjections';
import type { RebuildResult } from '../generations/rebuildProjection';
import type { ContainerType } from 'type-graphql';
import {
  buildProjectionsSchema,
  projectionsResolverClasses,
  projectionsResolverContainer,
} from '../graphql/buildProjectionsSchema';
import {
  createGraphQLMiddleware,
  defaultQueryLimits,
  defaultReadAfterTimeoutMs,
  type Authenticator,
  type Logger,
  type Metrics,
  type QueryLimits,
  type GraphQLExposure,
  type ReadinessReport,
} from '../platformPort';
import { projections } from '../projections';

export interface ProjectionsServiceDeps {
  /** The log with personal fields decrypted (protectPersonalData). */
  store: EventStore;
  /**
   * The same log as stored, without decryption: lag, readiness and integrity checks read it, as
   * they need no personal data. Defaults to `store`.
   */
  logStore?: EventStore;
  /** The database the store lives in; the read models go beside the events. */
  db: SqlDatabase;
  authenticate: Authenticator;
  logger: Logger;
  clock?: () => Date;
  metrics?: Metrics;
  limits?: QueryLimits;
  /** How long a query with X-Read-After-Position waits for the read models; default 5 s. */
  readAfterTimeoutMs?: number;
  /** Schema introspection and the sandbox (config.graphql); both off when left out. */
  exposure?: GraphQLExposure;
  /** Where GraphQL answers; /graphql by default. */
  graphqlPath?: string;
  runtime?: ProjectionsRuntimeOptions;
  /** Ready while every live projection's oldest unhandled event is at most this old. Default 10 s. */
  maxReadyLagSeconds?: number;
  /** How often the lag gauges are updated; default 10 s, 0 for never. */
  lagGaugeIntervalMs?: number;
}

export interface ProjectionsService {
  /** Mount on the platform's HTTP app (createHttpApp({ routes })). */
  routes: RequestHandler[];
  schema: GraphQLSchema;
  /** For one schema across services: buildSchema({ resolvers: [...theirs, ...resolvers], container }). */
  resolvers: typeof projectionsResolverClasses;
  resolverContainer: ContainerType;
  readiness(): Promise<ReadinessReport>;
  projectionLag(): Promise<ProjectionLag[]>;
  rebuild(projections?: readonly string[]): Promise<RebuildResult[]>;
  whenCaughtUp(): Promise<void>;
  /** True once every live read model has handled the log up to `position`; false after `timeoutMs`. */
  whenReached(position: number, timeoutMs: number): Promise<boolean>;
  refreshTimeDependent(): Promise<number>;
  /** Stops answering, finishes each subscriber's batch and checkpoint, then stops. */
  close(): Promise<void>;
}

export async function createProjectionsService(
  deps: ProjectionsServiceDeps,
): Promise<ProjectionsService> {
  const clock = deps.clock ?? (() => new Date());
  const running: RunningProjections = await startProjections(
    {
      // The log as stored: read models hold no personal data (withoutPersonalData sets those
      // fields to null), so decrypting them for every event of every batch was work thrown away.
      store: deps.logStore ?? deps.store,
      log: deps.logStore ?? deps.store,
      db: deps.db,
      logger: deps.logger,
      clock,
      observeLag: deps.metrics?.projectionLagObserved,
    },
    projections,
    deps.runtime,
  );
  const readSide = {
    store: deps.store,
    log: deps.logStore ?? deps.store,
    db: deps.db,
    clock,
    projections: running,
  };
  const resolverContainer = projectionsResolverContainer(readSide);
  const schema = await buildProjectionsSchema(resolverContainer);
  const graphql = await createGraphQLMiddleware({
    schema,
    authenticate: deps.authenticate,
    limits: deps.limits ?? defaultQueryLimits,
    path: deps.graphqlPath,
    readAfter: {
      waitFor: (position, timeoutMs) => running.whenReached(position, timeoutMs),
      timeoutMs: deps.readAfterTimeoutMs ?? defaultReadAfterTimeoutMs,
    },
    ...(deps.exposure ? { exposure: deps.exposure } : {}),
  });

  const maxLag = deps.maxReadyLagSeconds ?? 10;
  const lagGauges = async () => {
    const figures = await running.lag();
    for (const figure of figures) {
      if (figure.status === 'live')
        deps.metrics?.projectionBehind(figure.projection, figure.eventsBehind);
    }
    return figures;
  };
  const gaugeInterval = deps.lagGaugeIntervalMs ?? 10_000;
  const gaugeTimer =
    deps.metrics && gaugeInterval > 0
      ? setInterval(() => {
          lagGauges().catch((error: unknown) =>
            deps.logger.warn({ err: error }, 'projection lag could not be measured'),
          );
        }, gaugeInterval)
      : null;
  gaugeTimer?.unref();

  return {
    routes: [graphql.handler],
    schema,
    resolvers: projectionsResolverClasses,
    resolverContainer,
    async readiness() {
      const figures = await lagGauges();
      const checks: ReadinessReport['checks'] = {};
      for (const figure of figures.filter((f) => f.status === 'live')) {
        const ok = figure.running && figure.lagSeconds <= maxLag;
        checks[`projection:${figure.projection}`] = {
          ok,
          detail: figure.running
            ? `${figure.lagSeconds.toFixed(1)} s behind (${figure.eventsBehind} events)`
            : `not running: ${figure.lastError ?? 'starting'}`,
        };
      }
      return { ready: Object.values(checks).every((check) => check.ok), checks };
    },
    projectionLag: () => running.lag(),
    rebuild: (names) => running.rebuild(names),
    whenCaughtUp: () => running.whenCaughtUp(),
    whenReached: (position, timeoutMs) => running.whenReached(position, timeoutMs),
    refreshTimeDependent: () => running.refreshTimeDependent(),
    async close() {
      if (gaugeTimer) clearInterval(gaugeTimer);
      await graphql.stop();
      await running.stop();
    },
  };
}
