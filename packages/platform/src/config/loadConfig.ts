// All configuration comes from environment variables, read once at start-up by this pure function.
// It collects every problem before failing, so an operator fixes a deployment in one round.
import { isAbsolute, resolve } from 'node:path';

/**
 * The repository's `data/`, wherever npm runs a workspace's script from: `npm start` (the
 * launcher), a service alone and `npm run replay` all find the same embedded database.
 */
export const defaultDataDir = resolve(__dirname, '../../../../data');

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const logLevels: readonly LogLevel[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
];

/** Structurally the `openEventStore` configuration of @kot/eventstore (plus KurrentDB). */
export type EventStoreSettings =
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'postgres'; url: string }
  /** KurrentDB holds the log; PostgreSQL at `databaseUrl` the read models, keys and checkpoints. */
  | { kind: 'kurrentdb'; url: string; databaseUrl: string };

export type AuthenticationSettings = (
  | /** Embedded mode: tokens signed with a shared secret (the demo issues them). */
    { kind: 'hs256'; secret: string; issuer: string; audience: string }
    /** Server mode: tokens of an identity provider, verified against its published keys. */
  | {
      kind: 'jwks';
      jwksUrl: string;
      issuer: string;
      audience: string;
      /**
       * DEVELOPMENT_IDENTITY_PROVIDER_HOST: the one compose service (a single-label host name)
       * whose key set may be fetched over plain http, for the development identity provider of
       * infra/docker-compose.identity.yml. Never with NODE_ENV=production (docs/adr/0007).
       */
      developmentHost?: string;
    }
) & {
  /**
   * JWT_MAX_LIFETIME_SECONDS: the longest a token may be valid from its `iat` (default a working
   * day, see defaultMaxTokenLifetimeSeconds). A stolen token is then of use for a day at most.
   */
  maxTokenLifetimeSeconds?: number;
};

/** Nine hours: a working day with a break, so nobody signs in again before going home. */
export const defaultMaxTokenLifetimeSeconds = 9 * 60 * 60;

/**
 * TRUST_PROXY, as express's `trust proxy`: false (the socket's own address and protocol), a
 * number of proxy hops in front of us, or the proxies' addresses (loopback, uniquelocal, CIDRs).
 * Only then do X-Forwarded-For (rate limits per address) and X-Forwarded-Proto (HSTS) count.
 */
export type TrustProxy = false | number | string[];

export interface RateLimitSettings {
  windowSeconds: number;
  /** Requests a signed-in person (token subject) may make per window. */
  perSubject: number;
  /** Requests without a valid token one client address may make per window. */
  perAddress: number;
}

/** Far above what a person at the portal or the demo seeding does; see the platform README. */
export const defaultRateLimits: RateLimitSettings = {
  windowSeconds: 60,
  perSubject: 1200,
  perAddress: 300,
};

/** What the edge of every service does before a request reaches a handler. */
export interface EdgeSettings {
  trustProxy: TrustProxy;
  rateLimits: RateLimitSettings;
}

export const defaultEdgeSettings: EdgeSettings = {
  trustProxy: false,
  rateLimits: defaultRateLimits,
};

/** Depth and complexity limits and what the GraphQL endpoint shows to anyone (off by default). */
export interface GraphQLSettings {
  maxDepth: number;
  maxComplexity: number;
  /** GRAPHQL_INTROSPECTION=on: the schema can be asked for (the sandbox needs it). */
  introspection: boolean;
  /** GRAPHQL_SANDBOX=on: GET /graphql in a browser shows Apollo's sandbox. */
  sandbox: boolean;
  /** How long a query with X-Read-After-Position waits for the read models. */
  readAfterTimeoutMs: number;
}

/**
 * Signing in through the organisation's identity provider (OpenID Connect, authorization code
 * with PKCE): what the portal needs to send a user there. The client is public (a browser page
 * keeps no secret); the API still verifies every token against JWKS_URL.
 */
export interface OidcSettings {
  /** The provider's issuer URL; its discovery document lives below it. */
  issuer: string;
  clientId: string;
  scope: string;
  /** The resource indicator (RFC 8707) some providers need to issue a JWT for the platform. */
  resource: string | null;
}

