// The last line of defence against personal data in logs. Services log ids, types and outcomes,
// never payloads; this removes whatever slips through anyway: values under keys that hold personal
// data or secrets (at any depth) and anything that looks like a BSN inside any string.

import { CommandRefused, excerpt } from '@kot/domain';

export const REDACTED = '[redacted]';

/** Keys whose values are personal data, free text about a family, secrets or whole payloads. */
export const personalKeys: readonly string[] = [
  'bsn',
  'name',
  'firstName',
  'lastName',
  'birthDate',
  'household',
  'partners',
  'children',
  'reference',
  'reason',
  'explanation',
  'grounds',
  'note',
  'acceptGapReason',
  'address',
  'email',
  'phone',
  'data',
  'body',
  'payload',
  'command',
  'input',
  'variables',
  'authorization',
  'cookie',
  'password',
  'secret',
  'token',
];
const personalKeySet = new Set(personalKeys.map((key) => key.toLowerCase()));

// Any standalone run of nine digits: a BSN, a mistyped BSN or a BSN without its check digit.
const NINE_DIGITS = /(?<!\d)\d{9}(?!\d)/g;
const MAX_DEPTH = 8;
const MAX_ITEMS = 100;

export const scrubText = (text: string): string => text.replace(NINE_DIGITS, '[bsn]');

/** The most characters of one logged value (stack traces excepted): a flood of input stays short. */
export const maxLoggedText = 200;

export function scrubPersonalData(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return excerpt(scrubText(value), maxLoggedText);
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (value instanceof Error) return describeErrorSafely(value);
  if (Array.isArray(value)) {
    return value.slice(0, MAX_ITEMS).map((item) => scrubPersonalData(item, depth + 1));
  }
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[excerpt(key, maxLoggedText)] = personalKeySet.has(key.toLowerCase())
      ? REDACTED
      : scrubPersonalData(item, depth + 1);
  }
  return copy;
}

export const safeErrorMessage = (error: Error): string =>
  error instanceof CommandRefused ? `command refused (${error.kind})` : scrubText(error.message);

/** An error as a log may show it. A refusal's sentence can name people, so only its kind and fields. */
function describeErrorSafely(error: Error): Record<string, unknown> {
  if (error instanceof CommandRefused) {
    return { type: error.name, kind: error.kind, fields: error.fields.map((f) => f.field) };
  }
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    message: safeErrorMessage(error),
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    ...(error.stack ? { stack: scrubText(error.stack) } : {}),
  };
}
