// A service's GraphQL schema is published as a checked-in `schema.graphql`: clients build against
// that file, so a test compares it with the schema the service serves and names every change that
// would break a client (graphql-js's findBreakingChanges), before anyone regenerates the file.

import {
  buildSchema,
  findBreakingChanges,
  findDangerousChanges,
  lexicographicSortSchema,
  printSchema,
  type GraphQLSchema,
} from 'graphql';

/** The schema as published: sorted, so the file does not change with the order of resolvers. */
export const publishedSchemaText = (schema: GraphQLSchema): string =>
  `${printSchema(lexicographicSortSchema(schema))}\n`;

export interface SchemaComparison {
  /** The served schema prints exactly as the published file. */
  same: boolean;
  /** Changes that break a client built against the published file (a removed field, …). */
  breaking: string[];
  /** Changes that may change a client's behaviour (a new enum value, …). */
  dangerous: string[];
}

export function compareWithPublished(published: string, served: GraphQLSchema): SchemaComparison {
  const before = buildSchema(published);
  const describe = (change: { type: string; description: string }) =>
    `${change.type}: ${change.description}`;
  return {
    same: publishedSchemaText(served) === published,
    breaking: findBreakingChanges(before, served).map(describe),
    dangerous: findDangerousChanges(before, served).map(describe),
  };
}
