// Every GraphQL error leaves with a code a client can act on. Domain refusals, authentication and
// conflicts are described once (describeError) for GraphQL and REST alike; GraphQL's own parse and
// validation errors keep their standard codes; anything else becomes a generic internal error
// whose details stay in the log.

import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import { describeError } from '../errors/describeError';

export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  // Apollo wraps graphql-js errors, graphql-js wraps resolver errors: find the innermost one.
  let original = unwrapResolverError(error);
  for (
    let depth = 0;
    depth < 5 && original instanceof GraphQLError && original.originalError;
    depth++
  ) {
    original = original.originalError;
  }
  if (original instanceof GraphQLError) {
    // From graphql-js, Apollo or a plugin (syntax, validation, variables, limits): already coded.
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const described = describeError(original);
  return {
    message: described.reason.en,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: {
      code: described.code,
      type: described.type,
      reason: described.reason,
      ...(described.fields.length > 0 ? { fields: described.fields } : {}),
    },
  };
}
