// All configuration comes from environment variables, read once at start-up by this pure function.
// It collects every problem before failing, so an operator fixes a deployment in one round.

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

export type AuthenticationSettings =
  /** Embedded mode: tokens signed with a shared secret (the demo issues them). */
  | { kind: 'hs256'; secret: string; issuer: string; audience: string }
  /** Server mode: tokens of an identity provider, verified against its published keys. */
  | { kind: 'jwks'; jwksUrl: string; issuer: string; audience: string };

export interface PlatformConfig {
  eventStore: EventStoreSettings;
  http: {
    host: string;
    port: number;
    /** Largest accepted request body, in bytes. */
    bodyLimitBytes: number;
  };
  authentication: AuthenticationSettings;
  /** 32 bytes for wrapping the per-case data keys; null only in embedded mode (the launcher keeps one). */
  personalDataMasterKey: Buffer | null;
  logLevel: LogLevel;
  graphql: { maxDepth: number; maxComplexity: number };
  shutdownTimeoutMs: number;
  kafkaBrokers: string[];
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

/** Reads and checks the environment; throws one ConfigurationError naming every problem. */
export function loadConfig(env: Environment): PlatformConfig {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
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
  const authentication = readAuthentication(read, problems);

  const logLevelRaw = read('LOG_LEVEL') ?? 'info';
  if (!(logLevels as readonly string[]).includes(logLevelRaw)) {
    problems.push(`LOG_LEVEL: expected one of ${logLevels.join(', ')}, got "${logLevelRaw}"`);
  }

  const config: PlatformConfig = {
    eventStore,
    http: {
      host: read('HOST') ?? '127.0.0.1',
      port: integer('PORT', 4000, 0, 65535),
      bodyLimitBytes: integer('BODY_LIMIT_BYTES', 256 * 1024, 1024, 16 * 1024 * 1024),
    },
    authentication,
    personalDataMasterKey: readMasterKey(read, eventStore.kind, problems),
    logLevel: logLevelRaw as LogLevel,
    graphql: {
      maxDepth: integer('GRAPHQL_MAX_DEPTH', 10, 2, 50),
      maxComplexity: integer('GRAPHQL_MAX_COMPLEXITY', 5000, 10, 100_000),
    },
    shutdownTimeoutMs: integer('SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    kafkaBrokers: (read('KAFKA_BROKERS') ?? '')
      .split(',')
      .map((broker) => broker.trim())
      .filter((broker) => broker.length > 0),
  };
  if (problems.length > 0) throw new ConfigurationError(problems);
  return config;
}

type Read = (name: string) => string | undefined;

function readEventStore(read: Read, problems: string[]): EventStoreSettings {
  const kind = read('EVENTSTORE') ?? 'pglite';
  switch (kind) {
    case 'pglite':
      return { kind, dataDir: read('DATA_DIR') ?? './data' };
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
      return { kind: 'pglite', dataDir: './data' };
  }
}

function readAuthentication(read: Read, problems: string[]): AuthenticationSettings {
  const secret = read('JWT_SECRET');
  const jwksUrl = read('JWKS_URL');
  const issuer = read('JWT_ISSUER');
  const audience = read('JWT_AUDIENCE');
  if (secret !== undefined && jwksUrl !== undefined) {
    problems.push('JWT_SECRET and JWKS_URL: set one of them, not both (HS256 or RS256 tokens)');
  }
  if (jwksUrl !== undefined) {
    if (!isUsableJwksUrl(jwksUrl)) {
      problems.push('JWKS_URL: expected an https:// URL (http:// only for localhost)');
    }
    // Without both, a token minted by the same provider for another application would be accepted.
    if (issuer === undefined) problems.push('JWT_ISSUER: required with JWKS_URL');
    if (audience === undefined) problems.push('JWT_AUDIENCE: required with JWKS_URL');
    return { kind: 'jwks', jwksUrl, issuer: issuer ?? '', audience: audience ?? '' };
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

function isUsableJwksUrl(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}