export interface PlatformConfig {
  eventStore: EventStoreSettings;
  http: {
    host: string;
    port: number;
    /** Largest accepted request body, in bytes. */
    bodyLimitBytes: number;
  };
  authentication: AuthenticationSettings;
  /** OIDC_ISSUER and OIDC_CLIENT_ID: the portal offers sign-in through the identity provider. */
  oidc: OidcSettings | null;
  /** 32 bytes for wrapping the per-case data keys; null only in embedded mode (the launcher keeps one). */
  personalDataMasterKey: Buffer | null;
  logLevel: LogLevel;
  graphql: GraphQLSettings;
  edge: EdgeSettings;
  shutdownTimeoutMs: number;
  kafkaBrokers: string[];
  /**
   * DEMO_SIGN_IN=on: the launcher's demo user picker (and printed demo tokens) outside the
   * embedded PGlite mode, for a shared demo or test server. Anyone who reaches the port can then
   * sign in as any demo user, the auditor included, so it is off unless asked for, and never
   * allowed with an identity provider (JWKS_URL).
   */
  demoSignIn: boolean;
  /**
   * PERSONAL_DATA_RETENTION_DAYS: days after a case was closed or withdrawn until the platform
   * erases the family's personal data (the retention rule). Seven years by default: the fiscal
   * retention period (art. 52 AWR) within which an allowance and SMI payments can still be
   * revised or recovered, and the family's file is needed to answer for them.
   */
  personalDataRetentionDays: number;
}

export type Environment = Readonly<Record<string, string | undefined>>;

export class ConfigurationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

/** The embedded defaults: a token issuer and audience both sides of the demo agree on. */
export const embeddedIssuer = 'kot-platform';
export const embeddedAudience = 'kot-platform';

const MIN_SECRET_LENGTH = 32;
const MASTER_KEY_BYTES = 32;

/** The embedded data directory the environment names (see readDataDir), as an absolute path. */
export const embeddedDataDir = (env: Environment): string => readDataDir(readerOf(env));

/** What a tool that only opens the store needs (the replay): no tokens, no HTTP. */
export type StoreConfig = Pick<PlatformConfig, 'eventStore' | 'personalDataMasterKey' | 'logLevel'>;

const readerOf =
  (env: Environment) =>
  (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };

/** The store settings alone; throws one ConfigurationError naming every problem. */
export function loadStoreConfig(env: Environment): StoreConfig {
  const problems: string[] = [];
  const read = readerOf(env);
  const eventStore = readEventStore(read, problems);
  const config: StoreConfig = {
    eventStore,
    personalDataMasterKey: readMasterKey(read, eventStore.kind, problems),
    logLevel: readLogLevel(read, problems),
  };
  if (problems.length > 0) throw new ConfigurationError(problems);
  return config;
}

