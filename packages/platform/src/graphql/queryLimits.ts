// Bounds on what one GraphQL operation may ask for: nesting depth (checked while validating) and
// estimated cost (checked once the operation and its variables are known). Fields can declare
// their cost with `extensions: { complexity: n }`; every other field costs 1.

import type { ApolloServerPlugin } from '@apollo/server';
import depthLimit from 'graphql-depth-limit';
import { GraphQLError, type ValidationRule } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

export interface QueryLimits {
  maxDepth: number;
  maxComplexity: number;
}

export function depthLimitRule(maxDepth: number): ValidationRule {
  // The package's types were written for graphql 14; the rule itself works with 16.
  return depthLimit(maxDepth) as unknown as ValidationRule;
}

export function complexityLimitPlugin(maxComplexity: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const complexity = getComplexity({
            schema,
            query: document,
            operationName: request.operationName ?? undefined,
            variables: request.variables ?? {},
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
          if (complexity > maxComplexity) {
            throw new GraphQLError(
              `The operation is too complex (${complexity}; at most ${maxComplexity}). Ask for fewer fields or fewer items.`,
              { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
