// The two doors the load scripts use, as users and agency systems do: a GraphQL query with a
// bearer token, and a command posted to the REST intake.

export async function graphql<Data>(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Data> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Data; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(`GraphQL refused: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** What the REST intake answers about a command that was carried out. */
export interface CommandAnswer {
  revision: number;
  /** The log position of the command's last event: send it as X-Read-After-Position. */
  position: number;
}

export async function postCommand(
  url: string,
  token: string,
  command: { type: string } & Record<string, unknown>,
  idempotencyKey: string,
): Promise<CommandAnswer> {
  const { type, ...body } = command;
  const response = await fetch(`${url}/commands/${type}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'idempotency-key': idempotencyKey,
    },
    body: JSON.stringify(body),
  });
  if (response.status >= 300) {
    throw new Error(`${type} refused: ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as CommandAnswer;
}