/** Reads and checks the environment; throws one ConfigurationError naming every problem. */
export function loadConfig(env: Environment): PlatformConfig {
  const problems: string[] = [];
  const read = readerOf(env);
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      problems.push(`${name}: expected a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };

  const eventStore = readEventStore(read, problems);
  const authentication = {
    ...readAuthentication(read, problems),
    maxTokenLifetimeSeconds: integer(
      'JWT_MAX_LIFETIME_SECONDS',
      defaultMaxTokenLifetimeSeconds,
      60,
      7 * 24 * 60 * 60,
    ),
  };
  const demoSignIn = readDemoSignIn(read, authentication, problems);
  const oidc = readOidc(read, authentication, problems);

  const config: PlatformConfig = {
    eventStore,
    http: {
      host: read('HOST') ?? '127.0.0.1',
      port: integer('PORT', 4000, 0, 65535),
      bodyLimitBytes: integer('BODY_LIMIT_BYTES', 256 * 1024, 1024, 16 * 1024 * 1024),
    },
    authentication,
    oidc,
    personalDataMasterKey: readMasterKey(read, eventStore.kind, problems),
    logLevel: readLogLevel(read, problems),
    graphql: {
      maxDepth: integer('GRAPHQL_MAX_DEPTH', 10, 2, 50),
      maxComplexity: integer('GRAPHQL_MAX_COMPLEXITY', 5000, 10, 100_000),
      readAfterTimeoutMs: integer('GRAPHQL_READ_AFTER_TIMEOUT_MS', 5000, 0, 60_000),
      ...readGraphQLExposure(read, problems),
    },
    edge: {
      trustProxy: readTrustProxy(read, problems),
      rateLimits: {
        windowSeconds: integer(
          'RATE_LIMIT_WINDOW_SECONDS',
          defaultRateLimits.windowSeconds,
          1,
          3600,
        ),
        perSubject: integer('RATE_LIMIT_PER_SUBJECT', defaultRateLimits.perSubject, 1, 1_000_000),
        perAddress: integer('RATE_LIMIT_PER_ADDRESS', defaultRateLimits.perAddress, 1, 1_000_000),
      },
    },
    shutdownTimeoutMs: integer('SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    kafkaBrokers: (read('KAFKA_BROKERS') ?? '')
      .split(',')
      .map((broker) => broker.trim())
      .filter((broker) => broker.length > 0),
    demoSignIn,
    personalDataRetentionDays: integer('PERSONAL_DATA_RETENTION_DAYS', 2555, 1, 36_500),
  };
  if (problems.length > 0) throw new ConfigurationError(problems);
  return config;
}

type Read = (name: string) => string | undefined;

function readLogLevel(read: Read, problems: string[]): LogLevel {
  const raw = read('LOG_LEVEL') ?? 'info';
  if (!(logLevels as readonly string[]).includes(raw)) {
    problems.push(`LOG_LEVEL: expected one of ${logLevels.join(', ')}, got "${raw}"`);
    return 'info';
  }
  return raw as LogLevel;
}

/**
 * DATA_DIR as an absolute path. A relative one is taken from where the user ran npm (INIT_CWD),
 * not from the workspace npm runs the script in.
 */
function readDataDir(read: Read): string {
  const given = read('DATA_DIR');
  if (given === undefined) return defaultDataDir;
  if (isAbsolute(given)) return given;
  return resolve(read('INIT_CWD') ?? process.cwd(), given);
}

function readEventStore(read: Read, problems: string[]): EventStoreSettings {
  const kind = read('EVENTSTORE') ?? 'pglite';
  switch (kind) {
    case 'pglite':
      return { kind, dataDir: readDataDir(read) };
    case 'postgres': {
      const url = read('DATABASE_URL');
      if (url === undefined) {
        problems.push(
          'DATABASE_URL: required when EVENTSTORE=postgres (e.g. postgres://kot:secret@localhost:5432/kot)',
        );
      } else if (!hasProtocol(url, ['postgres:', 'postgresql:'])) {
        problems.push('DATABASE_URL: expected a postgres:// or postgresql:// URL');
      }
      return { kind, url: url ?? '' };
    }
    case 'kurrentdb': {
      const url = read('KURRENTDB_URL');
      if (url === undefined) {
        problems.push(
          'KURRENTDB_URL: required when EVENTSTORE=kurrentdb (e.g. kurrentdb://localhost:2113?tls=false)',
        );
      } else if (
        !hasProtocol(url, ['kurrentdb:', 'kurrentdb+discover:', 'esdb:', 'esdb+discover:'])
      ) {
        problems.push('KURRENTDB_URL: expected a kurrentdb:// (or esdb://) connection string');
      }
      const databaseUrl = read('DATABASE_URL');
      if (databaseUrl === undefined || !hasProtocol(databaseUrl, ['postgres:', 'postgresql:'])) {
        problems.push(
          'DATABASE_URL: required with EVENTSTORE=kurrentdb, a postgres:// URL for the read models, keys and checkpoints',
        );
      }
      return { kind, url: url ?? '', databaseUrl: databaseUrl ?? '' };
    }
    default:
      problems.push(`EVENTSTORE: expected pglite, postgres or kurrentdb, got "${kind}"`);
      return { kind: 'pglite', dataDir: defaultDataDir };
  }
}

function readAuthentication(read: Read, problems: string[]): AuthenticationSettings {
  const secret = read('JWT_SECRET');
  const jwksUrl = read('JWKS_URL');
  const issuer = read('JWT_ISSUER');
  const audience = read('JWT_AUDIENCE');
  const developmentHost = readDevelopmentHost(read, jwksUrl, problems);
  if (secret !== undefined && jwksUrl !== undefined) {
    problems.push('JWT_SECRET and JWKS_URL: set one of them, not both (HS256 or RS256 tokens)');
  }
  if (jwksUrl !== undefined) {
    if (!isUsableProviderUrl(jwksUrl, developmentHost)) {
      problems.push(
        developmentHost
          ? `JWKS_URL: expected an https:// URL (http:// only for localhost or ${developmentHost})`
          : 'JWKS_URL: expected an https:// URL (http:// only for localhost)',
      );
    }
    // Without both, a token minted by the same provider for another application would be accepted.
    if (issuer === undefined) problems.push('JWT_ISSUER: required with JWKS_URL');
    if (audience === undefined) problems.push('JWT_AUDIENCE: required with JWKS_URL');
    return {
      kind: 'jwks',
      jwksUrl,
      issuer: issuer ?? '',
      audience: audience ?? '',
      ...(developmentHost ? { developmentHost } : {}),
    };
  }
  if (secret === undefined) {
    problems.push(
      `JWT_SECRET: required (at least ${MIN_SECRET_LENGTH} characters, for HS256 tokens) unless JWKS_URL with JWT_ISSUER and JWT_AUDIENCE is set (RS256)`,
    );
  } else if (secret.length < MIN_SECRET_LENGTH) {
    // The value itself is never echoed: error output ends up in logs.
    problems.push(`JWT_SECRET: too short; use at least ${MIN_SECRET_LENGTH} characters`);
  }
  return {
    kind: 'hs256',
    secret: secret ?? '',
    issuer: issuer ?? embeddedIssuer,
    audience: audience ?? embeddedAudience,
  };
}

