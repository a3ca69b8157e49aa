// What went wrong, in the words the domain gave: every refusal comes with a Dutch and an English
// reason, and input problems name the field. Errors without such a reason (GraphQL's own, a proxy's)
// get a sentence by their code, so the Dutch page never falls back to an English server message.
import { text, type Text } from '@kot/domain';
import type { CombinedError } from 'urql';

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'NOT_FOUND'
  | 'NOT_CAUGHT_UP'
  | 'RATE_LIMITED'
  | 'NETWORK'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL';

export interface ApiProblem {
  code: ErrorCode;
  reason: Text;
  fields: Array<{ field: string; reason: Text }>;
}

const networkProblem = text(
  'De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.',
  'The server cannot be reached. Check the connection and try again.',
);

const reasonByCode: Record<ErrorCode, Text> = {
  UNAUTHENTICATED: text(
    'U bent niet (meer) ingelogd. Log opnieuw in.',
    'You are not signed in (any more). Please sign in again.',
  ),
  FORBIDDEN: text('Dit mag u niet doen.', 'You may not do this.'),
  BAD_USER_INPUT: text('Niet alles is goed ingevuld.', 'Not everything is filled in correctly.'),
  CONFLICT: text(
    'Dit kan nu niet: de zaak is intussen gewijzigd. Laad de pagina opnieuw.',
    'This is not possible now: the case changed in the meantime. Reload the page.',
  ),
  NOT_FOUND: text(
    'Niet gevonden, of u heeft er geen toegang toe.',
    'Not found, or you have no access to it.',
  ),
  NOT_CAUGHT_UP: text(
    'Uw wijziging is vastgelegd, maar de overzichten zijn nog niet bijgewerkt. Laad de pagina zo opnieuw.',
    'Your change is recorded, but the overviews are not up to date yet. Reload the page shortly.',
  ),
  RATE_LIMITED: text(
    'U heeft te veel verzoeken in korte tijd gestuurd. Wacht even en probeer het dan opnieuw.',
    'You sent too many requests in a short time. Wait a moment and try again.',
  ),
  NETWORK: networkProblem,
  SERVICE_UNAVAILABLE: text(
    'Het platform is nu niet bereikbaar. Probeer het over een paar minuten opnieuw.',
    'The platform cannot be reached right now. Please try again in a few minutes.',
  ),
  INTERNAL: text(
    'Er ging iets mis aan de kant van het platform. Probeer het opnieuw; blijft het misgaan, meld het dan aan de beheerder.',
    'Something went wrong on the platform. Please try again; if it keeps failing, tell the administrator.',
  ),
};

const knownCodes = Object.keys(reasonByCode) as ErrorCode[];

const codeOf = (raw: unknown): ErrorCode => {
  if (raw === 'INTERNAL_SERVER_ERROR') return 'INTERNAL';
  return knownCodes.includes(raw as ErrorCode) ? (raw as ErrorCode) : 'INTERNAL';
};

const isText = (value: unknown): value is Text =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Text).nl === 'string' &&
  typeof (value as Text).en === 'string';

export function problemOf(error: CombinedError): ApiProblem {
  if (error.networkError && error.graphQLErrors.length === 0) {
    return { code: 'NETWORK', reason: networkProblem, fields: [] };
  }
  const first = error.graphQLErrors[0];
  const extensions = (first?.extensions ?? {}) as Record<string, unknown>;
  const code = codeOf(extensions['code']);
  const reason = isText(extensions['reason']) ? extensions['reason'] : reasonByCode[code];
  const fields = Array.isArray(extensions['fields'])
    ? (extensions['fields'] as unknown[]).filter(
        (f): f is { field: string; reason: Text } =>
          typeof f === 'object' && f !== null && isText((f as { reason: unknown }).reason),
      )
    : [];
  return { code, reason, fields };
}

/** The problem's reason as the server sent it in a plain JSON answer (sign-in checks). */
export function problemOfBody(body: unknown, status: number): ApiProblem {
  const first = (body as { errors?: Array<{ extensions?: Record<string, unknown> }> } | null)
    ?.errors?.[0];
  const code = first
    ? codeOf(first.extensions?.['code'])
    : status === 401
      ? 'UNAUTHENTICATED'
      : 'INTERNAL';
  const reason = isText(first?.extensions?.['reason'])
    ? (first?.extensions?.['reason'] as Text)
    : reasonByCode[code];
  return { code, reason, fields: [] };
}
