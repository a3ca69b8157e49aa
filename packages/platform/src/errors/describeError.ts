// One description of any error a request can end in, so GraphQL and REST answer alike: a code,
// an HTTP status, a stable problem type, and a reason in Dutch and English.

import { CommandRefused, text, type FieldProblem, type Text } from '@kot/domain';
import { AuthenticationError, AuthenticationUnavailableError } from '../auth/authenticationErrors';
import { ConflictError } from './conflictError';
import { errorCodeOfRefusal, httpStatusOf, type ErrorCode } from './errorCodes';

export interface DescribedError {
  code: ErrorCode;
  status: number;
  /** Stable problem type, e.g. `urn:kot:problem:wrong-state`. */
  type: string;
  /** Short English summary of the problem type. */
  title: string;
  reason: Text;
  fields: FieldProblem[];
  /** False for our own failures: the details stay in the log, the caller gets a generic reason. */
  expected: boolean;
}

const problemType = (name: string) => `urn:kot:problem:${name}`;

const titles: Record<ErrorCode, string> = {
  UNAUTHENTICATED: 'Not signed in',
  FORBIDDEN: 'Not allowed',
  BAD_USER_INPUT: 'Invalid input',
  CONFLICT: 'Not possible now',
  NOT_FOUND: 'Not found',
  RATE_LIMITED: 'Too many requests',
  SERVICE_UNAVAILABLE: 'Temporarily unavailable',
  INTERNAL_SERVER_ERROR: 'Internal error',
};

const describe = (
  code: ErrorCode,
  name: string,
  reason: Text,
  fields: FieldProblem[] = [],
  status = httpStatusOf[code],
): DescribedError => ({
  code,
  status,
  type: problemType(name),
  title: titles[code],
  reason,
  fields,
  expected: code !== 'INTERNAL_SERVER_ERROR' && code !== 'SERVICE_UNAVAILABLE',
});

export function describeError(error: unknown): DescribedError {
  if (error instanceof CommandRefused) {
    return describe(errorCodeOfRefusal[error.kind], error.kind, error.reason, error.fields);
  }
  if (error instanceof AuthenticationError) {
    return describe(
      'UNAUTHENTICATED',
      `token-${error.failure}`,
      error.reason ?? authenticationReasons[error.failure],
    );
  }
  if (error instanceof ConflictError) return describe('CONFLICT', error.problem, error.reason);
  if (error instanceof AuthenticationUnavailableError) {
    return describe(
      'SERVICE_UNAVAILABLE',
      'authentication-unavailable',
      text(
        'Inloggen kan nu niet worden gecontroleerd; probeer het zo opnieuw.',
        'Sign-in cannot be checked right now; please try again shortly.',
      ),
    );
  }
  const bodyProblem = describeBodyParserError(error);
  if (bodyProblem) return bodyProblem;
  return describe(
    'INTERNAL_SERVER_ERROR',
    'internal',
    text(
      'Er ging iets mis aan onze kant. U kunt het verzoek veilig opnieuw sturen met dezelfde Idempotency-Key.',
      'Something went wrong on our side. You can safely send the request again with the same Idempotency-Key.',
    ),
  );
}

const authenticationReasons: Record<AuthenticationError['failure'], Text> = {
  missing: text(
    'Log in: stuur een token mee (Authorization: Bearer …).',
    'Sign in: send a token (Authorization: Bearer …).',
  ),
  invalid: text('Het token is ongeldig; log opnieuw in.', 'The token is not valid; sign in again.'),
  expired: text('Het token is verlopen; log opnieuw in.', 'The token has expired; sign in again.'),
  'not-yet-valid': text(
    'Het token is nog niet geldig; log opnieuw in.',
    'The token is not valid yet; sign in again.',
  ),
  'lifetime-too-long': text(
    'Het token is langer geldig dan is toegestaan; log opnieuw in.',
    'The token is valid for longer than allowed; sign in again.',
  ),
};

/** The JSON body parser's errors carry a `type`; they are the caller's mistakes. */
function describeBodyParserError(error: unknown): DescribedError | null {
  const type = (error as { type?: unknown } | null)?.type;
  switch (type) {
    case 'entity.too.large':
      return describe(
        'BAD_USER_INPUT',
        'body-too-large',
        text('Het verzoek is te groot.', 'The request body is too large.'),
        [],
        413,
      );
    case 'entity.parse.failed':
      return describe(
        'BAD_USER_INPUT',
        'invalid-json',
        text('Het verzoek is geen geldige JSON.', 'The request body is not valid JSON.'),
      );
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return describe(
        'BAD_USER_INPUT',
        'unsupported-encoding',
        text('Stuur het verzoek als UTF-8.', 'Send the request body in UTF-8.'),
        [],
        415,
      );
    case unsupportedMediaType:
      return describe(
        'BAD_USER_INPUT',
        'unsupported-media-type',
        text(
          'Stuur het verzoek als JSON (Content-Type: application/json).',
          'Send the request as JSON (Content-Type: application/json).',
        ),
        [],
        415,
      );
    default:
      return clientFault(error);
  }
}

/** The type of the error `bodyNotJson()` makes, for a body the JSON parser left alone. */
const unsupportedMediaType = 'media.type.unsupported';

/** A request that needs a JSON body came with another content type (or none). */
export const bodyNotJson = (): Error =>
  Object.assign(new Error('the request body is not JSON'), {
    type: unsupportedMediaType,
    status: 415,
  });

/**
 * Any other error the body parser marks as the caller's (aborted, a broken gzip stream, a wrong
 * length): a 4xx with a generic reason, never a 500.
 */
function clientFault(error: unknown): DescribedError | null {
  const { status, expose } = (error ?? {}) as { status?: unknown; expose?: unknown };
  if (typeof status !== 'number' || status < 400 || status > 499 || expose !== true) return null;
  return describe(
    'BAD_USER_INPUT',
    'unreadable-body',
    text('Het verzoek kon niet worden gelezen.', 'The request body could not be read.'),
    [],
    status,
  );
}
