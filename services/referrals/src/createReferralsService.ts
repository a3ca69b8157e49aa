// The referrals service as a value: everything it needs comes in (store, authenticator, logger,
// clock, ids), and out come an express app, its routes and its resolvers, so main.ts can run it
// alone and the launcher can mount it beside the other services.

import 'reflect-metadata';
import type { Express, RequestHandler } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { EventStore, ProtectedEventStore } from '@kot/eventstore';
import {
  createGraphQLMiddleware,
  createHttpApp,
  createMetrics,
  defaultQueryLimits,
  newId,
  type Authenticator,
  type Logger,
  type Metrics,
  type QueryLimits,
  type EdgeSettings,
  type GraphQLExposure,
  type ReadinessReport,
} from '@kot/platform';
import { createCommandExecutor, type ExecuteCommand } from './commands/executeCommand';
import { buildReferralsSchema } from './graphql/buildReferralsSchema';
import { createCommandResolver, type CommandResolverClass } from './graphql/commandResolver';
import { createRecordSmiPolicy, createSmiPolicyResolver } from './policy/setSmiPolicy';
import { commandRoutes } from './rest/commandRoutes';

export interface ReferralsServiceDeps {
  /** The event store, already wrapped with protectPersonalData (its `forget` erases a case). */
  store: EventStore | ProtectedEventStore;
  authenticate: Authenticator;
  logger: Logger;
  clock?: () => Date;
  newId?: () => string;
  metrics?: Metrics;
  bodyLimitBytes?: number;
  graphqlLimits?: QueryLimits;
  /** Schema introspection and the sandbox (config.graphql); both off when left out. */
  graphqlExposure?: GraphQLExposure;
  /** Proxies to trust and rate limits (config.edge); the platform's defaults when left out. */
  edge?: EdgeSettings;
  /**
   * The organisation directory: whether a case may be offered to this organisation. The launcher
   * asks the recipient directory; without it any well-formed code is accepted.
   */
  organisationKnown?: (organisation: string) => Promise<boolean>;
  /** Ready = the store answers, unless the caller knows better. */
  readiness?: () => Promise<ReadinessReport>;
}

export interface ReferralsService {
  /** A complete app: POST /graphql, POST /commands/:name, /healthz, /readyz, /metrics. */
  app: Express;
  /** The GraphQL and REST handlers alone, to mount on a shared app. */
  routes: RequestHandler[];
  /** The REST intake alone (POST /commands/:name), for an app with one merged GraphQL endpoint. */
  rest: RequestHandler;
  /** The mutation resolvers, for a schema merged with other services' resolvers. */
  resolvers: CommandResolverClass[];
  schema: GraphQLSchema;
  executeCommand: ExecuteCommand;
  metrics: Metrics;
  /** Stops the GraphQL server. The store belongs to the caller, who closes it. */
  close(): Promise<void>;
}

export async function createReferralsService(
  deps: ReferralsServiceDeps,
): Promise<ReferralsService> {
  const metrics = deps.metrics ?? createMetrics();
  const executeCommand = createCommandExecutor({
    store: deps.store,
    clock: deps.clock ?? (() => new Date()),
    newId: deps.newId ?? newId,
    logger: deps.logger,
    metrics,
    ...(deps.organisationKnown ? { organisationKnown: deps.organisationKnown } : {}),
    ...forgetOf(deps.store),
  });
  const commandResolver = createCommandResolver(executeCommand);
  const recordPolicy = createRecordSmiPolicy({
    store: deps.store,
    clock: deps.clock ?? (() => new Date()),
    newId: deps.newId ?? newId,
  });
  const policyResolver = createSmiPolicyResolver(
    async (command, actor) => (await recordPolicy(command, actor)).policy,
  );
  const schema = await buildReferralsSchema(commandResolver, policyResolver);
  const graphql = await createGraphQLMiddleware({
    schema,
    authenticate: deps.authenticate,
    limits: deps.graphqlLimits ?? defaultQueryLimits,
    ...(deps.graphqlExposure ? { exposure: deps.graphqlExposure } : {}),
  });
  const rest = commandRoutes({
    authenticate: deps.authenticate,
    execute: executeCommand,
    schema,
    setPolicy: recordPolicy,
  });
  const routes: RequestHandler[] = [graphql.handler, rest];
  const app = createHttpApp({
    service: 'referrals',
    logger: deps.logger,
    metrics,
    bodyLimitBytes: deps.bodyLimitBytes ?? 256 * 1024,
    readiness: deps.readiness ?? (() => storeAnswers(deps.store)),
    routes,
    authenticate: deps.authenticate,
    ...(deps.edge ? { edge: deps.edge } : {}),
  });
  return {
    app,
    routes,
    rest,
    resolvers: [commandResolver, policyResolver],
    schema,
    executeCommand,
    metrics,
    close: () => graphql.stop(),
  };
}

/** The protected store's crypto-shredding, when the store given is one. */
function forgetOf(store: EventStore | ProtectedEventStore) {
  return 'forget' in store ? { forget: (streamId: string) => store.forget(streamId) } : {};
}

async function storeAnswers(store: EventStore): Promise<ReadinessReport> {
  try {
    await store.readStream('readiness-probe', { limit: 1 });
    return { ready: true, checks: { eventStore: { ok: true } } };
  } catch {
    return { ready: false, checks: { eventStore: { ok: false, detail: 'not reachable' } } };
  }
}
