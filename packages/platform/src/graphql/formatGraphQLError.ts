// Every GraphQL error leaves with a code a client can act on. Domain refusals, authentication and
// conflicts are described once (describeError) for GraphQL and REST alike; GraphQL's own parse and
// validation errors keep their standard codes; anything else becomes a generic internal error
// whose details stay in the log.

import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import { excerpt, text } from '@kot/domain';
import { describeError } from '../errors/describeError';
import { inputProblemOf } from './inputProblems';

const inputCodes: readonly unknown[] = ['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT'];

/** Long enough for any message graphql-js writes about a document of normal names. */
const maxMessageLength = 300;

export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  /** For the values of an enum a caller got wrong. */
  schema?: GraphQLSchema,
): GraphQLFormattedError {
  // Apollo wraps graphql-js errors, graphql-js wraps resolver errors: find the innermost one.
  const outermost = unwrapResolverError(error);
  let original = outermost;
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
    // Bad input found by graphql-js itself gets the field and the reason, as a refusal has them.
    const problem =
      inputCodes.includes(extensions['code']) && !extensions['fields']
        ? inputProblemOf(outermost instanceof GraphQLError ? outermost : original, schema)
        : null;
    if (problem) {
      extensions['fields'] = [problem];
      extensions['reason'] ??= text(
        `Controleer de invoer: ${problem.field}: ${problem.reason.nl}`,
        `Please check the input: ${problem.field}: ${problem.reason.en}`,
      );
    }
    // graphql-js repeats the whole value it refused ("got invalid value …"): say it in our words,
    // or keep its message short, so a large input is never sent back.
    const message = problem
      ? `Please check the input: ${problem.field}: ${problem.reason.en}`
      : excerpt(formatted.message, maxMessageLength);
    return { ...formatted, message, extensions };
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
