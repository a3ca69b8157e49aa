// Bounds on what one GraphQL operation may ask for: nesting depth (checked while validating) and
// estimated cost (checked once the operation and its variables are known). A field costs 1 plus
// what is selected below it; a paged list (a field with a `first` argument) costs its selection
// once per item asked for; a field that does real work declares its own cost with
// `extensions: { complexity }` (a number added to its selection, or a function), so that aliasing
// an expensive query a few hundred times is refused before anything runs.

import type { ApolloServerPlugin } from '@apollo/server';
import depthLimit from 'graphql-depth-limit';
import { GraphQLError, type ValidationRule } from 'graphql';
import {
  fieldExtensionsEstimator,
  getComplexity,
  simpleEstimator,
  type ComplexityEstimator,
} from 'graphql-query-complexity';

export interface QueryLimits {
  maxDepth: number;
  maxComplexity: number;
}

export const defaultQueryLimits: QueryLimits = { maxDepth: 10, maxComplexity: 5000 };

export function depthLimitRule(maxDepth: number): ValidationRule {
  // The package's types were written for graphql 14; the rule itself works with 16.
  return depthLimit(maxDepth) as unknown as ValidationRule;
}

/**
 * A page of `first` items costs its selection `first` times (page info included: a small
 * overestimate, kept for simplicity). A declared number is added once, for the query itself.
 */
export const pagedListEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!field.args.some((argument) => argument.name === 'first')) return undefined;
  const first = typeof args['first'] === 'number' && args['first'] > 0 ? args['first'] : 1;
  const own = field.extensions?.['complexity'];
  return (typeof own === 'number' ? own : 1) + first * childComplexity;
};

/** The estimated cost of one operation of a document, with the platform's estimators. */
export function operationComplexity(
  options: Omit<Parameters<typeof getComplexity>[0], 'estimators'>,
): number {
  return getComplexity({
    ...options,
    estimators: [
      pagedListEstimator,
      fieldExtensionsEstimator(),
      simpleEstimator({ defaultComplexity: 1 }),
    ],
  });
}

export function complexityLimitPlugin(maxComplexity: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let complexity: number;
          try {
            complexity = operationComplexity({
              schema,
              query: document,
              operationName: request.operationName ?? undefined,
              variables: request.variables ?? {},
            });
          } catch {
            // Variables that do not fit their types: the operation will not run at all, and
            // graphql-js refuses it next with BAD_USER_INPUT naming the field.
            return;
          }
          if (complexity > maxComplexity) {
            throw new GraphQLError(
              `The operation is too complex (${complexity}; at most ${maxComplexity}). Ask for fewer fields or fewer items.`,
              {
                extensions: {
                  code: 'BAD_USER_INPUT',
                  reason: {
                    nl: `De vraag is te omvangrijk (${complexity}; hoogstens ${maxComplexity}). Vraag minder velden of minder items.`,
                    en: `The operation is too complex (${complexity}; at most ${maxComplexity}). Ask for fewer fields or fewer items.`,
                  },
                  http: { status: 400 },
                },
              },
            );
          }
        },
      };
    },
  };
}
