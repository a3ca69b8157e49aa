// REST intake for agency systems (CIZ, Toeslagen) that do not speak GraphQL:
// POST /commands/<CommandType> with the command as JSON (without `type`) and an Idempotency-Key.
// 201 for a new referral, 200 otherwise; errors as problem documents (400/401/403/404/409).
// The contract is GET /openapi.json, drawn from the same input types the bodies are checked against.

import { Router } from 'express';
import type { GraphQLSchema } from 'graphql';
import { isInputObjectType } from 'graphql';
import {
  CommandRefused,
  caseCommandTypes,
  opensCase,
  refuseInput,
  text,
  type CaseCommandType,
} from '@kot/domain';
import { requestContextOf, sendProblem, type Authenticator } from '@kot/platform';
import type { ExecuteCommand } from '../commands/executeCommand';
import { toCommand } from '../graphql/toCommand';
import { apiVersionHeader, openApiDocument, restApiVersion } from './openApiDocument';
import { readRestInput } from './readRestInput';
import type { RecordSmiPolicyCommand } from '../policy/setSmiPolicy';
import { addSmiPolicyRoute } from './smiPolicyRoute';

export interface CommandRoutesDeps {
  authenticate: Authenticator;
  execute: ExecuteCommand;
  /** The referrals schema: its input types are the contract for the JSON bodies too. */
  schema: GraphQLSchema;
  /** The municipality's SMI policy: POST /commands/SetSmiPolicy, beside the case commands. */
  setPolicy: RecordSmiPolicyCommand;
}

const isCommandType = (name: string): name is CaseCommandType =>
  (caseCommandTypes as readonly string[]).includes(name);

export function commandRoutes({
  authenticate,
  execute,
  schema,
  setPolicy,
}: CommandRoutesDeps): Router {
  const router = Router();
  const contract = JSON.stringify(openApiDocument(schema), null, 2);
  router.get('/openapi.json', (_req, res) => {
    // Public and readable from any origin, so API portals and validators can load it (API-51).
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader(apiVersionHeader, restApiVersion);
    res.type('application/json').send(contract);
  });
  addSmiPolicyRoute(router, { authenticate, setPolicy, schema, bodyOf: commandBody });
  router.post('/commands/:name', async (req, res) => {
    res.setHeader(apiVersionHeader, restApiVersion);
    try {
      const actor = await authenticate(req.get('Authorization'));
      const name = String(req.params['name']);
      if (!isCommandType(name)) throw unknownCommand(name);
      const inputType = schema.getType(`${name}Input`);
      if (!isInputObjectType(inputType)) throw new Error(`no input type for ${name}`);
      const body = commandBody(req.body, req.is('application/json') !== false, name);
      const problems = readRestInput(body, inputType);
      if (problems.length > 0) throw refuseInput(problems);
      const result = await execute(toCommand(name, body), actor, {
        commandId: req.get('Idempotency-Key') || undefined,
        correlationId: requestContextOf(res).correlationId,
      });
      res.status(opensCase(name) ? 201 : 200).json(result);
    } catch (error) {
      sendProblem(req, res, error);
    }
  });
  return router;
}

/** The body as the command's fields; a `type` equal to the URL's command is tolerated. */
function commandBody(body: unknown, isJson: boolean, name: string): Record<string, unknown> {
  if (!isJson || typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw refuseInput([
      {
        field: '(body)',
        reason: text(
          'stuur de velden van het commando als JSON-object (Content-Type: application/json)',
          "send the command's fields as a JSON object (Content-Type: application/json)",
        ),
      },
    ]);
  }
  const { type, ...fields } = body as Record<string, unknown>;
  if (type !== undefined && type !== name) {
    throw refuseInput([
      {
        field: 'type',
        reason: text(`hoort ${name} te zijn of weg te blijven`, `must be ${name} or left out`),
      },
    ]);
  }
  return fields;
}

function unknownCommand(name: string): CommandRefused {
  const known = caseCommandTypes.join(', ');
  return new CommandRefused(
    'not-found',
    text(
      `Onbekend commando ${name}. Bekend zijn: ${known}.`,
      `Unknown command ${name}. Known commands: ${known}.`,
    ),
  );
}
