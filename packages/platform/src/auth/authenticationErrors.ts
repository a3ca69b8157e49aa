import type { Text } from '@kot/domain';

// Why a request could not be tied to an actor. Each maps to 401 / UNAUTHENTICATED, except an
// unreachable key set, which is our failure and not the caller's (503).

export type AuthenticationFailure = 'missing' | 'invalid' | 'expired';

export class AuthenticationError extends Error {
  constructor(
    readonly failure: AuthenticationFailure,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class MissingTokenError extends AuthenticationError {
  constructor() {
    super('missing', 'Send a bearer token: Authorization: Bearer <token>');
  }
}

export class InvalidTokenError extends AuthenticationError {
  constructor(
    detail: string,
    /** Why, for the caller in the 401's reason: which check failed, never the token itself. */
    readonly why: Text,
  ) {
    super('invalid', `The bearer token is not valid: ${detail}`);
  }
}

export class ExpiredTokenError extends AuthenticationError {
  constructor() {
    super('expired', 'The bearer token has expired; sign in again');
  }
}

/** The identity provider's keys could not be fetched; the token may well be fine. */
export class AuthenticationUnavailableError extends Error {
  constructor(detail: string) {
    super(`Tokens cannot be verified right now: ${detail}`);
    this.name = 'AuthenticationUnavailableError';
  }
}
