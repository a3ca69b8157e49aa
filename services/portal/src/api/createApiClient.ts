// One urql client per signed-in person. The token goes along with every request, read when the
// request leaves: signing in again (as the same person) swaps the token without a new client, so
// the pages, their answers and whatever was typed stay. A 401 (an expired or revoked token) marks
// the session expired; the page then asks to sign in again instead of dropping the user.
import { Client, cacheExchange, fetchExchange } from 'urql';

/** The GraphQL endpoint: the same origin, where the all-in-one or the portal's server answers. */
export const graphqlPath = '/graphql';

export function createApiClient(currentToken: () => string, onUnauthenticated: () => void): Client {
  return new Client({
    url: graphqlPath,
    exchanges: [cacheExchange, fetchExchange],
    requestPolicy: 'cache-and-network',
    preferGetMethod: false,
    fetch: async (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('authorization', `Bearer ${currentToken()}`);
      const response = await fetch(input, { ...init, headers });
      if (response.status === 401) onUnauthenticated();
      return response;
    },
  });
}

/**
 * Sent with the log position a command answered: the server holds the query until its read models
 * show that command (or answers NOT_CAUGHT_UP after its bound).
 */
export const readAfterPositionHeader = 'X-Read-After-Position';
