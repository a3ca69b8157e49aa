// The SMI policy through the REST intake: POST /commands/SetSmiPolicy with the policy as JSON,
// checked against the same GraphQL input type as the `setSmiPolicy` mutation and decided by the
// same command. 201 when the municipality's first policy is recorded, 200 for a change; refusals
// as problem documents, nothing appended.

import type { Router } from 'express';
import { isInputObjectType, type GraphQLSchema } from 'graphql';
import { refuseInput, type SetSmiPolicy } from '@kot/domain';
import { sendProblem, type Authenticator } from '@kot/platform';
import type { RecordSmiPolicyCommand } from '../policy/setSmiPolicy';
import { apiVersionHeader, restApiVersion } from './openApiDocument';
import { readRestInput } from './readRestInput';

export const smiPolicyCommand = 'SetSmiPolicy' as const;

export interface SmiPolicyRouteDeps {
  authenticate: Authenticator;
  setPolicy: RecordSmiPolicyCommand;
  schema: GraphQLSchema;
  /** The body as the command's fields, refused when it is no JSON object. */
  bodyOf: (body: unknown, isJson: boolean, name: string) => Record<string, unknown>;
}

export function addSmiPolicyRoute(router: Router, deps: SmiPolicyRouteDeps): void {
  const inputType = deps.schema.getType(`${smiPolicyCommand}Input`);
  if (!isInputObjectType(inputType)) throw new Error(`no input type for ${smiPolicyCommand}`);
  router.post(`/commands/${smiPolicyCommand}`, async (req, res) => {
    res.setHeader(apiVersionHeader, restApiVersion);
    try {
      const actor = await deps.authenticate(req.get('Authorization'));
      const body = deps.bodyOf(req.body, req.is('application/json') !== false, smiPolicyCommand);
      const problems = readRestInput(body, inputType);
      if (problems.length > 0) throw refuseInput(problems);
      // readRestInput checked every field's JSON type against SetSmiPolicyInput.
      const fields = body as unknown as Omit<SetSmiPolicy, 'type'>;
      const { policy, first } = await deps.setPolicy({ type: smiPolicyCommand, ...fields }, actor);
      res.status(first ? 201 : 200).json(policy);
    } catch (error) {
      sendProblem(req, res, error);
    }
  });
}
