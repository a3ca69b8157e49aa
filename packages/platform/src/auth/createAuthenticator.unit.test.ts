import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import { actors } from '@kot/domain/testing';
import {
  AuthenticationError,
  AuthenticationUnavailableError,
  ExpiredTokenError,
  InvalidTokenError,
  MissingTokenError,
  TokenLifetimeTooLongError,
} from './authenticationErrors';
import { describeError } from '../errors/describeError';
import { createAuthenticator } from './createAuthenticator';
import { issueToken } from './issueToken';

const secret = 'a-demo-secret-that-is-long-enough-for-hs256';
const hs256 = { kind: 'hs256', secret, issuer: 'kot-platform', audience: 'kot-platform' } as const;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('an HS256 authenticator (embedded mode)', () => {
  const authenticate = createAuthenticator(hs256);

  it('turns a token issued for the demo back into the same actor', async () => {
    const token = await issueToken(secret, actors.bewindvoerder, '1h');
    await expect(authenticate(`Bearer ${token}`)).resolves.toEqual(actors.bewindvoerder);
  });

  it('accepts the scheme in any case', async () => {
    const token = await issueToken(secret, actors.ciz, 60);
    await expect(authenticate(`bearer ${token}`)).resolves.toEqual(actors.ciz);
  });

  it('says the token is missing when there is no header', async () => {
    expect(await rejection(authenticate(undefined))).toBeInstanceOf(MissingTokenError);
    expect(await rejection(authenticate('  '))).toBeInstanceOf(MissingTokenError);
  });

  it('says the token has expired once it has', async () => {
    const token = await issueToken(secret, actors.officer, 60, {
      issuedAt: new Date(Date.now() - 3_600_000),
    });
    const error = await rejection(authenticate(`Bearer ${token}`));
    expect(error).toBeInstanceOf(ExpiredTokenError);
    expect((error as AuthenticationError).failure).toBe('expired');
  });

  it.each([
    [
      'a token signed with another secret',
      async () => issueToken('x'.repeat(40), actors.officer, 60),
    ],
    [
      'a token for another audience',
      async () => issueToken(secret, actors.officer, 60, { audience: 'other' }),
    ],
    [
      'a token from another issuer',
      async () => issueToken(secret, actors.officer, 60, { issuer: 'other' }),
    ],
    ['garbage', async () => 'not.a.jwt'],
    [
      'a token without expiry',
      async () =>
        new SignJWT({ role: 'smi-officer', organisation: 'GM0344' })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('u-1')
          .setIssuer('kot-platform')
          .setAudience('kot-platform')
          .sign(new TextEncoder().encode(secret)),
    ],
    [
      'a token with an unknown role',
      async () => issueToken(secret, { ...actors.officer, role: 'admin' as never }, 60),
    ],
    [
      'an unsigned token (alg none)',
      async () => {
        const claims = {
          sub: 'u',
          role: 'auditor',
          organisation: 'x',
          iss: 'kot-platform',
          aud: 'kot-platform',
          exp: Math.floor(Date.now() / 1000) + 60,
        };
        const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
        return `${part({ alg: 'none' })}.${part(claims)}.`;
      },
    ],
  ])('refuses %s as invalid', async (_what, makeToken) => {
    const error = await rejection(authenticate(`Bearer ${await makeToken()}`));
    expect(error).toBeInstanceOf(InvalidTokenError);
  });

  it('holds HS256 tokens to JWT_ISSUER and JWT_AUDIENCE too, and the 401 says which check failed', async () => {
    const reasonFor = async (token: string) =>
      describeError(await rejection(authenticate(`Bearer ${token}`))).reason;
    const otherIssuer = await issueToken(secret, actors.officer, 60, {
      issuer: 'another-platform',
      audience: 'kot-platform',
    });
    expect(await reasonFor(otherIssuer)).toEqual({
      nl: 'Het token is ongeldig: het is uitgegeven door een andere uitgever (iss) dan dit platform accepteert; log opnieuw in.',
      en: 'The token is not valid: it was issued by another issuer (iss) than this platform accepts; sign in again.',
    });
    const otherAudience = await issueToken(secret, actors.officer, 60, {
      issuer: 'kot-platform',
      audience: 'another-application',
    });
    expect((await reasonFor(otherAudience)).en).toBe(
      'The token is not valid: it is meant for another application (aud) than this platform; sign in again.',
    );
    const forged = await issueToken('x'.repeat(40), actors.officer, 60);
    expect((await reasonFor(forged)).nl).toBe(
      'Het token is ongeldig: de handtekening klopt niet (ander geheim of andere sleutel); log opnieuw in.',
    );
    expect((await reasonFor('not-a-jwt')).en).toBe(
      'The token is not valid: it is not a well-formed JWT; sign in again.',
    );
    const expired = await issueToken(secret, actors.officer, 60, {
      issuedAt: new Date(Date.now() - 3_600_000),
    });
    expect(await reasonFor(expired)).toEqual({
      nl: 'Het token is verlopen; log opnieuw in.',
      en: 'The token has expired; sign in again.',
    });
    // The words name the check, never the token or the secret it was checked with.
    for (const token of [otherIssuer, otherAudience, forged, expired]) {
      const words = JSON.stringify(await reasonFor(token));
      for (const part of [...token.split('.'), secret]) expect(words).not.toContain(part);
    }
  });

  it('refuses another scheme than Bearer', async () => {
    expect(await rejection(authenticate('Basic dXNlcjpwdw=='))).toBeInstanceOf(InvalidTokenError);
  });
});

