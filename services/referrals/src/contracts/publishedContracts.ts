// What the referrals service publishes for its clients, built exactly as the running service
// builds it: the GraphQL schema (checked in as schema.graphql) and the REST intake's OpenAPI
// document (checked in as openapi.json). `npm run contracts` writes both files.

import type { GraphQLSchema } from 'graphql';
import { buildReferralsSchema } from '../graphql/buildReferralsSchema';
import { createCommandResolver } from '../graphql/commandResolver';
import { createSmiPolicyResolver } from '../policy/setSmiPolicy';
import { openApiDocument } from '../rest/openApiDocument';
import type { JsonSchema } from '../rest/jsonSchemaOf';

export const publishedFiles = { schema: 'schema.graphql', openApi: 'openapi.json' } as const;

export interface ReferralsContracts {
  schema: GraphQLSchema;
  openApi: JsonSchema;
}

export async function referralsContracts(): Promise<ReferralsContracts> {
  // The contract is the shape; nothing is executed while it is printed.
  const nothing = () => Promise.reject(new Error('no commands while printing contracts'));
  const schema = await buildReferralsSchema(
    createCommandResolver(nothing),
    createSmiPolicyResolver(nothing),
  );
  return { schema, openApi: openApiDocument(schema) };
}

/** openapi.json as checked in and served: two-space JSON with a final newline. */
export const openApiText = (document: JsonSchema): string =>
  `${JSON.stringify(document, null, 2)}\n`;
