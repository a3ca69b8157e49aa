// The whole platform in one process: the three services' factories on one store, one HTTP app,
// one GraphQL endpoint (their resolvers merged into one schema) and the REST intake.
import 'reflect-metadata';
import { resolve } from 'node:path';
import { buildSchema, type ContainerType } from 'type-graphql';
import {
  createAuthenticator,
  createGraphQLMiddleware,
  createHttpApp,
  createLogger,
  createMetrics,
  embeddedDataDir,
  embeddedJwtSecret,
  issueToken,
  developmentWarnings,
  loadConfig,
  openProtectedEventStore,
  startHttpServer,
  type Environment,
  type Logger,
  type PlatformConfig,
} from '@kot/platform';
import {
  createNotificationsService,
  loadNotificationsConfig,
  seedRecipientDirectory,
  type NotificationsService,
} from '@kot/notifications';
import { retentionActor, retentionErasure } from '@kot/domain';
import { createProjectionsService, type ProjectionsService } from '@kot/projections';
import { createReferralsService, type ReferralsService } from '@kot/referrals';
import { demoRecipients, demoUsers } from './demoDirectory';
import { organisationDirectory } from './organisationDirectory';
import { seedDemoCases } from './seedDemoCases';
import { demoSignInRoutes } from './demoSignIn';
import { portalRoutes } from './portalRoutes';

export interface StartPlatformOptions {
  env: Environment;
  clock?: () => Date;
  /** Seed the demo cases (embedded mode default: yes). */
  seedDemo?: boolean;
  logger?: Logger;
}

export interface RunningPlatform {
  url: string;
  config: PlatformConfig;
  /** Whether the demo user picker is served and demo tokens are handed out (see demoSignInEnabled). */
  demoSignIn: boolean;
  /** A ready bearer token per demo user; empty unless demo sign-in is on. */
  tokens: Record<string, string>;
  referrals: ReferralsService;
  /** How many events the log holds: what a test of the edge checks nothing was added to. */
  eventCount(): Promise<number>;
  /** A stream's events as stored, personal fields encrypted: what a test of erasure reads. */
  storedEvents(streamId: string): Promise<unknown[]>;
  projections: ProjectionsService;
  notifications: NotificationsService;
  /** Where e-mail goes in embedded mode (one .eml file per message), or null. */
  mailDirectory: string | null;
  /** How e-mail leaves: files in mailDirectory, an SMTP server (host:port in mailServer), or not at all. */
  email: 'directory' | 'smtp' | 'off';
  /** The SMTP server e-mail goes to (host:port), or null. */
  mailServer: string | null;
  /** Where webhooks may point (WEBHOOK_ADDRESSES). */
  webhookAddresses: string;
  close(): Promise<void>;
}

/**
 * Embedded mode needs no setup: PGlite in `data/`, a token secret created beside the data on
 * first start, e-mail written to `data/mail` with links to this portal. Explicit settings win.
 */
export function withEmbeddedDefaults(env: Environment): Environment {
  const kind = env['EVENTSTORE'] ?? 'pglite';
  if (kind !== 'pglite') return env;
  // The repository's data/ unless DATA_DIR says otherwise, wherever npm runs the workspace from.
  const dataDir = embeddedDataDir(env);
  const needsSecret = !env['JWT_SECRET'] && !env['JWKS_URL'];
  const needsMail = !env['SMTP_URL'] && !env['MAIL_DIR'];
  return {
    ...env,
    DATA_DIR: dataDir,
    ...(needsSecret ? { JWT_SECRET: embeddedJwtSecret(dataDir) } : {}),
    // Without an SMTP server the demo's e-mails are files to open in any mail program.
    ...(needsMail ? { MAIL_DIR: resolve(dataDir, 'mail') } : {}),
    ...portalUrlDefault(env),
    // The demo is for exploring: the schema and the sandbox are open (a server has them off).
    GRAPHQL_INTROSPECTION: env['GRAPHQL_INTROSPECTION'] ?? 'on',
    GRAPHQL_SANDBOX: env['GRAPHQL_SANDBOX'] ?? 'on',
    // One person on their own machine, the platform on 127.0.0.1: a webhook receiver they run
    // here may be called; private networks stay closed (servers keep public-only).
    ...(env['WEBHOOK_ADDRESSES'] ? {} : { WEBHOOK_ADDRESSES: 'public-or-loopback' }),
  };
}