/**
 * DEVELOPMENT_IDENTITY_PROVIDER_HOST (docs/adr/0007): a compose service name, one label without
 * dots, so it can never name a host on the internet; refused in production and without JWKS_URL.
 */
function readDevelopmentHost(
  read: Read,
  jwksUrl: string | undefined,
  problems: string[],
): string | undefined {
  const host = read('DEVELOPMENT_IDENTITY_PROVIDER_HOST');
  if (host === undefined) return undefined;
  const name = 'DEVELOPMENT_IDENTITY_PROVIDER_HOST';
  if (read('NODE_ENV') === 'production') {
    problems.push(
      `${name}: not allowed with NODE_ENV=production; a production platform fetches its identity provider's keys over https only`,
    );
    return undefined;
  }
  if (!/^[a-z][a-z0-9-]{0,62}$/.test(host)) {
    problems.push(
      `${name}: expected a compose service name (letters, digits, -; no dots), got "${host}"`,
    );
    return undefined;
  }
  if (jwksUrl === undefined) {
    problems.push(`${name}: only with JWKS_URL`);
    return undefined;
  }
  return host;
}

/** What an operator must see at start-up: settings that are for development only. */
export function developmentWarnings(config: Pick<PlatformConfig, 'authentication'>): string[] {
  const { authentication } = config;
  if (authentication.kind !== 'jwks' || !authentication.developmentHost) return [];
  return [
    `DEVELOPMENT ONLY: the identity provider's keys are fetched over plain http from ${authentication.developmentHost} (DEVELOPMENT_IDENTITY_PROVIDER_HOST); anyone on that network can forge tokens. Never run this way with real users or real data.`,
  ];
}

function readSwitch(read: Read, name: string, problems: string[]): boolean {
  const raw = read(name) ?? 'off';
  if (raw !== 'on' && raw !== 'off') {
    problems.push(`${name}: expected on or off, got "${raw}"`);
    return false;
  }
  return raw === 'on';
}

/**
 * Off unless asked for, whatever NODE_ENV says: a server shows neither its schema nor a sandbox
 * to whoever finds it. The embedded demo asks for both (withEmbeddedDefaults in the launcher).
 */
function readGraphQLExposure(
  read: Read,
  problems: string[],
): Pick<GraphQLSettings, 'introspection' | 'sandbox'> {
  const introspection = readSwitch(read, 'GRAPHQL_INTROSPECTION', problems);
  const sandbox = readSwitch(read, 'GRAPHQL_SANDBOX', problems);
  if (sandbox && !introspection) {
    problems.push(
      'GRAPHQL_SANDBOX: on needs GRAPHQL_INTROSPECTION=on; the sandbox reads the schema',
    );
  }
  return { introspection, sandbox };
}

const proxyAddress = /^(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?)$/;

function readTrustProxy(read: Read, problems: string[]): TrustProxy {
  const raw = read('TRUST_PROXY') ?? 'off';
  if (raw === 'off') return false;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops >= 1 && hops <= 10) return hops;
  }
  const addresses = raw.split(',').map((part) => part.trim());
  if (!/^\d+$/.test(raw) && addresses.every((address) => proxyAddress.test(address))) {
    return addresses;
  }
  problems.push(
    "TRUST_PROXY: expected off, a number of proxy hops from 1 to 10, or the proxies' addresses (loopback, uniquelocal, 10.0.0.0/8, …)",
  );
  return false;
}