describe('a token of bounded lifetime', () => {
  const authenticate = createAuthenticator(hs256);
  const hour = 3_600_000;
  const describedRefusal = async (token: string) =>
    describeError(await rejection(authenticate(`Bearer ${token}`)));

  it('accepts the demo tokens of eight hours within the default working day of nine', async () => {
    const token = await issueToken(secret, actors.officer, '8h');
    await expect(authenticate(`Bearer ${token}`)).resolves.toEqual(actors.officer);
  });

  it('refuses a token valid for longer than a working day, saying so', async () => {
    const refusal = await describedRefusal(await issueToken(secret, actors.officer, '10h'));
    expect(refusal.status).toBe(401);
    expect(refusal.type).toBe('urn:kot:problem:token-lifetime-too-long');
    expect(refusal.reason.nl).toContain('langer geldig dan de toegestane 9 uur');
  });

  it('takes a shorter maximum lifetime from the settings', async () => {
    const strict = createAuthenticator({ ...hs256, maxTokenLifetimeSeconds: 600 });
    const error = await rejection(strict(`Bearer ${await issueToken(secret, actors.ciz, '1h')}`));
    expect(error).toBeInstanceOf(TokenLifetimeTooLongError);
    const fine = await issueToken(secret, actors.ciz, '10m');
    await expect(strict(`Bearer ${fine}`)).resolves.toEqual(actors.ciz);
  });

  it('refuses a token issued in the future beyond a small clock skew, and accepts the skew', async () => {
    const ahead = await issueToken(secret, actors.officer, '1h', {
      issuedAt: new Date(Date.now() + 5 * 60_000),
    });
    const refusal = await describedRefusal(ahead);
    expect(refusal.type).toBe('urn:kot:problem:token-not-yet-valid');
    expect(refusal.reason.en).toBe('The token says it was issued in the future; sign in again.');
    const skewed = await issueToken(secret, actors.officer, '1h', {
      issuedAt: new Date(Date.now() + 10_000),
    });
    await expect(authenticate(`Bearer ${skewed}`)).resolves.toEqual(actors.officer);
  });

  it('honours not-before: refused until then, accepted after', async () => {
    const later = await issueToken(secret, actors.officer, '1h', {
      notBefore: new Date(Date.now() + 10 * 60_000),
    });
    const refusal = await describedRefusal(later);
    expect(refusal.type).toBe('urn:kot:problem:token-not-yet-valid');
    expect(refusal.reason.nl).toContain('nog niet geldig');
    const started = await issueToken(secret, actors.officer, '1h', {
      issuedAt: new Date(Date.now() - 0.5 * hour),
      notBefore: new Date(Date.now() - 60_000),
    });
    await expect(authenticate(`Bearer ${started}`)).resolves.toEqual(actors.officer);
  });

  it('takes a token it verified at its word for a minute at most, and never past its expiry', async () => {
    let now = Date.now();
    const clocked = createAuthenticator(hs256, () => new Date(now));
    const token = await issueToken(secret, actors.officer, 120);
    await expect(clocked(`Bearer ${token}`)).resolves.toEqual(actors.officer);
    now += 60_000;
    await expect(clocked(`Bearer ${token}`)).resolves.toEqual(actors.officer);
    // Past the expiry and the clock tolerance: refused as when it was never seen.
    now += 120_000;
    expect(await rejection(clocked(`Bearer ${token}`))).toBeInstanceOf(ExpiredTokenError);
    // A token refused once stays refused, also when asked again at once.
    expect(await rejection(clocked(`Bearer ${token}`))).toBeInstanceOf(ExpiredTokenError);
  });

  it('refuses a token that does not say when it was issued', async () => {
    const token = await new SignJWT({ role: 'smi-officer', organisation: 'GM0344' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u-1')
      .setIssuer('kot-platform')
      .setAudience('kot-platform')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(secret));
    const refusal = await describedRefusal(token);
    expect(refusal.type).toBe('urn:kot:problem:token-invalid');
    expect(refusal.reason.en).toContain('does not say when it was issued');
  });
});

describe('an RS256 authenticator with a JWKS served over HTTP', () => {
  let server: Server;
  let jwksUrl: string;
  let privateKey: CryptoKey;
  let jwksRequests = 0;
  const issuer = 'https://login.example.org';
  const audience = 'kot-referrals';

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk: JWK = {
      ...(await exportJWK(pair.publicKey)),
      kid: 'key-1',
      alg: 'RS256',
      use: 'sig',
    };
    const app = express();
    app.get('/.well-known/jwks.json', (_req, res) => {
      jwksRequests++;
      res.json({ keys: [jwk] });
    });
    await new Promise<void>((resolve) => {
      server = app.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    jwksUrl = `http://127.0.0.1:${port}/.well-known/jwks.json`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const sign = (claims: Record<string, unknown>, kid = 'key-1', key: CryptoKey = privateKey) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid })
      .setSubject('u-dt-1')
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key);

  it('verifies a token signed by the identity provider and reads the actor from its claims', async () => {
    const authenticate = createAuthenticator({ kind: 'jwks', jwksUrl, issuer, audience });
    const token = await sign({
      role: 'toeslagen-officer',
      organisation: 'DienstToeslagen',
      name: 'Nadia el Idrissi',
    });
    await expect(authenticate(`Bearer ${token}`)).resolves.toEqual(actors.toeslagen);
    expect(jwksRequests).toBeGreaterThan(0);
  });

  it('refuses a token signed with a key the provider does not publish', async () => {
    const authenticate = createAuthenticator({ kind: 'jwks', jwksUrl, issuer, audience });
    const stranger = await generateKeyPair('RS256');
    const token = await sign(
      { role: 'auditor', organisation: 'org-audit' },
      'key-1',
      stranger.privateKey,
    );
    expect(await rejection(authenticate(`Bearer ${token}`))).toBeInstanceOf(InvalidTokenError);
  });

  it('refuses an HS256 token even when its secret happens to be known', async () => {
    const authenticate = createAuthenticator({ kind: 'jwks', jwksUrl, issuer, audience });
    const token = await issueToken(secret, actors.auditor, 60, { issuer, audience });
    expect(await rejection(authenticate(`Bearer ${token}`))).toBeInstanceOf(InvalidTokenError);
  });

  it('reports an unreachable key set as unavailable, not as a bad token', async () => {
    const authenticate = createAuthenticator({
      kind: 'jwks',
      jwksUrl: 'http://127.0.0.1:9/jwks.json',
      issuer,
      audience,
    });
    const token = await sign({ role: 'auditor', organisation: 'org-audit' });
    expect(await rejection(authenticate(`Bearer ${token}`))).toBeInstanceOf(
      AuthenticationUnavailableError,
    );
  });
});
