// Bearer tokens to actors. HS256 with a shared secret in embedded mode; RS256 against an identity
// provider's JWKS otherwise. Only the one expected algorithm is accepted, and a token must expire
// within the maximum lifetime from its `iat`, which may not lie ahead; `nbf` is honoured.

import { text, type Actor, type Text } from '@kot/domain';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { defaultMaxTokenLifetimeSeconds, type AuthenticationSettings } from '../config/loadConfig';
import { actorFromClaims } from './actorFromClaims';
import {
  AuthenticationError,
  AuthenticationUnavailableError,
  ExpiredTokenError,
  InvalidTokenError,
  MissingTokenError,
  TokenLifetimeTooLongError,
  TokenNotYetValidError,
} from './authenticationErrors';

/** Verifies the Authorization header; resolves to the actor or rejects with an AuthenticationError. */
export type Authenticator = (authorizationHeader: string | undefined) => Promise<Actor>;

/** Small leeway for clocks that differ between the identity provider and us. */
const CLOCK_TOLERANCE_SECONDS = 30;

export function createAuthenticator(
  settings: AuthenticationSettings,
  clock: () => Date = () => new Date(),
): Authenticator {
  const maxLifetime = settings.maxTokenLifetimeSeconds ?? defaultMaxTokenLifetimeSeconds;
  const verify = verifierFor(settings, maxLifetime, clock);
  const verifyToken = rememberVerified(
    async (token: string) => {
      const claims = await verify(token);
      // Refused at once rather than after the first nine hours: such a token was issued wrongly.
      if ((claims.exp ?? Infinity) - (claims.iat ?? -Infinity) > maxLifetime) {
        throw new TokenLifetimeTooLongError(maxLifetime);
      }
      return claims;
    },
    maxLifetime,
    clock,
  );
  return async (authorizationHeader) => {
    const token = bearerToken(authorizationHeader);
    try {
      return actorFromClaims(await verifyToken(token));
    } catch (error) {
      throw asAuthenticationError(error);
    }
  };
}

/** How long a verified token is taken at its word without checking its signature again. */
export const REMEMBER_VERIFIED_MS = 60_000;
const REMEMBER_AT_MOST = 1_000;

/**
 * Remembers tokens that passed, so a user's burst of requests checks the signature once (checking
 * it was a tenth of the platform's CPU at 500 commands/s). A token is remembered until the first
 * of: its expiry, its maximum age, and REMEMBER_VERIFIED_MS, so a key withdrawn from the provider's
 * key set stops its tokens within that time. A refused token is never remembered.
 */
function rememberVerified(
  verify: (token: string) => Promise<JWTPayload>,
  maxLifetimeSeconds: number,
  clock: () => Date,
): (token: string) => Promise<JWTPayload> {
  const verified = new Map<string, { claims: JWTPayload; until: number }>();
  return async (token) => {
    const now = clock().getTime();
    const known = verified.get(token);
    if (known && now < known.until) return known.claims;
    verified.delete(token);
    const claims = await verify(token);
    const until = Math.min(
      now + REMEMBER_VERIFIED_MS,
      (claims.exp ?? 0) * 1000,
      ((claims.iat ?? 0) + maxLifetimeSeconds) * 1000,
    );
    const oldest = verified.keys().next();
    if (verified.size >= REMEMBER_AT_MOST && !oldest.done) verified.delete(oldest.value);
    verified.set(token, { claims, until });
    return claims;
  };
}

function verifierFor(
  settings: AuthenticationSettings,
  maxLifetimeSeconds: number,
  clock: () => Date,
) {
  const expectations = () => ({
    issuer: settings.issuer,
    audience: settings.audience,
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    requiredClaims: ['exp', 'sub', 'iat'],
    // Also makes jose refuse an `iat` ahead of our clock (beyond the tolerance).
    maxTokenAge: maxLifetimeSeconds,
    currentDate: clock(),
  });
  if (settings.kind === 'hs256') {
    const secret = new TextEncoder().encode(settings.secret);
    return async (token: string) =>
      (await jwtVerify(token, secret, { ...expectations(), algorithms: ['HS256'] })).payload;
  }
  const keySet: JWTVerifyGetKey = createRemoteJWKSet(new URL(settings.jwksUrl), {
    timeoutDuration: 5_000,
    cooldownDuration: 30_000,
  });
  return async (token: string) =>
    (await jwtVerify(token, keySet, { ...expectations(), algorithms: ['RS256'] })).payload;
}

