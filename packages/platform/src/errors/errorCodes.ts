import type { RefusalKind } from '@kot/domain';

/**
 * The codes a client can act on, the same in GraphQL (extensions.code) and REST (problem.code).
 * RATE_LIMITED: too many requests in the window; wait as long as Retry-After says.
 * The last two are ours: the request may be retried (with the same idempotency key).
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

export const httpStatusOf: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

/** The domain says why it refused; this is how that reads over the wire. */
export const errorCodeOfRefusal: Record<RefusalKind, ErrorCode> = {
  forbidden: 'FORBIDDEN',
  'invalid-input': 'BAD_USER_INPUT',
  // Not possible in the case's current state: the request conflicts with what already happened.
  'wrong-state': 'CONFLICT',
  'not-found': 'NOT_FOUND',
};
