import { resolve } from 'node:path';
import { ConfigurationError, developmentWarnings, loadConfig, loadStoreConfig } from './loadConfig';

const secret = 'a-demo-secret-that-is-long-enough-for-hs256';
const masterKey = Buffer.alloc(32, 7).toString('base64');

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('loadConfig', () => {
  it('starts embedded on PGlite with only a JWT secret', () => {
    const config = loadConfig({ JWT_SECRET: secret });
    // The repository's data/, from whichever workspace npm runs the script in.
    expect(config.eventStore).toEqual({
      kind: 'pglite',
      dataDir: resolve(__dirname, '../../../../data'),
    });
    expect(config.demoSignIn).toBe(false);
    expect(config.http).toEqual({ host: '127.0.0.1', port: 4000, bodyLimitBytes: 262144 });
    expect(config.authentication).toEqual({
      kind: 'hs256',
      secret,
      issuer: 'kot-platform',
      audience: 'kot-platform',
      maxTokenLifetimeSeconds: 9 * 3600,
    });
    expect(config.personalDataMasterKey).toBeNull();
    expect(config.logLevel).toBe('info');
  });

  it('reads a PostgreSQL server setup with RS256 tokens from a JWKS', () => {
    const config = loadConfig({
      EVENTSTORE: 'postgres',
      DATABASE_URL: 'postgres://kot:pw@db:5432/kot',
      JWKS_URL: 'https://login.example.org/.well-known/jwks.json',
      JWT_ISSUER: 'https://login.example.org',
      JWT_AUDIENCE: 'kot',
      PERSONAL_DATA_MASTER_KEY: masterKey,
      PORT: '0',
      HOST: '0.0.0.0',
      LOG_LEVEL: 'warn',
      KAFKA_BROKERS: 'k1:9092, k2:9092',
    });
    expect(config.eventStore).toEqual({ kind: 'postgres', url: 'postgres://kot:pw@db:5432/kot' });
    expect(config.authentication.kind).toBe('jwks');
    expect(config.personalDataMasterKey).toEqual(Buffer.alloc(32, 7));
    expect(config.http.port).toBe(0);
    expect(config.logLevel).toBe('warn');
    expect(config.kafkaBrokers).toEqual(['k1:9092', 'k2:9092']);
  });

  it('takes a relative DATA_DIR from where the user ran npm, not from the workspace', () => {
    const config = loadStoreConfig({ DATA_DIR: 'my-data', INIT_CWD: '/home/someone/kot' });
    expect(config.eventStore).toEqual({ kind: 'pglite', dataDir: '/home/someone/kot/my-data' });
  });

  it('opens the store without any token settings, for tools that serve nobody', () => {
    expect(loadStoreConfig({ DATA_DIR: '/srv/kot' })).toEqual({
      eventStore: { kind: 'pglite', dataDir: '/srv/kot' },
      personalDataMasterKey: null,
      logLevel: 'info',
    });
    expect(() => loadStoreConfig({ EVENTSTORE: 'postgres' })).toThrow(/DATABASE_URL: required/);
  });

  it('turns demo sign-in on only when asked, and never beside an identity provider', () => {
    expect(loadConfig({ JWT_SECRET: secret, DEMO_SIGN_IN: 'on' }).demoSignIn).toBe(true);
    expect(problemsOf({ JWT_SECRET: secret, DEMO_SIGN_IN: 'yes' })).toEqual([
      'DEMO_SIGN_IN: expected on or off, got "yes"',
    ]);
    expect(
      problemsOf({
        JWKS_URL: 'https://login.example.org/jwks.json',
        JWT_ISSUER: 'https://login.example.org',
        JWT_AUDIENCE: 'kot',
        DEMO_SIGN_IN: 'on',
      }),
    ).toEqual([expect.stringMatching(/^DEMO_SIGN_IN: cannot be on with JWKS_URL/)]);
  });

  it('lists every problem at once instead of stopping at the first', () => {
    const problems = problemsOf({ EVENTSTORE: 'postgres', PORT: '99999', LOG_LEVEL: 'loud' });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^DATABASE_URL: required when EVENTSTORE=postgres/),
        expect.stringMatching(/^PORT: expected a whole number from 0 to 65535/),
        expect.stringMatching(/^LOG_LEVEL: expected one of/),
        expect.stringMatching(/^JWT_SECRET: required/),
        expect.stringMatching(/^PERSONAL_DATA_MASTER_KEY: required when EVENTSTORE=postgres/),
      ]),
    );
    expect(problems).toHaveLength(5);
  });

  it('names the variable and the fix in the error message', () => {
    expect(() => loadConfig({ EVENTSTORE: 'mongo', JWT_SECRET: secret })).toThrow(
      /Invalid configuration:\n {2}- EVENTSTORE: expected pglite, postgres or kurrentdb, got "mongo"/,
    );
  });

  it('never repeats a secret in its messages', () => {
    const problems = problemsOf({ JWT_SECRET: 'short-secret-value' });
    expect(problems).toEqual(['JWT_SECRET: too short; use at least 32 characters']);
    expect(problems.join()).not.toContain('short-secret-value');
  });

  it('refuses both a shared secret and a JWKS, and a JWKS without issuer and audience', () => {
    const problems = problemsOf({ JWT_SECRET: secret, JWKS_URL: 'https://idp.example.org/jwks' });
    expect(problems).toEqual([
      expect.stringMatching(/^JWT_SECRET and JWKS_URL: set one of them, not both/),
      'JWT_ISSUER: required with JWKS_URL',
      'JWT_AUDIENCE: required with JWKS_URL',
    ]);
  });

  it('accepts plain http for a JWKS only on localhost', () => {
    const base = { JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' };
    expect(
      loadConfig({ ...base, JWKS_URL: 'http://127.0.0.1:9999/jwks' }).authentication.kind,
    ).toBe('jwks');
    expect(problemsOf({ ...base, JWKS_URL: 'http://idp.example.org/jwks' })).toEqual([
      'JWKS_URL: expected an https:// URL (http:// only for localhost)',
    ]);
  });

  describe('the development identity provider in compose (DEVELOPMENT_IDENTITY_PROVIDER_HOST)', () => {
    const compose = {
      JWT_ISSUER: 'http://localhost:9000',
      JWT_AUDIENCE: 'https://kot-platform.invalid/api',
      JWKS_URL: 'http://identity-provider:9000/jwks',
    };

    it('fetches the keys over plain http from the named compose service, and says so loudly', () => {
      const config = loadConfig({
        ...compose,
        DEVELOPMENT_IDENTITY_PROVIDER_HOST: 'identity-provider',
      });
      expect(config.authentication).toMatchObject({
        kind: 'jwks',
        jwksUrl: 'http://identity-provider:9000/jwks',
        developmentHost: 'identity-provider',
      });
      expect(developmentWarnings(config)).toEqual([
        expect.stringMatching(/^DEVELOPMENT ONLY: .* plain http from identity-provider/),
      ]);
    });

    it('refuses plain http from that host without the switch, and warns about nothing', () => {
      expect(problemsOf(compose)).toEqual([
        'JWKS_URL: expected an https:// URL (http:// only for localhost)',
      ]);
      expect(developmentWarnings(loadConfig({ JWT_SECRET: secret }))).toEqual([]);
    });

    it('allows only the host it names', () => {
      expect(
        problemsOf({
          ...compose,
          JWKS_URL: 'http://keys.example.org/jwks',
          DEVELOPMENT_IDENTITY_PROVIDER_HOST: 'identity-provider',
        }),
      ).toEqual([
        'JWKS_URL: expected an https:// URL (http:// only for localhost or identity-provider)',
      ]);
    });

    it('is refused in production, for a name with dots, and without JWKS_URL', () => {
      expect(
        problemsOf({
          ...compose,
          NODE_ENV: 'production',
          DEVELOPMENT_IDENTITY_PROVIDER_HOST: 'identity-provider',
        }),
      ).toEqual([
        expect.stringMatching(
          /^DEVELOPMENT_IDENTITY_PROVIDER_HOST: not allowed with NODE_ENV=production/,
        ),
        'JWKS_URL: expected an https:// URL (http:// only for localhost)',
      ]);
      expect(
        problemsOf({
          ...compose,
          JWKS_URL: 'http://idp.example.org/jwks',
          DEVELOPMENT_IDENTITY_PROVIDER_HOST: 'idp.example.org',
        }),
      ).toEqual([
        expect.stringMatching(
          /^DEVELOPMENT_IDENTITY_PROVIDER_HOST: expected a compose service name/,
        ),
        'JWKS_URL: expected an https:// URL (http:// only for localhost)',
      ]);
      expect(
        problemsOf({ JWT_SECRET: secret, DEVELOPMENT_IDENTITY_PROVIDER_HOST: 'identity-provider' }),
      ).toEqual(['DEVELOPMENT_IDENTITY_PROVIDER_HOST: only with JWKS_URL']);
    });
  });

  describe('signing in through the identity provider', () => {
    const jwks = {
      JWKS_URL: 'https://login.example.org/jwks',
      JWT_ISSUER: 'https://login.example.org',
      JWT_AUDIENCE: 'https://kot.example.org/api',
    };

    it('has no provider sign-in unless asked for', () => {
      expect(loadConfig(jwks).oidc).toBeNull();
      expect(loadConfig({ JWT_SECRET: secret }).oidc).toBeNull();
    });

    it('reads the issuer and public client, with openid as the default scope', () => {
      const config = loadConfig({
        ...jwks,
        OIDC_ISSUER: 'https://login.example.org',
        OIDC_CLIENT_ID: 'kot-portal',
      });
      expect(config.oidc).toEqual({
        issuer: 'https://login.example.org',
        clientId: 'kot-portal',
        scope: 'openid',
        resource: null,
      });
      const withResource = loadConfig({
        ...jwks,
        OIDC_ISSUER: 'http://127.0.0.1:9000',
        OIDC_CLIENT_ID: 'kot-portal',
        OIDC_SCOPE: 'openid profile',
        OIDC_RESOURCE: 'https://kot.example.org/api',
      });
      expect(withResource.oidc).toMatchObject({
        scope: 'openid profile',
        resource: 'https://kot.example.org/api',
      });
    });

    it("wants both issuer and client id, and the API verifying the provider's tokens", () => {
      expect(problemsOf({ ...jwks, OIDC_ISSUER: 'https://login.example.org' })).toEqual([
        'OIDC_CLIENT_ID: required with OIDC_ISSUER',
      ]);
      expect(problemsOf({ ...jwks, OIDC_CLIENT_ID: 'kot-portal' })).toEqual([
        'OIDC_ISSUER: required with OIDC_CLIENT_ID',
      ]);
      expect(
        problemsOf({
          JWT_SECRET: secret,
          OIDC_ISSUER: 'https://login.example.org',
          OIDC_CLIENT_ID: 'kot-portal',
        }),
      ).toEqual([
        expect.stringMatching(/^OIDC_ISSUER: requires JWKS_URL, JWT_ISSUER and JWT_AUDIENCE/),
      ]);
    });

    it('refuses a provider on plain http elsewhere, a fragment in the resource, and stray settings', () => {
      expect(
        problemsOf({
          ...jwks,
          OIDC_ISSUER: 'http://login.example.org',
          OIDC_CLIENT_ID: 'kot-portal',
          OIDC_RESOURCE: 'https://kot.example.org/api#x',
        }),
      ).toEqual([
        'OIDC_ISSUER: expected an https:// URL (http:// only for localhost)',
        'OIDC_RESOURCE: expected an absolute http(s) URL without a fragment',
      ]);
      expect(problemsOf({ ...jwks, OIDC_SCOPE: 'openid', OIDC_RESOURCE: 'https://x.org' })).toEqual(
        [
          'OIDC_SCOPE: only with OIDC_ISSUER and OIDC_CLIENT_ID',
          'OIDC_RESOURCE: only with OIDC_ISSUER and OIDC_CLIENT_ID',
        ],
      );
    });
  });

  it('checks connection strings and the master key', () => {
    expect(
      problemsOf({
        EVENTSTORE: 'kurrentdb',
        KURRENTDB_URL: 'http://localhost:2113',
        JWT_SECRET: secret,
        PERSONAL_DATA_MASTER_KEY: Buffer.alloc(16).toString('base64'),
      }),
    ).toEqual([
      'KURRENTDB_URL: expected a kurrentdb:// (or esdb://) connection string',
      'DATABASE_URL: required with EVENTSTORE=kurrentdb, a postgres:// URL for the read models, keys and checkpoints',
      'PERSONAL_DATA_MASTER_KEY: expected 32 bytes in base64',
    ]);
    expect(
      loadConfig({
        EVENTSTORE: 'kurrentdb',
        KURRENTDB_URL: 'kurrentdb://localhost:2113?tls=false',
        DATABASE_URL: 'postgres://kot@localhost:5432/kot',
        JWT_SECRET: secret,
        PERSONAL_DATA_MASTER_KEY: masterKey,
      }).eventStore,
    ).toEqual({
      kind: 'kurrentdb',
      url: 'kurrentdb://localhost:2113?tls=false',
      databaseUrl: 'postgres://kot@localhost:5432/kot',
    });
  });

  it('erases personal data seven years after a case ended unless told another number of days', () => {
    expect(loadConfig({ JWT_SECRET: secret }).personalDataRetentionDays).toBe(2555);
    expect(
      loadConfig({ JWT_SECRET: secret, PERSONAL_DATA_RETENTION_DAYS: '30' })
        .personalDataRetentionDays,
    ).toBe(30);
    for (const wrong of ['0', '-5', '7y', '40000']) {
      expect(problemsOf({ JWT_SECRET: secret, PERSONAL_DATA_RETENTION_DAYS: wrong })).toEqual([
        expect.stringMatching(/^PERSONAL_DATA_RETENTION_DAYS: expected a whole number from 1/),
      ]);
    }
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ JWT_SECRET: secret, PORT: '', DATA_DIR: ' ' }).http.port).toBe(4000);
  });

  describe('the edge in production mode', () => {
    it('shows neither the schema nor the sandbox unless asked for, whatever NODE_ENV says', () => {
      for (const NODE_ENV of ['production', 'development', '']) {
        const config = loadConfig({ JWT_SECRET: secret, NODE_ENV });
        expect(config.graphql).toMatchObject({ introspection: false, sandbox: false });
      }
      const open = loadConfig({
        JWT_SECRET: secret,
        GRAPHQL_INTROSPECTION: 'on',
        GRAPHQL_SANDBOX: 'on',
        NODE_ENV: 'production',
      });
      expect(open.graphql).toMatchObject({ introspection: true, sandbox: true });
    });

    it('refuses a sandbox without introspection and switches that are not on or off', () => {
      expect(problemsOf({ JWT_SECRET: secret, GRAPHQL_SANDBOX: 'on' })).toEqual([
        'GRAPHQL_SANDBOX: on needs GRAPHQL_INTROSPECTION=on; the sandbox reads the schema',
      ]);
      expect(problemsOf({ JWT_SECRET: secret, GRAPHQL_INTROSPECTION: 'yes' })).toEqual([
        'GRAPHQL_INTROSPECTION: expected on or off, got "yes"',
      ]);
    });

    it('trusts no proxy unless told how many hops or which addresses', () => {
      const trustOf = (TRUST_PROXY: string) =>
        loadConfig({ JWT_SECRET: secret, TRUST_PROXY }).edge.trustProxy;
      expect(loadConfig({ JWT_SECRET: secret }).edge.trustProxy).toBe(false);
      expect(trustOf('off')).toBe(false);
      expect(trustOf('1')).toBe(1);
      expect(trustOf('loopback, 10.0.0.0/8')).toEqual(['loopback', '10.0.0.0/8']);
      expect(problemsOf({ JWT_SECRET: secret, TRUST_PROXY: 'yes' })[0]).toMatch(/^TRUST_PROXY:/);
      expect(problemsOf({ JWT_SECRET: secret, TRUST_PROXY: '0' })[0]).toMatch(/^TRUST_PROXY:/);
    });

    it('limits requests per person and per address, generously by default', () => {
      expect(loadConfig({ JWT_SECRET: secret }).edge.rateLimits).toEqual({
        windowSeconds: 60,
        perSubject: 1200,
        perAddress: 300,
      });
      const tight = loadConfig({
        JWT_SECRET: secret,
        RATE_LIMIT_WINDOW_SECONDS: '10',
        RATE_LIMIT_PER_SUBJECT: '5',
        RATE_LIMIT_PER_ADDRESS: '2',
      });
      expect(tight.edge.rateLimits).toEqual({ windowSeconds: 10, perSubject: 5, perAddress: 2 });
      expect(problemsOf({ JWT_SECRET: secret, RATE_LIMIT_PER_SUBJECT: '0' })).toEqual([
        'RATE_LIMIT_PER_SUBJECT: expected a whole number from 1 to 1000000, got "0"',
      ]);
    });

    it('bounds how long a token may live, a working day unless configured', () => {
      const config = loadConfig({ JWT_SECRET: secret, JWT_MAX_LIFETIME_SECONDS: '3600' });
      expect(config.authentication.maxTokenLifetimeSeconds).toBe(3600);
      expect(problemsOf({ JWT_SECRET: secret, JWT_MAX_LIFETIME_SECONDS: '30' })).toEqual([
        'JWT_MAX_LIFETIME_SECONDS: expected a whole number from 60 to 604800, got "30"',
      ]);
    });
  });
});
