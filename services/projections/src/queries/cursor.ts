// Opaque cursors for keyset pagination: the sort key of the last row, base64url-encoded JSON.

export type SortKey = ReadonlyArray<string | number | boolean | null>;

export const encodeCursor = (key: SortKey): string =>
  Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

/** null when the cursor is not one of ours (the caller answers BAD_USER_INPUT). */
export function decodeCursor(cursor: string, length: number): SortKey | null {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(key) || key.length !== length) return null;
    if (
      !key.every((part) => part === null || ['string', 'number', 'boolean'].includes(typeof part))
    ) {
      return null;
    }
    return key as SortKey;
  } catch {
    return null;
  }
}
