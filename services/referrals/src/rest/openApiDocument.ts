// The REST intake's contract as OpenAPI 3.1, drawn from the referrals GraphQL schema: each
// command's body is its GraphQL input type (the one readRestInput checks bodies against), the
// answer is the CommandResult type, and every error is a problem document. Served at
// /openapi.json and checked in as services/referrals/openapi.json (`npm run contracts`).
//
// NL API Design Rules followed here: the document at /openapi.json (API-51), the full version in
// the `API-Version` response header (API-57), errors as RFC 9457 problem+json (API-46), every
// error documented with its problem types.

import { GraphQLNonNull, isInputObjectType, isObjectType, type GraphQLSchema } from 'graphql';
import { caseCommandTypes, opensCase, type CaseCommandType } from '@kot/domain';
import { correlationIdHeader, httpStatusOf, idempotencyKeyHeader } from '@kot/platform';
import { mutationNameOf } from '../graphql/commandInputs';
import { jsonSchemaOf, type JsonSchema, type SchemaComponents } from './jsonSchemaOf';

/** The intake's version: a major change would get a new path prefix beside this one. */
export const restApiVersion = '1.0.0';
export const apiVersionHeader = 'API-Version';

const problemJson = 'application/problem+json';

/** Every problem type an intake request can end in, per status, as the platform describes them. */
const problemsByStatus: Record<number, { summary: string; types: string[] }> = {
  400: {
    summary: 'The body is not a valid command: `errors` names each field, in Dutch and English.',
    types: ['invalid-input', 'invalid-json'],
  },
  401: {
    summary: 'No token, or one that is not valid or has expired; the reason says which.',
    types: ['token-missing', 'token-invalid', 'token-expired'],
  },
  403: {
    summary: 'The actor may see the case but may not take this step; the reason says why.',
    types: ['forbidden'],
  },
  404: {
    summary:
      'The case does not exist or the actor may not see it (the same words for both), or the command is unknown.',
    types: ['not-found'],
  },
  409: {
    summary:
      "Not possible in the case's current state, concurrent writes outlasted the retries, or the Idempotency-Key was used for a different request.",
    types: ['wrong-state', 'concurrent-update', 'command-id-reused'],
  },
  413: { summary: 'The body is larger than the service accepts.', types: ['body-too-large'] },
  415: { summary: 'The body is not UTF-8.', types: ['unsupported-encoding'] },
  500: {
    summary: 'Our failure; safe to send again with the same Idempotency-Key.',
    types: ['internal'],
  },
  503: {
    summary: 'Sign-in cannot be checked right now; send again shortly.',
    types: ['authentication-unavailable'],
  },
};

export function openApiDocument(schema: GraphQLSchema): JsonSchema {
  const components: SchemaComponents = new Map();
  const result = commandResultType(schema);
  const resultSchema = jsonSchemaOf(new GraphQLNonNull(result), components);
  const paths = Object.fromEntries([
    ...caseCommandTypes.map((name) => [
      `/commands/${name}`,
      { post: commandOperation(name, schema, components, resultSchema) },
    ]),
    ['/commands/SetSmiPolicy', { post: smiPolicyOperation(schema, components) }],
  ]);
  return {
    openapi: '3.1.0',
    info: {
      title: 'KOT referral platform: command intake',
      version: restApiVersion,
      description:
        'Agency systems (CIZ, Dienst Toeslagen, municipalities) send the steps of a referral case as commands. Each command is decided by the domain and recorded as events; nothing is stored when it is refused. Enum values are the domain\'s own ("route-to-work"). Personal data (BSN, names, birth dates) is stored encrypted.',
      contact: { name: 'KOT referral platform' },
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    tags: [{ name: 'commands', description: 'One operation per command of a referral case.' }],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'A JWT naming the actor (sub, role, organisation), from the identity provider or the platform.',
        },
      },
      headers: {
        [apiVersionHeader]: {
          description: 'The full version of this API.',
          schema: { type: 'string', example: restApiVersion },
        },
        [correlationIdHeader]: {
          description: "The request's correlation id: the one sent, or a new one.",
          schema: { type: 'string' },
        },
      },
      responses: problemResponses(),
      schemas: {
        ...Object.fromEntries([...components.entries()].sort(([a], [b]) => a.localeCompare(b))),
        Problem: problemSchema(),
      },
    },
  };
}

function commandResultType(schema: GraphQLSchema) {
  const type = schema.getType('CommandResult');
  if (!isObjectType(type)) throw new Error('the referrals schema has no CommandResult type');
  return type;
}

