// Bearer tokens to actors. HS256 with a shared secret in embedded mode; RS256 against an identity
// provider's JWKS otherwise. Only the one expected algorithm is accepted, and a token must expire.

import type { Actor } from '@kot/domain';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { AuthenticationSettings } from '../config/loadConfig';
import { actorFromClaims } from './actorFromClaims';
import {
  AuthenticationError,
  AuthenticationUnavailableError,
  ExpiredTokenError,
  InvalidTokenError,
  MissingTokenError,
} from './authenticationErrors';

/** Verifies the Authorization header; resolves to the actor or rejects with an AuthenticationError. */
export type Authenticator = (authorizationHeader: string | undefined) => Promise<Actor>;

/** Small leeway for clocks that differ between the identity provider and us. */
const CLOCK_TOLERANCE_SECONDS = 30;

export function createAuthenticator(settings: AuthenticationSettings): Authenticator {
  const verify = verifierFor(settings);
  return async (authorizationHeader) => {
    const token = bearerToken(authorizationHeader);
    try {
      return actorFromClaims(await verify(token));
    } catch (error) {
      throw asAuthenticationError(error);
    }
  };
}

function verifierFor(settings: AuthenticationSettings) {
  const expectations = {
    issuer: settings.issuer,
    audience: settings.audience,
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    requiredClaims: ['exp', 'sub'],
  };
  if (settings.kind === 'hs256') {
    const secret = new TextEncoder().encode(settings.secret);
    return async (token: string) =>
      (await jwtVerify(token, secret, { ...expectations, algorithms: ['HS256'] })).payload;
  }
  const keySet: JWTVerifyGetKey = createRemoteJWKSet(new URL(settings.jwksUrl), {
    timeoutDuration: 5_000,
    cooldownDuration: 30_000,
  });
  return async (token: string) =>
    (await jwtVerify(token, keySet, { ...expectations, algorithms: ['RS256'] })).payload;
}

function bearerToken(header: string | undefined): string {
  if (header === undefined || header.trim() === '') throw new MissingTokenError();
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header.trim());
  if (!match?.[1]) throw new InvalidTokenError('expected "Bearer <token>"');
  return match[1];
}

function asAuthenticationError(error: unknown): Error {
  if (error instanceof AuthenticationError) return error;
  if (error instanceof errors.JWTExpired) return new ExpiredTokenError();
  if (error instanceof errors.JWKSTimeout) return new AuthenticationUnavailableError('timeout');
  // jose reports a key set endpoint that answers with an error or no key set this way.
  if (
    error instanceof errors.JWKSInvalid ||
    (error as { code?: string }).code === 'ERR_JOSE_GENERIC'
  ) {
    return new AuthenticationUnavailableError('the key set endpoint gave no usable answer');
  }
  if (error instanceof errors.JOSEError) return new InvalidTokenError(describeJoseError(error));
  // Anything else comes from fetching the key set (network, DNS, a non-JSON answer).
  return new AuthenticationUnavailableError('the key set could not be fetched');
}

function describeJoseError(error: InstanceType<typeof errors.JOSEError>): string {
  if (error instanceof errors.JWTClaimValidationFailed)
    return `claim ${error.claim} ${error.reason}`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'signature does not verify';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'signing algorithm not accepted';
  if (error instanceof errors.JWKSNoMatchingKey) return 'signed with an unknown key';
  return 'malformed token';
}
