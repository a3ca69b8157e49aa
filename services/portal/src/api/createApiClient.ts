// One urql client per signed-in user: the token goes along with every request, and a 401 (an
// expired or revoked token) signs the user out instead of leaving pages half broken.
import { Client, cacheExchange, fetchExchange } from 'urql';

/** The GraphQL endpoint: the same origin, where the all-in-one or the portal's server answers. */
export const graphqlPath = '/graphql';

export function createApiClient(token: string, onUnauthenticated: () => void): Client {
  return new Client({
    url: graphqlPath,
    exchanges: [cacheExchange, fetchExchange],
    requestPolicy: 'cache-and-network',
    preferGetMethod: false,
    fetchOptions: () => ({ headers: { authorization: `Bearer ${token}` } }),
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      if (response.status === 401) onUnauthenticated();
      return response;
    },
  });
}