/**
 * E-mails link to the case in this portal: at HOST:PORT, as the start text prints it. Not with
 * PORT=0 (a port chosen at start, as in tests), where the address is not known in advance.
 */
function portalUrlDefault(env: Environment): Environment {
  const port = env['PORT'] ?? '4000';
  if (env['PORTAL_URL'] || port === '0') return {};
  const host = env['HOST'] ?? '127.0.0.1';
  const shown =
    host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return { PORTAL_URL: `http://${shown}:${port}` };
}

export async function startPlatform(options: StartPlatformOptions): Promise<RunningPlatform> {
  const env = withEmbeddedDefaults(options.env);
  const config = loadConfig(env);
  const demoSignIn = demoSignInEnabled(config);
  const notificationSettings = loadNotificationsConfig(env);
  const logger = options.logger ?? createLogger({ service: 'all-in-one', level: config.logLevel });
  for (const warning of developmentWarnings(config)) logger.warn(warning);
  const clock = options.clock ?? (() => new Date());
  const metrics = createMetrics();
  const authenticate = createAuthenticator(config.authentication);
  const opened = await openProtectedEventStore(config, { logger });
  const closers: Array<() => Promise<void>> = [opened.close];
  const close = async () => {
    for (const closeNext of closers.splice(0).reverse()) await closeNext();
  };
  try {
    const referrals = await createReferralsService({
      store: opened.store,
      authenticate,
      logger,
      clock,
      metrics,
      bodyLimitBytes: config.http.bodyLimitBytes,
      graphqlLimits: config.graphql,
      graphqlExposure: config.graphql,
      edge: config.edge,
      ...(opened.database ? { organisationKnown: organisationDirectory(opened.database) } : {}),
    });
    closers.push(() => referrals.close());
    const projections = await createProjectionsService({
      store: opened.store,
      logStore: opened.logStore,
      db: opened.database,
      authenticate,
      logger,
      clock,
      metrics,
      limits: config.graphql,
      readAfterTimeoutMs: config.graphql.readAfterTimeoutMs,
      exposure: config.graphql,
    });
    closers.push(() => projections.close());
    const seedDemo = options.seedDemo ?? config.eventStore.kind === 'pglite';
    const notifications = await createNotificationsService({
      store: opened.logStore,
      db: opened.database,
      authenticate,
      logger,
      clock,
      metrics,
      email: notificationSettings.email,
      webhooks: {
        addressPolicy: notificationSettings.webhookAddresses,
        timeoutMs: notificationSettings.webhookTimeoutMs,
      },
      timers: { intervalMs: notificationSettings.deadlineScanIntervalMs },
      retention: {
        days: config.personalDataRetentionDays,
        // As the platform's privacy officer, which the domain lets erase on this ground only.
        erase: async (caseId) => {
          await referrals.executeCommand(retentionErasure(caseId), retentionActor);
        },
      },
      dispatcher: { pollIntervalMs: notificationSettings.dispatchPollIntervalMs },
      limits: config.graphql,
      exposure: config.graphql,
    });
    closers.push(() => notifications.close());
    await notifications.migrate();
    // The demo users get e-mail wherever they can sign in (PGlite or PostgreSQL); the
    // RECIPIENTS_FILE comes after, so its entries win.
    if (demoRoutes(config).length > 0)
      await seedRecipientDirectory(opened.database, demoRecipients());
    if (notificationSettings.recipients)
      await seedRecipientDirectory(opened.database, notificationSettings.recipients);
    await notifications.start();

    // Each service builds its own resolvers; those without a container take no arguments.
    const containers = [projections, notifications].map((service) => ({
      classes: service.resolvers as readonly unknown[],
      container: service.resolverContainer,
    }));
    const container: ContainerType = {
      get: (resolverClass, resolverData) => {
        const owner = containers.find((entry) => entry.classes.includes(resolverClass));
        return owner
          ? owner.container.get(resolverClass, resolverData)
          : new (resolverClass as new () => unknown)();
      },
    };
    const [firstResolver, ...otherResolvers] = [
      ...referrals.resolvers,
      ...projections.resolvers,
      ...notifications.resolvers,
    ];
    if (!firstResolver) throw new Error('no resolvers to build the GraphQL schema from');
    const schema = await buildSchema({
      resolvers: [firstResolver, ...otherResolvers],
      container,
      validate: false,
    });
    const graphql = await createGraphQLMiddleware({
      schema,
      authenticate,
      limits: config.graphql,
      readAfter: { waitFor: projections.whenReached, timeoutMs: config.graphql.readAfterTimeoutMs },
      exposure: config.graphql,
    });
    closers.push(() => graphql.stop());

    const app = createHttpApp({
      service: 'all-in-one',
      logger,
      metrics,
      bodyLimitBytes: config.http.bodyLimitBytes,
      readiness: async () => {
        const reports = await Promise.all([projections.readiness(), notifications.readiness()]);
        return {
          ready: reports.every((report) => report.ready),
          checks: Object.assign({}, ...reports.map((report) => report.checks)),
        };
      },
      // The portal last: its page paths fall back to index.html; the API paths come first.
      routes: [graphql.handler, referrals.rest, ...demoRoutes(config), portalRoutes(config.oidc)],
      authenticate,
      edge: config.edge,
    });
    const server = await startHttpServer(app, config.http);
    closers.push(() => server.close(config.shutdownTimeoutMs));

    if (seedDemo) {
      await seedDemoCases(opened.store, logger, clock());
      await projections.whenCaughtUp();
    }
    const tokens: Record<string, string> = {};
    if (demoSignIn && config.authentication.kind === 'hs256') {
      const { secret, issuer, audience } = config.authentication;
      for (const demo of demoUsers) {
        tokens[demo.key] = await issueToken(secret, demo.actor, '8h', { issuer, audience });
      }
    }
    const mail = notificationSettings.email?.transport;
    return {
      url: server.url,
      config,
      demoSignIn,
      tokens,
      referrals,
      eventCount: async () => (await opened.logStore.readAll({ fromPosition: 0 })).length,
      storedEvents: (streamId) => opened.logStore.readStream(streamId),
      projections,
      notifications,
      mailDirectory: mail?.kind === 'directory' ? mail.directory : null,
      email: mail?.kind ?? 'off',
      mailServer: mail?.kind === 'smtp' ? `${mail.host}:${mail.port}` : null,
      webhookAddresses: notificationSettings.webhookAddresses,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Demo sign-in (the portal's user picker and the printed tokens) lets anyone who reaches the port
 * act as any demo user, the auditor included. So it is there in the embedded mode only (PGlite on
 * this machine, HS256 tokens), or on a server that asks for it with DEMO_SIGN_IN=on (which
 * loadConfig refuses beside an identity provider). A server with JWT_SECRET has none of it.
 */
export function demoSignInEnabled(config: PlatformConfig): boolean {
  const auth = config.authentication;
  return auth.kind === 'hs256' && (config.eventStore.kind === 'pglite' || config.demoSignIn);
}

function demoRoutes(config: PlatformConfig) {
  const auth = config.authentication;
  return demoSignInEnabled(config) && auth.kind === 'hs256' ? [demoSignInRoutes(auth)] : [];
}