function bearerToken(header: string | undefined): string {
  if (header === undefined || header.trim() === '') throw new MissingTokenError();
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header.trim());
  if (!match?.[1]) {
    throw new InvalidTokenError(
      'expected "Bearer <token>"',
      text(
        'stuur het als Authorization: Bearer <token>',
        'send it as Authorization: Bearer <token>',
      ),
    );
  }
  return match[1];
}

function asAuthenticationError(error: unknown): Error {
  if (error instanceof AuthenticationError) return error;
  if (error instanceof errors.JWTExpired) return new ExpiredTokenError();
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return new TokenNotYetValidError('nbf');
    if (error.claim === 'iat' && error.reason === 'check_failed') {
      return new TokenNotYetValidError('iat');
    }
    // Without `iat` the lifetime cannot be checked.
    if (error.claim === 'iat') {
      return new InvalidTokenError(
        'no issue time (iat)',
        text(
          'het vermeldt niet wanneer het is uitgegeven (iat); vraag een token dat dat wel doet',
          'it does not say when it was issued (iat); get a token that does',
        ),
      );
    }
  }
  if (error instanceof errors.JWKSTimeout) return new AuthenticationUnavailableError('timeout');
  // jose reports a key set endpoint that answers with an error or no key set this way.
  if (
    error instanceof errors.JWKSInvalid ||
    (error as { code?: string }).code === 'ERR_JOSE_GENERIC'
  ) {
    return new AuthenticationUnavailableError('the key set endpoint gave no usable answer');
  }
  if (error instanceof errors.JOSEError) {
    const { detail, why } = describeJoseError(error);
    return new InvalidTokenError(detail, why);
  }
  // Anything else comes from fetching the key set (network, DNS, a non-JSON answer).
  return new AuthenticationUnavailableError('the key set could not be fetched');
}

/** The check that failed, for the log (detail) and for the caller (why), in their words. */
function describeJoseError(error: InstanceType<typeof errors.JOSEError>): {
  detail: string;
  why: Text;
} {
  if (error instanceof errors.JWTClaimValidationFailed) {
    const detail = `claim ${error.claim} ${error.reason}`;
    return { detail, why: claimReasons[error.claim] ?? text(`de claim ${detail}`, detail) };
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return {
      detail: 'signature does not verify',
      why: text(
        'de handtekening klopt niet (ander geheim of andere sleutel)',
        'its signature does not verify (another secret or key)',
      ),
    };
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return {
      detail: 'signing algorithm not accepted',
      why: text(
        'het is ondertekend met een algoritme dat hier niet geldt',
        'it is signed with an algorithm not accepted here',
      ),
    };
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return {
      detail: 'signed with an unknown key',
      why: text('het is ondertekend met een onbekende sleutel', 'it is signed with an unknown key'),
    };
  }
  return {
    detail: 'malformed token',
    why: text('het is geen geldig JWT', 'it is not a well-formed JWT'),
  };
}

// JWT_ISSUER and JWT_AUDIENCE are checked for HS256 tokens as for RS256 ones: a token for
// another platform or application is refused, and the caller is told which.
const claimReasons: Record<string, Text> = {
  iss: text(
    'het is uitgegeven door een andere uitgever (iss) dan dit platform accepteert',
    'it was issued by another issuer (iss) than this platform accepts',
  ),
  aud: text(
    'het is bedoeld voor een andere toepassing (aud) dan dit platform',
    'it is meant for another application (aud) than this platform',
  ),
  nbf: text('het is nog niet geldig (nbf)', 'it is not valid yet (nbf)'),
  exp: text('het heeft geen vervaltijd (exp)', 'it has no expiry time (exp)'),
};
