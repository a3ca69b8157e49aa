// The GraphQL schema this service publishes for its clients, built exactly as the running service
// builds it, and checked in as schema.graphql (`npm run contracts` writes it).

import type { GraphQLSchema } from 'graphql';
import { buildProjectionsSchema } from '../graphql/buildProjectionsSchema';

export const publishedSchemaFile = 'schema.graphql';

export function projectionsSchemaForPublication(): Promise<GraphQLSchema> {
  // The contract is the shape; no resolver is asked for while it is printed.
  return buildProjectionsSchema({
    get: () => {
      throw new Error('no resolvers while printing the schema');
    },
  });
}