function commandOperation(
  name: CaseCommandType,
  schema: GraphQLSchema,
  components: SchemaComponents,
  resultSchema: JsonSchema,
): JsonSchema {
  const input = schema.getType(`${name}Input`);
  if (!isInputObjectType(input)) throw new Error(`no input type for ${name}`);
  const success = opensCase(name) ? '201' : '200';
  // The same words as the GraphQL mutation for this command.
  const mutation = schema.getMutationType()?.getFields()[mutationNameOf(name)];
  return {
    operationId: mutationNameOf(name),
    tags: ['commands'],
    summary: mutation?.description ?? name,
    description:
      "The command's fields as a JSON object. A `type` field, when sent, must equal the command's name. Send an Idempotency-Key to retry safely: a retry answers from the stored events and appends nothing.",
    parameters: [
      {
        name: idempotencyKeyHeader,
        in: 'header',
        required: false,
        description:
          'Your id for this request; a key that may hold a BSN is refused. Without it the platform picks one.',
        schema: { type: 'string' },
      },
      {
        name: correlationIdHeader,
        in: 'header',
        required: false,
        description: 'Stored with the events and returned in the answer.',
        schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,128}$' },
      },
    ],
    requestBody: {
      required: true,
      content: {
        'application/json': { schema: jsonSchemaOf(new GraphQLNonNull(input), components) },
      },
    },
    responses: {
      [success]: {
        description:
          success === '201'
            ? 'The referral is opened: the events recorded and the next step.'
            : 'The step is recorded: the events and the next step.',
        headers: standardHeaders,
        content: { 'application/json': { schema: resultSchema } },
      },
      ...Object.fromEntries(
        Object.keys(problemsByStatus).map((status) => [
          status,
          { $ref: `#/components/responses/${problemResponseName(status)}` },
        ]),
      ),
    },
  };
}

/** The municipality's SMI policy: its own stream, the same input type as the mutation. */
function smiPolicyOperation(schema: GraphQLSchema, components: SchemaComponents): JsonSchema {
  const input = schema.getType('SetSmiPolicyInput');
  const policy = schema.getType('SmiPolicy');
  if (!isInputObjectType(input) || !isObjectType(policy))
    throw new Error('the referrals schema has no SMI policy types');
  const policySchema = jsonSchemaOf(new GraphQLNonNull(policy), components);
  const answer = (description: string) => ({
    description,
    headers: standardHeaders,
    content: { 'application/json': { schema: policySchema } },
  });
  return {
    operationId: 'setSmiPolicy',
    tags: ['commands'],
    summary: schema.getMutationType()?.getFields()['setSmiPolicy']?.description ?? 'SetSmiPolicy',
    description:
      "The policy's fields as a JSON object. Only the SMI team lead of the municipality named may record it; setting the policy already in force is refused (409).",
    requestBody: {
      required: true,
      content: {
        'application/json': { schema: jsonSchemaOf(new GraphQLNonNull(input), components) },
      },
    },
    responses: {
      '201': answer("The municipality's first policy is recorded; the default no longer applies."),
      '200': answer('The changed policy is recorded.'),
      ...Object.fromEntries(
        Object.keys(problemsByStatus)
          .filter((status) => status !== '404')
          .map((status) => [
            status,
            { $ref: `#/components/responses/${problemResponseName(status)}` },
          ]),
      ),
    },
  };
}

const problemResponseName = (status: string) => `Problem${status}`;

const standardHeaders = {
  [apiVersionHeader]: { $ref: `#/components/headers/${apiVersionHeader}` },
  [correlationIdHeader]: { $ref: `#/components/headers/${correlationIdHeader}` },
};

/** One response per error status, shared by every operation. */
function problemResponses(): JsonSchema {
  return Object.fromEntries(
    Object.entries(problemsByStatus).map(([status, { summary, types }]) => [
      problemResponseName(status),
      {
        description: `${summary} Problem types: ${types.map((type) => `urn:kot:problem:${type}`).join(', ')}.`,
        headers: standardHeaders,
        content: { [problemJson]: { schema: { $ref: '#/components/schemas/Problem' } } },
      },
    ]),
  );
}

function problemSchema(): JsonSchema {
  const text = {
    type: 'object',
    description: 'A sentence in Dutch and English.',
    properties: { nl: { type: 'string' }, en: { type: 'string' } },
    required: ['nl', 'en'],
  };
  return {
    type: 'object',
    description: 'RFC 9457 problem details, with a code and a reason in Dutch and English.',
    properties: {
      type: { type: 'string', format: 'uri', examples: ['urn:kot:problem:invalid-input'] },
      title: { type: 'string' },
      status: { type: 'integer' },
      detail: { type: 'string', description: 'The reason in English.' },
      code: { type: 'string', enum: Object.keys(httpStatusOf) },
      reason: text,
      errors: {
        type: 'array',
        description: 'Per field: where (a path such as household.partners[0].bsn) and why.',
        items: {
          type: 'object',
          properties: { field: { type: 'string' }, reason: text },
          required: ['field', 'reason'],
        },
      },
      instance: { type: 'string' },
      correlationId: { type: 'string' },
    },
    required: ['type', 'title', 'status', 'detail', 'code', 'reason', 'errors'],
  };
}
