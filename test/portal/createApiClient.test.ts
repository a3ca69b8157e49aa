// The portal's API client when the server refuses the token (401): it renews the token once and
// sends the request again (the server refused it before doing anything), and only when there is no
// renewal, or the renewed token is refused too, does it mark the session expired.
import type { Client } from '@urql/core';

// Loaded without its types: they bring urql's DOM library into this workspace's type check, which
// changes how Playwright types the page's elements in the other browser tests.
interface AccessTokens {
  current(): Promise<string>;
  renewed(): Promise<string | null>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createApiClient } = require('../../services/portal/src/api/createApiClient') as {
  createApiClient(tokens: AccessTokens, onUnauthenticated: () => void): Client;
};

const query = 'query Check { worklist(first: 1) { pageInfo { hasNextPage } } }';
const unauthenticated = () =>
  Response.json(
    { errors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED' } }] },
    { status: 401 },
  );
const answered = () => Response.json({ data: { worklist: { pageInfo: { hasNextPage: false } } } });

describe('the API client with a token the server refuses', () => {
  const realFetch = globalThis.fetch;
  let sent: string[] = [];
  let answers: Array<() => Response> = [];
  beforeEach(() => {
    sent = [];
    globalThis.fetch = async (_input, init) => {
      sent.push(new Headers(init?.headers).get('authorization') ?? '');
      return (answers.shift() ?? answered)();
    };
  });
  afterAll(() => {
    globalThis.fetch = realFetch;
  });

  const run = async (tokens: AccessTokens) => {
    let expired = 0;
    const client = createApiClient(tokens, () => {
      expired += 1;
    });
    const result = await client.query(query, {}, { requestPolicy: 'network-only' }).toPromise();
    return { result, expired };
  };

  it('renews the token and sends the request once more, without marking the session expired', async () => {
    answers = [unauthenticated, answered];
    const { result, expired } = await run({
      current: async () => 'old',
      renewed: async () => 'new',
    });
    expect(sent).toEqual(['Bearer old', 'Bearer new']);
    expect(result.data).toEqual({ worklist: { pageInfo: { hasNextPage: false } } });
    expect(expired).toBe(0);
  });

  it('marks the session expired when there is no renewal, and sends nothing more', async () => {
    answers = [unauthenticated];
    const { result, expired } = await run({
      current: async () => 'old',
      renewed: async () => null,
    });
    expect(sent).toEqual(['Bearer old']);
    expect(result.error?.graphQLErrors[0]?.extensions['code']).toBe('UNAUTHENTICATED');
    expect(expired).toBe(1);
  });

  it('marks the session expired when the renewed token is refused too, after one more try', async () => {
    answers = [unauthenticated, unauthenticated];
    const { expired } = await run({ current: async () => 'old', renewed: async () => 'new' });
    expect(sent).toEqual(['Bearer old', 'Bearer new']);
    expect(expired).toBe(1);
  });

  it('sends the token the session gives when the request leaves (renewed before, if it ran out)', async () => {
    answers = [answered];
    const { expired } = await run({
      current: async () => 'renewed-before-sending',
      renewed: async () => null,
    });
    expect(sent).toEqual(['Bearer renewed-before-sending']);
    expect(expired).toBe(0);
  });
});
