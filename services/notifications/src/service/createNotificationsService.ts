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
import {
  createGraphQLMiddleware,
  type Metrics,
  type QueryLimits,
  type GraphQLExposure,
  type ReadinessReport,
} from '../platformPort';
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
  scanRetention,
  type RetentionScanResult,
  type RetentionSettings,
} from '../timers/scanRetention';
import { createWebhookPoster } from '../channels/webhooks/postCloudEvent';
import { silentLogger, type Authenticator, type Clock, type Logger } from './dependencies';
import { createNotificationMetrics } from './notificationMetrics';
import type { PlanResult } from '../delivery/planDeliveries';
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
  /** The HTTP app's metrics: the service adds its counters to its registry (see notificationMetrics). */
  metrics?: Pick<Metrics, 'registry'>;
  /** null: no e-mail; messages still reach the inbox and webhooks. */
  email: EmailConfig | null;
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
  /** maxCases bounds one scan (its duration); the cases it leaves are scanned next. */
  timers?: { intervalMs?: number; batchSize?: number; maxCases?: number };
  /**
   * The retention rule, run with the deadline timers. Needs the write side (`erase`), so the
   * launcher that has one wires it; without it no case is erased by age.
   */
  retention?: RetentionSettings;
  feed?: NotificationFeed;
  /** For tests of the start-up check; the service's own templates otherwise. */
  templates?: NotificationTemplates;
  limits?: QueryLimits;
  /** Schema introspection and the sandbox (config.graphql); both off when left out. */
  exposure?: GraphQLExposure;
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
  /** Erases the cases past their retention period now; nothing without `retention`. */
  scanRetention(): Promise<RetentionScanResult>;
  /** One round: plan new intents, send what is due, record outcomes. */
  dispatchOnce(): Promise<DispatchResult>;
  /** Rounds until a round moves nothing (at most maxRounds). */
  drain(maxRounds?: number): Promise<DispatchResult>;
}

const MAX_FEED_RESTARTS = 5;
/** Pause before a deadline scan continues with the cases a full scan left due. */
const TIMER_CONTINUE_MS = 1_000;

