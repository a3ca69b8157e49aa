// The portal as the one GraphQL entry in distributed mode. The browser sends every operation to
// /graphql; writes live on referrals, reads on projections, the inbox and webhooks on
// notifications. Each operation goes, whole, to the service that owns its root fields: a field a
// table below names goes to its service, any other query field to projections and any other
// mutation field to referrals (every command is a mutation there). An operation that mixes
// services is refused with words, never half-run. test/e2e/gateway.e2e.test.ts checks these
// tables against the three services' real schemas, field by field.
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { answerUnavailable } from './serviceUnavailable';
import {
  Kind,
  parse,
  print,
  separateOperations,
  type DocumentNode,
  type SelectionSetNode,
} from 'graphql';

export type Upstream = 'referrals' | 'projections' | 'notifications';
export type GraphqlRoutes = Record<Upstream, URL>;

const owners: Record<'query' | 'mutation', Record<string, Upstream>> = {
  query: {
    referralsService: 'referrals',
    inbox: 'notifications',
    webhookSubscriptions: 'notifications',
    deadLetters: 'notifications',
    notificationRecipients: 'notifications',
  },
  mutation: {
    rebuildProjections: 'projections',
    markNotificationRead: 'notifications',
    createWebhookSubscription: 'notifications',
    deleteWebhookSubscription: 'notifications',
    retryDeadLetter: 'notifications',
    setNotificationRecipient: 'notifications',
    removeNotificationRecipient: 'notifications',
  },
};
const otherwise: Record<'query' | 'mutation', Upstream> = {
  query: 'projections',
  mutation: 'referrals',
};

const variables: Record<Upstream, string> = {
  referrals: 'REFERRALS_GRAPHQL_URL',
  projections: 'PROJECTIONS_GRAPHQL_URL',
  notifications: 'NOTIFICATIONS_GRAPHQL_URL',
};

/** The three services' GraphQL URLs, all or none (none: everything goes to GRAPHQL_URL). */
export function readGraphqlRoutes(env: NodeJS.ProcessEnv): {
  routes: GraphqlRoutes | null;
  problems: string[];
} {
  const given = Object.entries(variables).filter(([, name]) => env[name]);
  if (given.length === 0) return { routes: null, problems: [] };
  const problems: string[] = [];
  const routes: Partial<GraphqlRoutes> = {};
  for (const [upstream, name] of Object.entries(variables) as Array<[Upstream, string]>) {
    const value = env[name];
    if (!value) {
      problems.push(`${name}: required with ${given.map(([, other]) => other).join(', ')}`);
      continue;
    }
    try {
      routes[upstream] = new URL(value);
    } catch {
      problems.push(`${name}: not a URL (${value})`);
    }
  }
  return problems.length > 0
    ? { routes: null, problems }
    : { routes: routes as GraphqlRoutes, problems: [] };
}

/**
 * Where an operation goes; `query` is the document to send instead when it held several
 * operations (each service validates the whole document it gets, so it gets only the chosen one
 * and the fragments that one uses).
 */
export type RouteDecision = { upstream: Upstream; query?: string } | { refused: string };

/**
 * The service an operation belongs to. A document that cannot be read, or whose operation cannot
 * be chosen, goes to the query default: that service's GraphQL answers with the exact error.
 */
export function upstreamOf(query: string, operationName: string | null): RouteDecision {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch {
    return { upstream: otherwise.query };
  }
  const operations = document.definitions.filter(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName
    ? operations.find((candidate) => candidate.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation || operation.operation === 'subscription') return { upstream: otherwise.query };
  const type = operation.operation;
  const fragments = new Map(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition]] : [],
    ),
  );
  const fields = new Set<string>();
  const seen = new Set<string>();
  const collect = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) fields.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) collect(fragment.selectionSet);
      }
    }
  };
  collect(operation.selectionSet);
  const wanted = new Set(
    [...fields]
      .filter((field) => !field.startsWith('__'))
      .map((field) => owners[type][field] ?? otherwise[type]),
  );
  if (wanted.size > 1) {
    const services = [...wanted].sort().join(', ');
    return {
      refused:
        `Deze vraag combineert velden van meer diensten (${services}); stuur ze als aparte vragen. ` +
        `This request combines fields of several services (${services}); send them as separate requests.`,
    };
  }
  const upstream = [...wanted][0] ?? otherwise[type];
  if (operations.length === 1 || !operation.name) return { upstream };
  const alone = separateOperations(document)[operation.name.value];
  return alone ? { upstream, query: print(alone) } : { upstream };
}

const MAX_BODY_BYTES = 1024 * 1024;

const answer = (res: ServerResponse, status: number, message: string, code: string) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
};

/** Reads the operation, picks its service, and forwards the request there unchanged. */
export function routeGraphql(routes: GraphqlRoutes, req: IncomingMessage, res: ServerResponse) {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) tooLarge = true;
    else chunks.push(chunk);
  });
  req.on('error', () => answer(res, 400, 'The request could not be read.', 'BAD_REQUEST'));
  req.on('end', () => {
    if (tooLarge) return answer(res, 413, 'The request is too large.', 'BAD_REQUEST');
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://portal.invalid');
    let query = url.searchParams.get('query') ?? '';
    let operationName = url.searchParams.get('operationName');
    let json: Record<string, unknown> | null = null;
    if (body.length > 0) {
      try {
        json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
        if (typeof json['query'] === 'string') query = json['query'];
        operationName = typeof json['operationName'] === 'string' ? json['operationName'] : null;
      } catch {
        // Not JSON: the service answers that in its own words.
      }
    }
    const decision = upstreamOf(query, operationName);
    if ('refused' in decision) return answer(res, 400, decision.refused, 'BAD_USER_INPUT');
    const target = new URL(routes[decision.upstream]);
    const forwarded = new URLSearchParams(url.search);
    let sent = body;
    if (decision.query !== undefined) {
      if (json) sent = Buffer.from(JSON.stringify({ ...json, query: decision.query }), 'utf8');
      else forwarded.set('query', decision.query);
    }
    target.search = forwarded.toString();
    forward(decision.upstream, target, req, sent, res);
  });
}

function forward(
  upstreamName: Upstream,
  target: URL,
  req: IncomingMessage,
  body: Buffer,
  res: ServerResponse,
) {
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const headers = { ...req.headers, host: target.host, 'content-length': String(body.length) };
  delete headers['transfer-encoding'];
  const upstream = send(target, { method: req.method, headers }, (reply) => {
    res.writeHead(reply.statusCode ?? 502, reply.headers);
    reply.pipe(res);
  });
  upstream.on('error', () => answerUnavailable(res, upstreamName));
  upstream.end(body);
}
