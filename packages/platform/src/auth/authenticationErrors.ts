// Why a request could not be tied to an actor. Each maps to 401 / UNAUTHENTICATED, except an
// unreachable key set, which is our failure and not the caller's (503).

import { text, type Text } from '@kot/domain';

export type AuthenticationFailure =
  'missing' | 'invalid' | 'expired' | 'not-yet-valid' | 'lifetime-too-long';

export class AuthenticationError extends Error {
  constructor(
    readonly failure: AuthenticationFailure,
    message: string,
    /** The 401's words when they say more than the failure's standard sentence. */
    readonly reason?: Text,
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
    super(
      'invalid',
      `The bearer token is not valid: ${detail}`,
      text(
        `Het token is ongeldig: ${why.nl}; log opnieuw in.`,
        `The token is not valid: ${why.en}; sign in again.`,
      ),
    );
  }
}

export class ExpiredTokenError extends AuthenticationError {
  constructor() {
    super('expired', 'The bearer token has expired; sign in again');
  }
}

/** `nbf` (not before) or `iat` (issued at) lies ahead, beyond the clock tolerance. */
export class TokenNotYetValidError extends AuthenticationError {
  constructor(claim: 'nbf' | 'iat') {
    super(
      'not-yet-valid',
      claim === 'nbf'
        ? 'The bearer token is not valid yet (nbf lies ahead)'
        : 'The bearer token says it was issued in the future (iat); check the clocks',
      claim === 'nbf'
        ? text(
            'Het token is nog niet geldig; probeer het later opnieuw of log opnieuw in.',
            'The token is not valid yet; try again later or sign in again.',
          )
        : text(
            'Het token is volgens zijn uitgiftetijd in de toekomst uitgegeven; log opnieuw in.',
            'The token says it was issued in the future; sign in again.',
          ),
    );
  }
}

/** A token valid for longer than the platform allows (JWT_MAX_LIFETIME_SECONDS), or without `iat`. */
export class TokenLifetimeTooLongError extends AuthenticationError {
  constructor(maxSeconds: number) {
    const hours = Math.round((maxSeconds / 3600) * 10) / 10;
    super(
      'lifetime-too-long',
      `The bearer token is valid for longer than ${maxSeconds} seconds from its issue (iat)`,
      text(
        `Het token is langer geldig dan de toegestane ${hours} uur na uitgifte; vraag een token met een kortere looptijd.`,
        `The token is valid for longer than the allowed ${hours} hours after issue; get a token with a shorter lifetime.`,
      ),
    );
  }
}

/** The identity provider's keys could not be fetched; the token may well be fine. */
export class AuthenticationUnavailableError extends Error {
  constructor(detail: string) {
    super(`Tokens cannot be verified right now: ${detail}`);
    this.name = 'AuthenticationUnavailableError';
  }
}
