// Talking to the platform the way its users' portals and agency systems do: GraphQL at /graphql and
// the REST intake at /commands/<CommandType>, each with a bearer token. Nothing here reaches into
// the process: even "wait until the read models show it" is asked over GraphQL, with the position
// a command answered in the X-Read-After-Position header.
import type { CaseCommandType, Text } from '@kot/domain';
import { readAfterPositionHeader } from '@kot/platform';
import type { DemoUserKey, PlatformUnderTest } from './platformUnderTest';

/** A demo user, someone with a token of their own, or nobody signed in. */
export type Caller = DemoUserKey | { token: string } | null;

export interface GraphQLErrorAnswer {
  message: string;
  extensions?: { code?: string; fields?: Array<{ field: string; reason: Text }> };
}

export interface GraphQLAnswer<Data> {
  status: number;
  data: Data | null;
  errors: GraphQLErrorAnswer[];
}

/** What a mutation (or the REST intake) answers after a command. */
export interface CommandAnswer {
  caseId: string;
  commandId: string;
  revision: number;
  position: number;
  events: Array<{ eventId: string; type: string; revision: number }>;
  status: string;
  nextStep: {
    action: string;
    due: string;
    responsible: { organisation: string; role: string };
  } | null;
}

export interface RestAnswer {
  status: number;
  headers: Headers;
  body: Record<string, unknown> & {
    code?: string;
    errors?: Array<{ field: string; reason: Text }>;
  };
}

export interface WorklistEntry {
  caseId: string;
  audience: string;
  action: string;
  due: string;
}

export interface HistoryEntry {
  type: string;
  revision: number;
  commandId: string | null;
  actor: { id: string; role: string; organisation: string };
  occurredAt: string;
  recordedAt: string;
  /** Set on the delivery records of the case's notifications, which arrive on their own time. */
  notification: { channel: string } | null;
}

const commandResultFields = `caseId commandId revision position events { eventId type revision }
  status nextStep { action due responsible { organisation role } }`;

/** Command names are the mutation names with a capital: ClaimCase -> claimCase. */
const mutationNameOf = (type: CaseCommandType) => `${type.charAt(0).toLowerCase()}${type.slice(1)}`;

const MAX_WORKLIST_PAGES = 20;

export type OverHttp = ReturnType<typeof overHttp>;

