// A real OpenID provider for development: node-oidc-provider (certified). Two uses, one program:
// - the portal's browser tests start it on a free loopback port, in its own process because the
//   package is ESM only, with settings as JSON in IDENTITY_PROVIDER_SETTINGS;
// - compose's development identity provider (infra/docker-compose.identity.yml) runs it in its own
//   container with the demo people (IDENTITY_PROVIDER_SETTINGS_FILE, ISSUER, HOST, PORT).
// The issuer goes to stdout as one JSON line once it listens. Never for real users: any password
// signs in, and the signing key lives only as long as the process.
//
// One public client (no secret, PKCE required, the portal's callback as its only redirect URI).
// The resource indicator makes the access token an RS256 JWT for the platform's audience, with the
// claims the platform reads (role, organisation, name). Its development login page takes any
// password; the login is the account id, which becomes the token's `sub`. The client may use the
// refresh_token grant, and gets a refresh token with every sign-in (rotated on each use), so the
// portal can renew an access token that ran out (accessTokenTtlSeconds, ten minutes unless set).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import Provider, { errors } from 'oidc-provider';

const settingsFile = process.env.IDENTITY_PROVIDER_SETTINGS_FILE;
/**
 * @type {{ clientId: string, redirectUri: string, resource: string, audience: string,
 *   accessTokenTtlSeconds?: number,
 *   accounts: Record<string, { role: string, organisation: string, name?: string }> }}
 */
const settings = JSON.parse(
  process.env.IDENTITY_PROVIDER_SETTINGS ??
    (settingsFile ? readFileSync(settingsFile, 'utf8') : '{}'),
);

const server = createServer();
const host = process.env.HOST || '127.0.0.1';
await new Promise((listening) => server.listen(Number(process.env.PORT || 0), host, listening));
const address = server.address();
// The browser and the platform must agree on the issuer: in compose the browser reaches it at
// localhost, the services fetch the keys by the service's name (JWKS_URL).
const issuer =
  process.env.ISSUER ||
  `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

// A fresh signing key per run: nothing to keep, nothing to leak.
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = {
  ...privateKey.export({ format: 'jwk' }),
  kid: 'test',
  use: 'sig',
  alg: 'RS256',
};

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: settings.clientId,
      token_endpoint_auth_method: 'none',
      redirect_uris: [settings.redirectUri],
      response_types: ['code'],
      grant_types: ['authorization_code', 'refresh_token'],
    },
  ],
  // Without asking for offline_access: the portal renews only while the tab is open.
  issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
  rotateRefreshToken: true,
  jwks: { keys: [signingKey] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  pkce: { required: () => true },
  features: {
    devInteractions: { enabled: true },
    resourceIndicators: {
      enabled: true,
      getResourceServerInfo(_ctx, indicator) {
        if (indicator !== settings.resource) throw new errors.InvalidTarget();
        return {
          scope: 'kot',
          audience: settings.audience,
          accessTokenFormat: 'jwt',
          accessTokenTTL: settings.accessTokenTtlSeconds ?? 600,
          jwt: { sign: { alg: 'RS256' } },
        };
      },
    },
  },
  async findAccount(_ctx, id) {
    const account = settings.accounts[id];
    if (!account) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, name: account.name }) };
  },
  async extraTokenClaims(_ctx, token) {
    const account = token.accountId ? settings.accounts[token.accountId] : undefined;
    if (token.kind !== 'AccessToken' || !account) return undefined;
    return { role: account.role, organisation: account.organisation, name: account.name };
  },
});

server.on('request', provider.callback());
console.log(JSON.stringify({ issuer }));
if (settingsFile) {
  console.error(
    `DEVELOPMENT ONLY: identity provider at ${issuer} signs in anyone with any password as ${Object.keys(settings.accounts ?? {}).join(', ')}`,
  );
}

const stop = () => server.close(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
