// Before a pasted token is accepted, the server checks it with one cheap authenticated query: the
// browser can read a token's claims but not its signature, and a forged or revoked token would
// otherwise look signed in until the first real request failed.
import { text, type Text } from '@kot/domain';
import { problemOfBody } from '../api/apiError';
import { graphqlPath } from '../api/createApiClient';

const checkQuery = 'query SignInCheck { worklist(first: 1) { pageInfo { hasNextPage } } }';

/** null when the server accepts the token, else why not in words. */
export async function serverRefusal(token: string): Promise<Text | null> {
  let response: Response;
  try {
    response = await fetch(graphqlPath, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({ query: checkQuery }),
    });
  } catch {
    return text(
      'De server is niet bereikbaar, dus het token kon niet worden gecontroleerd. Probeer het opnieuw.',
      'The server cannot be reached, so the token could not be checked. Please try again.',
    );
  }
  const body: unknown = await response.json().catch(() => null);
  const answered = (body as { data?: unknown } | null)?.data;
  if (response.ok && answered) return null;
  return problemOfBody(body, response.status).reason;
}
