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
    fetchOptions: () => ({ headers: { authorization: `Bearer ${currentToken()}` } }),
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      if (response.status === 401) onUnauthenticated();
      return response;
    },
  });
}
