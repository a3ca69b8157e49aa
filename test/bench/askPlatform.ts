// The two doors the load scripts use, as users and agency systems do: a GraphQL query with a
// bearer token, and a command posted to the REST intake.
//
// Over node:http with kept-alive connections rather than fetch: the generator shares the two
// cores with the platform and its database, and fetch cost it about a core at 500 requests/s.
import { Agent, request } from 'node:http';

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

interface Answer {
  status: number;
  body: string;
}

function post(url: string, path: string, headers: Record<string, string>, body: string) {
  return new Promise<Answer>((resolve, reject) => {
    const sent = request(
      `${url}${path}`,
      {
        method: 'POST',
        agent,
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
        );
        response.on('error', reject);
      },
    );
    sent.on('error', reject);
    sent.end(body);
  });
}

export async function graphql<Data>(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Data> {
  const answer = await post(
    url,
    '/graphql',
    { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    JSON.stringify({ query, variables }),
  );
  const body = JSON.parse(answer.body) as { data?: Data; errors?: unknown[] };
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
  const answer = await post(
    url,
    `/commands/${type}`,
    {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'idempotency-key': idempotencyKey,
    },
    JSON.stringify(body),
  );
  if (answer.status >= 300) throw new Error(`${type} refused: ${answer.status} ${answer.body}`);
  return JSON.parse(answer.body) as CommandAnswer;
}
