// The notifications service, composed. Three loops, each of which may run in its own process:
//   feed       case events (store subscription or Kafka) → minimal case state + outbox intents
//   timers     open case states + now → deadline intents
//   dispatcher outbox → inbox / e-mail / webhook deliveries → outcomes recorded in the event log
// Each step is also exposed on its own, so tests and the bench drive time and order themselves.

import type { EventStore, SqlDatabase } from '@kot/eventstore';
import type { BusConsumer, MessageBus } from '../bus/messageBus';
import { consumeCaseEvents } from '../bus/consumeCaseEvents';
import { createEmailSender, type EmailConfig } from '../channels/email/emailSender';
import type {
  CallbackAddressPolicy,
  ResolveHost,
} from '../channels/webhooks/callbackAddressPolicy';
import { NOTIFICATIONS_SOURCE } from '../channels/webhooks/notificationCloudEvent';
import { defaultRetryPolicy, type RetryPolicy } from '../delivery/backoff';
import { deliverDue, type DeliverResult } from '../delivery/deliverDue';
import { planDeliveries } from '../delivery/planDeliveries';
import {
  buildNotificationsSchema,
  notificationsResolverClasses,
  notificationsResolverContainer,
} from '../graphql/buildNotificationsSchema';
import { createGraphQLMiddleware, type QueryLimits, type ReadinessReport } from '../platformPort';
import { OUTBOX_CHANNEL, subscribeToStore } from '../outbox/subscribeToStore';
import { recordOutcomes } from '../recording/recordOutcomes';
import { migrateNotifications } from '../storage/notificationsSchema';
import { compileTemplates, type CompiledTemplates } from '../templates/compileTemplates';
import {
  notificationTemplates,
  type NotificationTemplates,
} from '../templates/notificationTemplates';
import { ruleParameters } from '../templates/ruleParameters';
import { scanDeadlines, type DeadlineScanResult } from '../timers/scanDeadlines';
import {
  silentLogger,
  type Authenticator,
  type Clock,
  type Fetch,
  type Logger,
} from './dependencies';
import { createNotificationsApi, type NotificationsApi } from './notificationsApi';
import type { RequestHandler } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { ContainerType } from 'type-graphql';

export type NotificationFeed =
  | { kind: 'store'; batchSize?: number }
  | { kind: 'bus'; bus: MessageBus; topic: string; groupId: string };

export interface NotificationsServiceDependencies {
  /** The store as written (no decrypting wrapper needed: the service keeps no personal data). */
  store: EventStore;
  /** The service's own tables and checkpoint. On PGlite: the store's database. */
  db: SqlDatabase;
  authenticate: Authenticator;
  logger?: Logger;
  clock?: Clock;
  /** null: no e-mail; messages still reach the inbox and webhooks. */
  email: EmailConfig | null;
  fetch?: Fetch;
  webhooks?: {
    addressPolicy?: CallbackAddressPolicy;
    timeoutMs?: number;
    resolveHost?: ResolveHost;
  };
  /** CloudEvents `source` of the webhooks. */
  source?: string;
  retry?: Partial<RetryPolicy>;
  dispatcher?: {
    batchSize?: number;
    concurrency?: number;
    leaseMs?: number;
    pollIntervalMs?: number;
  };
  timers?: { intervalMs?: number; batchSize?: number; maxCases?: number };
  feed?: NotificationFeed;
  /** For tests of the start-up check; the service's own templates otherwise. */
  templates?: NotificationTemplates;
  limits?: QueryLimits;
  /** Where GraphQL answers; /graphql by default. */
  graphqlPath?: string;
  /** Called when a loop failed for good (the feed kept failing): main exits, the orchestrator restarts. */
  onFatal?: (error: unknown) => void;
}

export interface DispatchResult extends DeliverResult {
  planned: number;
  recorded: number;
}

export interface NotificationsRoles {
  feed: boolean;
  timers: boolean;
  dispatcher: boolean;
}

