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

/** The log position of the newest command this client sent: its later reads wait for it. */
const newestWrites = new WeakMap<Client, { position: number }>();

/**
 * Remembers that this client's user wrote up to `position`: every later query carries it in
 * X-Read-After-Position, so no page shown after the user's own step shows the state before it,
 * whichever page asks (the case page opened right after a referral, a list after a step).
 */
export function rememberWrite(client: Client, position: number): void {
  const newest = newestWrites.get(client);
  if (newest && position > newest.position) newest.position = position;
}

export function createApiClient(tokens: AccessTokens, onUnauthenticated: () => void): Client {
  const newest = { position: 0 };
  const client = new Client({
    url: graphqlPath,
    exchanges: [cacheExchange, fetchExchange],
    requestPolicy: 'cache-and-network',
    preferGetMethod: false,
    fetch: async (input, init) => {
      const send = (token: string) => {
        const headers = new Headers(init?.headers);
        headers.set('authorization', `Bearer ${token}`);
        if (newest.position > 0 && !headers.has(readAfterPositionHeader)) {
          headers.set(readAfterPositionHeader, String(newest.position));
        }
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
  newestWrites.set(client, newest);
  return client;
}

/**
 * Sent with the log position a command answered: the server holds the query until its read models
 * show that command (or answers NOT_CAUGHT_UP after its bound).
 */
export const readAfterPositionHeader = 'X-Read-After-Position';
