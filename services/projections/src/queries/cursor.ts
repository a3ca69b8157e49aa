// Opaque cursors for keyset pagination: the sort key of the last row, base64url-encoded JSON.
// A cursor comes back from the client, so it is checked part by part against the key it must be
// (a tampered date would otherwise reach PostgreSQL's ::date cast and fail there).
import { isIsoDate } from '@kot/domain';

export type SortKey = ReadonlyArray<string | number | boolean | null>;

/** What each part of a sort key is: a calendar date, or a short text (an id, a kind). */
export type CursorPart = 'date' | 'text';

const MAX_TEXT_LENGTH = 200;

export const encodeCursor = (key: SortKey): string =>
  Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

/** null when the cursor is not one of ours (the caller answers BAD_USER_INPUT). */
export function decodeCursor(cursor: string, parts: readonly CursorPart[]): SortKey | null {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(key) || key.length !== parts.length) return null;
  const fits = parts.every((part, index) => {
    const value: unknown = key[index];
    if (typeof value !== 'string') return false;
    return part === 'date' ? isIsoDate(value) : value.length > 0 && value.length <= MAX_TEXT_LENGTH;
  });
  return fits ? (key as string[]) : null;
}