export interface NotificationsService {
  /** Mount on the platform's HTTP app (createHttpApp({ routes })). */
  readonly routes: RequestHandler[];
  readonly schema: GraphQLSchema;
  /** For one schema across services: buildSchema({ resolvers: [...theirs, ...resolvers], container }). */
  readonly resolvers: typeof notificationsResolverClasses;
  readonly resolverContainer: ContainerType;
  readonly api: NotificationsApi;
  readonly templates: CompiledTemplates;
  /** Creates or updates the tables; start() does it too. */
  migrate(): Promise<void>;
  /** Starts the loops of the given roles (all by default). */
  start(roles?: Partial<NotificationsRoles>): Promise<void>;
  /** Stops the loops (each finishes its round) and the GraphQL server. */
  close(): Promise<void>;
  readiness(): Promise<ReadinessReport>;
  /** Resolves when the store feed has handled everything committed before the call. */
  catchUp(): Promise<void>;
  scanDeadlines(): Promise<DeadlineScanResult>;
  /** One round: plan new intents, send what is due, record outcomes. */
  dispatchOnce(): Promise<DispatchResult>;
  /** Rounds until a round moves nothing (at most maxRounds). */
  drain(maxRounds?: number): Promise<DispatchResult>;
}

const MAX_FEED_RESTARTS = 5;