export async function createNotificationsService(
  deps: NotificationsServiceDependencies,
): Promise<NotificationsService> {
  const { store, db } = deps;
  const logger = deps.logger ?? silentLogger;
  const clock = deps.clock ?? (() => new Date());
  const metrics = createNotificationMetrics(deps.metrics?.registry ?? null);
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
    maxCases: deps.timers?.maxCases ?? 10_000,
  };
  const source = deps.source ?? NOTIFICATIONS_SOURCE;
  const callbackAddressPolicy = deps.webhooks?.addressPolicy ?? 'public-only';
  const webhooks = createWebhookPoster({
    policy: callbackAddressPolicy,
    timeoutMs: deps.webhooks?.timeoutMs ?? 10_000,
    ...(deps.webhooks?.resolveHost ? { resolveHost: deps.webhooks.resolveHost } : {}),
  });
  const deliveryContext = {
    db,
    clock,
    templates,
    email,
    webhooks,
    retry,
    leaseMs: dispatcher.leaseMs,
    source,
  };

  const record = async () => {
    const result = await recordOutcomes(store, db, {
      limit: dispatcher.batchSize,
      now: clock(),
      logger,
    });
    if (result.failedCases > 0) metrics.recordingFailed(result.failedCases);
    return result.recorded;
  };

  /** Counted and logged by rule and organisation/role only: no names, no addresses. */
  const reportWithoutEmail = (missing: PlanResult['withoutEmail']) => {
    if (missing.length === 0) return;
    const byRule = new Map<string, number>();
    for (const { rule } of missing) byRule.set(rule, (byRule.get(rule) ?? 0) + 1);
    for (const [rule, count] of byRule) metrics.withoutEmailAddress(rule, count);
    // Households are one organisation per case: one line for all of them.
    const recipients = [
      ...new Set(
        missing.map(({ recipient }) =>
          recipient.startsWith('household:') ? 'household:*/household' : recipient,
        ),
      ),
    ].sort();
    logger.warn(
      { notifications: missing.length, recipients },
      'notifications reached the inbox only: no e-mail address in the recipient directory',
    );
  };
  const api = createNotificationsApi({
    db,
    clock,
    webhooks,
    callbackAddressPolicy,
    ...(deps.webhooks?.resolveHost ? { resolveHost: deps.webhooks.resolveHost } : {}),
    source,
    recordOutcomes: record,
  });

  let migrated: Promise<void> | null = null;
  const migrate = () => (migrated ??= migrateNotifications(db));

  let stopping = false;
  let ready = false;
  let storeSubscription: Awaited<ReturnType<typeof subscribeToStore>> | null = null;
  let busConsumer: BusConsumer | null = null;
  /** Why the feed is not running between a failure and its restart; null while it runs. */
  let feedDown: string | null = null;
  const stoppers: Array<() => Promise<void>> = [];

  const dispatchOnce = async (): Promise<DispatchResult> => {
    await migrate();
    const now = clock();
    const plan = await planDeliveries(db, now, {
      limit: dispatcher.batchSize,
      email: email !== null,
    });
    reportWithoutEmail(plan.withoutEmail);
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
      // Until it runs again, readiness says so (a Kafka consumer that stopped after its attempts).
      feedDown = `stopped after failure ${failures + 1} of ${MAX_FEED_RESTARTS}: ${error instanceof Error ? error.name : 'error'}`;
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
      busConsumer = await consumeCaseEvents({ ...feed, db, clock, logger, metrics });
      busConsumer.done.catch(restart);
    }
    feedDown = null;
  }

  /** The retention rule's round; case ids only in the log, never who the family is. */
  async function retentionRound(): Promise<void> {
    if (!deps.retention || stopping) return;
    try {
      const result = await scanRetention(db, clock(), deps.retention);
      if (result.erased.length > 0)
        logger.info({ erased: result.erased }, 'personal data erased: retention period ended');
      if (result.failed.length > 0)
        logger.warn({ failed: result.failed }, 'retention erasure failed; tried again next scan');
    } catch (error) {
      logger.error({ err: error }, 'retention scan failed');
    }
  }

  function startTimers() {
    let running: Promise<unknown> | null = null;
    let soon: NodeJS.Timeout | null = null;
    const tick = () => {
      if (running || stopping) return;
      running = scanDeadlines(db, clock(), timers)
        .then((result) => {
          if (result.intents > 0) {
            logger.info(result, 'deadline notifications queued');
            db.notify(OUTBOX_CHANNEL);
          }
          // Cases still due (the scan stopped at maxCases): go on shortly, not a whole interval later.
          if (!result.complete && !stopping) soon = setTimeout(tick, TIMER_CONTINUE_MS);
        })
        .catch((error: unknown) => logger.error({ err: error }, 'deadline scan failed'))
        .then(retentionRound)
        .finally(() => (running = null));
    };
    tick();
    const interval = setInterval(tick, timers.intervalMs);
    stoppers.push(async () => {
      clearInterval(interval);
      if (soon) clearTimeout(soon);
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
    ...(deps.exposure ? { exposure: deps.exposure } : {}),
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
      // A consumer that already failed was logged and reported; closing must still finish.
      await busConsumer?.stop().catch(() => undefined);
      for (const stopOne of stoppers.splice(0)) await stopOne();
      email?.close();
      webhooks.close();
      await graphql.stop();
    },
    async readiness() {
      const feedOk = feedDown === null;
      return {
        ready: ready && feedOk,
        checks: {
          loops: { ok: ready, detail: ready ? 'running' : 'not running' },
          feed: { ok: feedOk, detail: feedDown ?? 'running' },
        },
      };
    },
    async catchUp() {
      if (!storeSubscription) throw new Error('the store feed is not running (start it first)');
      await storeSubscription.whenCaughtUp();
    },
    async scanDeadlines() {
      await migrate();
      return scanDeadlines(db, clock(), timers);
    },
    async scanRetention() {
      await migrate();
      return deps.retention
        ? scanRetention(db, clock(), deps.retention)
        : { erased: [], failed: [] };
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
