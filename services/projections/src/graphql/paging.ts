import { decodeCursor, type CursorPart, type SortKey } from '../queries/cursor';
import { badInput } from './refusals';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export function pageRequest(
  first: number,
  after: string | null | undefined,
  keyParts: readonly CursorPart[],
): { first: number; after: SortKey | null } {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput('first', `kies 1 tot en met ${MAX_PAGE_SIZE}`, `choose 1 to ${MAX_PAGE_SIZE}`);
  }
  if (after === null || after === undefined || after === '') return { first, after: null };
  const key = decodeCursor(after, keyParts);
  if (!key) {
    throw badInput(
      'after',
      'gebruik de endCursor van de vorige pagina',
      "use the previous page's endCursor",
    );
  }
  return { first, after: key };
}
