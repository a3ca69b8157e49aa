// One urql client per signed-in person. The token goes along with every request, read when the
// request leaves: signing in again (as the same person) swaps the token without a new client, so
// the pages, their answers and whatever was typed stay. A 401 (an expired or revoked token) first
// renews the token when the session can (a refresh token) and sends the request once more: the
// server refused it before doing anything, so nothing happens twice. When that is not possible
// the session is marked expired; the page then asks to sign in again instead of dropping the user.
import { Client, cacheExchange, fetchExchange } from 'urql';

/** The GraphQL endpoint: the same origin, where the all-in-one or the portal's server answers. */
export const graphqlPath = '/graphql';

/** The signed-in session's side of a request (see session.tsx). */
export interface AccessTokens {
  /** The token to send now, renewed first when it has run out. */
  current(): Promise<string>;
  /** A new token after the server refused the last one, or null when there is none. */
  renewed(): Promise<string | null>;
}

export function createApiClient(tokens: AccessTokens, onUnauthenticated: () => void): Client {
  return new Client({
    url: graphqlPath,
    exchanges: [cacheExchange, fetchExchange],
    requestPolicy: 'cache-and-network',
    preferGetMethod: false,
    fetch: async (input, init) => {
      const send = (token: string) => {
        const headers = new Headers(init?.headers);
        headers.set('authorization', `Bearer ${token}`);
        return fetch(input, { ...init, headers });
      };
      let response = await send(await tokens.current());
      if (response.status !== 401) return response;
      const renewed = await tokens.renewed();
      if (renewed) response = await send(renewed);
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