export async function createNotificationsService(
  deps: NotificationsServiceDependencies,
): Promise<NotificationsService> {
  const { store, db } = deps;
  const logger = deps.logger ?? silentLogger;
  const clock = deps.clock ?? (() => new Date());
  const fetchImpl: Fetch = deps.fetch ?? ((url, init) => fetch(url, init));
  const feed = deps.feed ?? { kind: 'store' };
  // Compiled now, so a broken template stops the start, not a send.
  const templates = compileTemplates(deps.templates ?? notificationTemplates, ruleParameters);
  const email = deps.email ? createEmailSender(deps.email) : null;
  const retry: RetryPolicy = { ...defaultRetryPolicy, ...deps.retry };
  const dispatcher = {
    batchSize: deps.dispatcher?.batchSize ?? 200,
    concurrency: deps.dispatcher?.concurrency ?? 16,
    leaseMs: deps.dispatcher?.leaseMs ?? 60_000,
    pollIntervalMs: deps.dispatcher?.pollIntervalMs ?? 1_000,
  };
  const timers = {
    intervalMs: deps.timers?.intervalMs ?? 60_000,
    batchSize: deps.timers?.batchSize ?? 500,
    maxCases: deps.timers?.maxCases ?? 1_000_000,
  };
  const webhookTimeoutMs = deps.webhooks?.timeoutMs ?? 10_000;
  const source = deps.source ?? NOTIFICATIONS_SOURCE;
  const deliveryContext = {
    db,
    clock,
    templates,
    email,
    fetch: fetchImpl,
    retry,
    leaseMs: dispatcher.leaseMs,
    webhookTimeoutMs,
    source,
  };

  const record = () => recordOutcomes(store, db, dispatcher.batchSize);
  const api = createNotificationsApi({
    db,
    clock,
    fetch: fetchImpl,
    callbackAddressPolicy: deps.webhooks?.addressPolicy ?? 'public-only',
    ...(deps.webhooks?.resolveHost ? { resolveHost: deps.webhooks.resolveHost } : {}),
    webhookTimeoutMs,
    source,
    recordOutcomes: record,
  });

  let migrated: Promise<void> | null = null;
  const migrate = () => (migrated ??= migrateNotifications(db));

  let stopping = false;
  let ready = false;
  let storeSubscription: Awaited<ReturnType<typeof subscribeToStore>> | null = null;
  let busConsumer: BusConsumer | null = null;
  const stoppers: Array<() => Promise<void>> = [];

  const dispatchOnce = async (): Promise<DispatchResult> => {
    await migrate();
    const now = clock();
    const plan = await planDeliveries(db, now, {
      limit: dispatcher.batchSize,
      email: email !== null,
    });
    const sent = await deliverDue(deliveryContext, now, {
      limit: dispatcher.batchSize,
      concurrency: dispatcher.concurrency,
    });
    const recorded = await record();
    return { planned: plan.intents, ...sent, recorded };
  };

  const moved = (result: DispatchResult) =>
    result.planned + result.delivered + result.retrying + result.dead + result.recorded > 0;

  async function startFeed(failures = 0): Promise<void> {
    if (stopping) return;
    const restart = (error: unknown) => {
      if (stopping) return;
      logger.error(
        { err: error, failures: failures + 1 },
        'notification feed stopped with an error',
      );
      if (failures + 1 >= MAX_FEED_RESTARTS) {
        ready = false;
        (deps.onFatal ?? ((e) => logger.error({ err: e }, 'notification feed gave up')))(error);
        return;
      }
      setTimeout(() => void startFeed(failures + 1).catch(restart), 1_000 * (failures + 1)).unref();
    };
    if (feed.kind === 'store') {
      storeSubscription = await subscribeToStore({
        store,
        db,
        clock,
        logger,
        ...(feed.batchSize ? { batchSize: feed.batchSize } : {}),
      });
      storeSubscription.done.catch(restart);
    } else {
      busConsumer = await consumeCaseEvents({ ...feed, db, clock, logger });
      busConsumer.done.catch(restart);
    }
  }

  function startTimers() {
    let running: Promise<unknown> | null = null;
    const tick = () => {
      if (running || stopping) return;
      running = scanDeadlines(db, clock(), timers)
        .then((result) => {
          if (result.intents > 0) {
            logger.info(result, 'deadline notifications queued');
            db.notify(OUTBOX_CHANNEL);
          }
        })
        .catch((error: unknown) => logger.error({ err: error }, 'deadline scan failed'))
        .finally(() => (running = null));
    };
    tick();
    const interval = setInterval(tick, timers.intervalMs);
    stoppers.push(async () => {
      clearInterval(interval);
      await running;
    });
  }

  async function startDispatcher() {
    let wake: (() => void) | null = null;
    const unlisten = await db.listen(OUTBOX_CHANNEL, () => wake?.());
    const loop = async () => {
      let failures = 0;
      while (!stopping) {
        let busy = false;
        try {
          busy = moved(await dispatchOnce());
          failures = 0;
        } catch (error) {
          failures++;
          logger.error({ err: error, failures }, 'dispatch round failed');
        }
        if (busy || stopping) continue;
        const pause = dispatcher.pollIntervalMs * Math.min(2 ** failures, 30);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pause);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
      }
    };
    const running = loop();
    stoppers.push(async () => {
      wake?.();
      await running;
      await unlisten();
    });
  }

  const resolverContainer = notificationsResolverContainer({ notifications: api, templates });
  const schema = await buildNotificationsSchema(resolverContainer);
  const graphql = await createGraphQLMiddleware({
    schema,
    authenticate: deps.authenticate,
    limits: deps.limits ?? { maxDepth: 10, maxComplexity: 5000 },
    ...(deps.graphqlPath ? { path: deps.graphqlPath } : {}),
  });

  return {
    routes: [graphql.handler],
    schema,
    resolvers: notificationsResolverClasses,
    resolverContainer,
    api,
    templates,
    migrate,
    async start(roles = {}) {
      const wanted: NotificationsRoles = { feed: true, timers: true, dispatcher: true, ...roles };
      await migrate();
      if (wanted.feed) await startFeed();
      if (wanted.timers) startTimers();
      if (wanted.dispatcher) await startDispatcher();
      ready = true;
      logger.info({ roles: wanted, feed: feed.kind }, 'notifications service started');
    },
    async close() {
      stopping = true;
      ready = false;
      await storeSubscription?.stop();
      await busConsumer?.stop();
      for (const stopOne of stoppers.splice(0)) await stopOne();
      email?.close();
      await graphql.stop();
    },
    async readiness() {
      return { ready, checks: { loops: { ok: ready, detail: ready ? 'running' : 'not running' } } };
    },
    async catchUp() {
      if (!storeSubscription) throw new Error('the store feed is not running (start it first)');
      await storeSubscription.whenCaughtUp();
    },
    async scanDeadlines() {
      await migrate();
      return scanDeadlines(db, clock(), timers);
    },
    dispatchOnce,
    async drain(maxRounds = 50) {
      const total: DispatchResult = { planned: 0, delivered: 0, retrying: 0, dead: 0, recorded: 0 };
      for (let round = 0; round < maxRounds; round++) {
        const result = await dispatchOnce();
        for (const key of Object.keys(total) as Array<keyof DispatchResult>)
          total[key] += result[key];
        if (!moved(result)) break;
      }
      return total;
    },
  };
}
