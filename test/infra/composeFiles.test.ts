// The compose files, checked without a Docker engine: each file and each combination an operator
// runs parses (anchors, merge keys) and validates against the Compose Specification schema, and
// every service gets an environment its own start-up accepts. The development identity provider
// (docker-compose.identity.yml) is checked against the demo people and the portal's address.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { demoUsers } from '@kot/all-in-one';
import { developmentWarnings, loadConfig, type Environment } from '@kot/platform';
import { loadNotificationsConfig } from '@kot/notifications';

const infra = join(__dirname, '../../infra');
type Mapping = Record<string, unknown>;

const isMapping = (value: unknown): value is Mapping =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const composeFile = (name: string): Mapping =>
  parse(readFileSync(join(infra, name), 'utf8'), { merge: true }) as Mapping;

/** Merges an override file into the base as Compose does for mappings (lists are replaced here). */
function merged(base: Mapping, override: Mapping): Mapping {
  const result: Mapping = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = result[key];
    result[key] = isMapping(current) && isMapping(value) ? merged(current, value) : value;
  }
  return result;
}

const schemaFile = join(
  dirname(require.resolve('docker-compose/package.json')),
  'schema/compose-spec.json',
);
// Draft-07, though its $schema names it by an address Ajv 6 does not know; formats are not checked.
const { $schema: _draft07, ...composeSpec } = JSON.parse(
  readFileSync(schemaFile, 'utf8'),
) as Mapping;
const validate = new Ajv({ allErrors: true, unknownFormats: 'ignore' }).compile(composeSpec);

/** What infra/.env would hold, with placeholder secrets. */
const dotEnv: Environment = {
  POSTGRES_PASSWORD: 'placeholder-password',
  PERSONAL_DATA_MASTER_KEY: Buffer.alloc(32, 1).toString('base64'),
  JWT_SECRET: 'a-placeholder-secret-of-at-least-32-characters',
};

/** ${NAME}, ${NAME:-default} and ${NAME:?error} as Compose interpolates them. */
function interpolated(value: unknown, env: Environment): string {
  return String(value).replace(
    /\$\{(\w+)(?::([-?])([^}]*))?\}/g,
    (_all, name: string, kind?: string, word?: string) => {
      const given = env[name];
      if (given !== undefined && given !== '') return given;
      if (kind === '?') throw new Error(`${name}: ${word}`);
      return kind === '-' ? (word ?? '') : '';
    },
  );
}

function environmentOf(compose: Mapping, service: string): Environment {
  const services = compose['services'] as Record<string, Mapping>;
  const environment = (services[service]?.['environment'] ?? {}) as Mapping;
  return Object.fromEntries(
    Object.entries(environment).map(([name, value]) => [name, interpolated(value ?? '', dotEnv)]),
  );
}

const base = composeFile('docker-compose.yml');
const withIdentity = merged(base, composeFile('docker-compose.identity.yml'));
const apiServices = ['referrals', 'projections', 'notifications'];

describe('the compose files', () => {
  it.each([
    ['docker-compose.yml', base],
    ['docker-compose.kurrentdb.yml', composeFile('docker-compose.kurrentdb.yml')],
    ['docker-compose.identity.yml', composeFile('docker-compose.identity.yml')],
    [
      'docker-compose.yml with the KurrentDB override',
      merged(base, composeFile('docker-compose.kurrentdb.yml')),
    ],
    ['docker-compose.yml with the identity provider', withIdentity],
  ])('%s validates against the Compose Specification', (_name, compose) => {
    expect(validate(compose) ? [] : validate.errors).toEqual([]);
  });

  it('the schema check does fail on a key Compose does not know', () => {
    expect(validate(merged(base, { services: { portal: { enviroment: {} } } }))).toBe(false);
  });

  it.each(apiServices)('without the identity provider, %s starts on HS256 tokens', (service) => {
    const config = loadConfig(environmentOf(base, service));
    expect(config.authentication.kind).toBe('hs256');
    expect(developmentWarnings(config)).toEqual([]);
  });
});

describe('the development identity provider in compose', () => {
  const settings = JSON.parse(
    readFileSync(join(infra, 'identity-provider/development.json'), 'utf8'),
  ) as {
    clientId: string;
    redirectUri: string;
    resource: string;
    audience: string;
    accounts: Record<string, { role: string; organisation: string; name?: string }>;
  };
  const portal = environmentOf(withIdentity, 'portal');

  it.each(apiServices)(
    '%s trusts its tokens: keys over http from the named service, loudly, instead of JWT_SECRET',
    (service) => {
      const env = environmentOf(withIdentity, service);
      const config = loadConfig(env);
      expect(config.authentication).toMatchObject({
        kind: 'jwks',
        jwksUrl: 'http://identity-provider:9000/jwks',
        issuer: portal['OIDC_ISSUER'],
        audience: settings.audience,
        developmentHost: 'identity-provider',
      });
      expect(developmentWarnings(config)).toHaveLength(1);
      if (service === 'notifications') expect(() => loadNotificationsConfig(env)).not.toThrow();
      // The images run with NODE_ENV=production: there the switch is refused.
      expect(() => loadConfig({ ...env, NODE_ENV: 'production' })).toThrow(
        /DEVELOPMENT_IDENTITY_PROVIDER_HOST: not allowed with NODE_ENV=production/,
      );
    },
  );

  it('knows the demo people, and sends them back to the portal compose publishes', () => {
    expect(settings.accounts).toEqual(
      Object.fromEntries(
        demoUsers.map(({ actor: { id, role, organisation, name } }) => [
          id,
          { role, organisation, name },
        ]),
      ),
    );
    const services = withIdentity['services'] as Record<string, Mapping>;
    expect(services['portal']?.['ports']).toEqual(['127.0.0.1:8080:4000']);
    expect(settings.redirectUri).toBe('http://localhost:8080/signed-in');
    expect(services['identity-provider']?.['ports']).toEqual(['127.0.0.1:9000:9000']);
    expect(environmentOf(withIdentity, 'identity-provider')['ISSUER']).toBe(portal['OIDC_ISSUER']);
    expect(portal).toMatchObject({
      OIDC_CLIENT_ID: settings.clientId,
      OIDC_RESOURCE: settings.resource,
    });
  });
});