function readDemoSignIn(
  read: Read,
  authentication: AuthenticationSettings,
  problems: string[],
): boolean {
  const raw = read('DEMO_SIGN_IN') ?? 'off';
  if (raw !== 'on' && raw !== 'off') {
    problems.push(`DEMO_SIGN_IN: expected on or off, got "${raw}"`);
    return false;
  }
  if (raw === 'on' && authentication.kind === 'jwks') {
    problems.push(
      'DEMO_SIGN_IN: cannot be on with JWKS_URL; demo users would bypass the identity provider',
    );
    return false;
  }
  return raw === 'on';
}

function readOidc(
  read: Read,
  authentication: AuthenticationSettings,
  problems: string[],
): OidcSettings | null {
  const issuer = read('OIDC_ISSUER');
  const clientId = read('OIDC_CLIENT_ID');
  const scope = read('OIDC_SCOPE');
  const resource = read('OIDC_RESOURCE');
  if (issuer === undefined && clientId === undefined) {
    if (scope !== undefined) problems.push('OIDC_SCOPE: only with OIDC_ISSUER and OIDC_CLIENT_ID');
    if (resource !== undefined) {
      problems.push('OIDC_RESOURCE: only with OIDC_ISSUER and OIDC_CLIENT_ID');
    }
    return null;
  }
  if (issuer === undefined) problems.push('OIDC_ISSUER: required with OIDC_CLIENT_ID');
  if (clientId === undefined) problems.push('OIDC_CLIENT_ID: required with OIDC_ISSUER');
  if (issuer !== undefined && !isUsableProviderUrl(issuer)) {
    problems.push('OIDC_ISSUER: expected an https:// URL (http:// only for localhost)');
  }
  // Tokens the portal obtains are only as good as the API's check of them.
  if (authentication.kind !== 'jwks') {
    problems.push(
      'OIDC_ISSUER: requires JWKS_URL, JWT_ISSUER and JWT_AUDIENCE, so the API verifies the tokens the provider issues',
    );
  }
  // RFC 8707: an absolute URI without a fragment.
  if (
    resource !== undefined &&
    (!hasProtocol(resource, ['https:', 'http:']) || resource.includes('#'))
  ) {
    problems.push('OIDC_RESOURCE: expected an absolute http(s) URL without a fragment');
  }
  return {
    issuer: issuer ?? '',
    clientId: clientId ?? '',
    scope: scope ?? 'openid',
    resource: resource ?? null,
  };
}

function readMasterKey(
  read: Read,
  eventStoreKind: EventStoreSettings['kind'],
  problems: string[],
): Buffer | null {
  const raw = read('PERSONAL_DATA_MASTER_KEY');
  if (raw === undefined) {
    if (eventStoreKind !== 'pglite') {
      problems.push(
        `PERSONAL_DATA_MASTER_KEY: required when EVENTSTORE=${eventStoreKind} (${MASTER_KEY_BYTES} random bytes in base64, e.g. from \`openssl rand -base64 32\`)`,
      );
    }
    return null;
  }
  const key = /^[A-Za-z0-9+/]+={0,2}$/.test(raw) ? Buffer.from(raw, 'base64') : Buffer.alloc(0);
  if (key.length !== MASTER_KEY_BYTES) {
    problems.push(`PERSONAL_DATA_MASTER_KEY: expected ${MASTER_KEY_BYTES} bytes in base64`);
    return null;
  }
  return key;
}

function hasProtocol(value: string, protocols: readonly string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/**
 * Where the identity provider is: https, or plain http on this machine only (or on the compose
 * development provider's host, when DEVELOPMENT_IDENTITY_PROVIDER_HOST names it).
 */
function isUsableProviderUrl(value: string, developmentHost?: string): boolean {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:') return true;
    const plainHttpHosts = [
      'localhost',
      '127.0.0.1',
      '[::1]',
      ...(developmentHost ? [developmentHost] : []),
    ];
    return url.protocol === 'http:' && plainHttpHosts.includes(url.hostname);
  } catch {
    return false;
  }
}