export function overHttp(platform: PlatformUnderTest) {
  const tokenOf = (caller: Caller): string | null =>
    caller === null ? null : typeof caller === 'string' ? platform.tokens[caller] : caller.token;

  async function query<Data>(
    caller: Caller,
    document: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<GraphQLAnswer<Data>> {
    const token = tokenOf(caller);
    const response = await fetch(`${platform.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query: document, variables }),
    });
    const body = (await response.json()) as { data?: Data | null; errors?: GraphQLErrorAnswer[] };
    return { status: response.status, data: body.data ?? null, errors: body.errors ?? [] };
  }

  /** A command through its mutation, answered as it comes (refusals included). */
  function command(
    caller: Caller,
    type: CaseCommandType,
    input: Record<string, unknown>,
    options: { commandId?: string; idempotencyKey?: string } = {},
  ): Promise<GraphQLAnswer<{ result: CommandAnswer }>> {
    const document = `mutation Send($input: ${type}Input!, $commandId: String) {
      result: ${mutationNameOf(type)}(input: $input, commandId: $commandId) { ${commandResultFields} }
    }`;
    return query(
      caller,
      document,
      { input, commandId: options.commandId ?? null },
      options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {},
    );
  }

  /** A command through the REST intake, as an agency system sends it. */
  async function post(
    caller: Caller,
    type: CaseCommandType | string,
    body: Record<string, unknown> | string,
    idempotencyKey?: string,
    headers: Record<string, string> = {},
  ): Promise<RestAnswer> {
    const token = tokenOf(caller);
    const response = await fetch(`${platform.url}/commands/${type}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        ...headers,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as RestAnswer['body'],
    };
  }

  /**
   * Resolves once every read model has handled the event at `position`: one query that the
   * platform holds until its read models have caught up (X-Read-After-Position), bounded by the
   * platform's own wait, which answers NOT_CAUGHT_UP when it is passed.
   */
  async function untilProjected(position: number): Promise<void> {
    const answer = await query<{ projectionStatus: unknown[] }>(
      'auditor',
      '{ projectionStatus { position } }',
      {},
      { [readAfterPositionHeader]: String(position) },
    );
    if (!answer.data) {
      throw new Error(
        `the read models did not reach position ${position}: ${JSON.stringify(answer.errors)}`,
      );
    }
  }

  /**
   * A step that must succeed: over GraphQL (or REST, for agency systems), then wait until the read
   * models show it. A refusal fails the test with the platform's own words.
   */
  async function carryOut(
    caller: Caller,
    type: CaseCommandType,
    input: Record<string, unknown>,
    over: 'graphql' | 'rest' = 'graphql',
  ): Promise<CommandAnswer> {
    let result: CommandAnswer;
    if (over === 'rest') {
      const answer = await post(caller, type, input);
      if (answer.status >= 300) {
        throw new Error(`${type} was refused: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
      result = answer.body as unknown as CommandAnswer;
    } else {
      const answer = await command(caller, type, input);
      if (!answer.data?.result) {
        throw new Error(`${type} was refused: ${JSON.stringify(answer.errors)}`);
      }
      result = answer.data.result;
    }
    await untilProjected(result.position);
    return result;
  }

  /** Every entry of the caller's worklist (their organisation's scope), page after page. */
  async function worklist(caller: Caller): Promise<WorklistEntry[]> {
    const entries: WorklistEntry[] = [];
    let after: string | null = null;
    for (let page = 0; page < MAX_WORKLIST_PAGES; page++) {
      const answer: GraphQLAnswer<{
        worklist: {
          items: WorklistEntry[];
          pageInfo: { endCursor: string | null; hasNextPage: boolean };
        };
      }> = await query(
        caller,
        `query Work($after: String) { worklist(first: 100, after: $after) {
           items { caseId audience action due } pageInfo { endCursor hasNextPage } } }`,
        { after },
      );
      if (!answer.data) throw new Error(`worklist refused: ${JSON.stringify(answer.errors)}`);
      entries.push(...answer.data.worklist.items);
      if (!answer.data.worklist.pageInfo.hasNextPage) return entries;
      after = answer.data.worklist.pageInfo.endCursor;
    }
    throw new Error(`worklist longer than ${MAX_WORKLIST_PAGES} pages`);
  }

  /** The case's history as the auditor sees it (from the read model), deliveries included. */
  async function history(caseId: string): Promise<HistoryEntry[]> {
    const answer = await query<{ caseHistory: HistoryEntry[] }>(
      'auditor',
      `query History($id: ID!) { caseHistory(id: $id) {
         type revision commandId actor { id role organisation } occurredAt recordedAt
         notification { channel } } }`,
      { id: caseId },
    );
    if (!answer.data) throw new Error(`caseHistory refused: ${JSON.stringify(answer.errors)}`);
    return answer.data.caseHistory;
  }

  /** Events in the case's stream, counted by the integrity check straight from the log. */
  async function eventsInLog(caseId: string): Promise<number> {
    const answer = await query<{ verifyIntegrity: { valid: boolean; eventCount: number } }>(
      'auditor',
      'query Check($id: ID!) { verifyIntegrity(id: $id) { valid eventCount } }',
      { id: caseId },
    );
    // A case that never existed: neither in the log nor in the read models.
    if (refusalOf(answer).code === 'NOT_FOUND') return 0;
    if (!answer.data) throw new Error(`verifyIntegrity refused: ${JSON.stringify(answer.errors)}`);
    return answer.data.verifyIntegrity.eventCount;
  }

  return { query, command, post, carryOut, untilProjected, worklist, history, eventsInLog };
}

/** The code of the first GraphQL error, and the fields it names. */
export const refusalOf = (answer: GraphQLAnswer<unknown>) => ({
  code: answer.errors[0]?.extensions?.code,
  fields: answer.errors[0]?.extensions?.fields?.map((f) => f.field) ?? [],
});
