// What went wrong, in the words the domain gave: every refusal comes with a Dutch and an English
// reason, and input problems name the field.
import { text, type Text } from '@kot/domain';
import type { CombinedError } from 'urql';

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'NOT_FOUND'
  | 'NETWORK'
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
  const code = (
    typeof extensions['code'] === 'string' ? extensions['code'] : 'INTERNAL'
  ) as ErrorCode;
  const reason = isText(extensions['reason'])
    ? extensions['reason']
    : text(first?.message ?? 'Er ging iets mis.', first?.message ?? 'Something went wrong.');
  const fields = Array.isArray(extensions['fields'])
    ? (extensions['fields'] as unknown[]).filter(
        (f): f is { field: string; reason: Text } =>
          typeof f === 'object' && f !== null && isText((f as { reason: unknown }).reason),
      )
    : [];
  return { code, reason, fields };
}
