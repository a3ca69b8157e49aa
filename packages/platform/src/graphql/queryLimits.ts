// Bounds on what one GraphQL operation may ask for: its size in tokens (checked while parsing, so
// a flood of fields, aliases or directives never becomes a syntax tree), nesting depth, aliases
// and directives (checked while validating, by graphql-armor's rules, which walk each fragment once
// and so stop at a fragment cycle that graphql-js then refuses), and estimated cost (checked once
// the operation and its variables are known). A field costs 1 plus
// what is selected below it; a paged list (a field with a `first` argument) costs its selection
// once per item asked for; a field that does real work declares its own cost with
// `extensions: { complexity }` (a number added to its selection, or a function), so that aliasing
// an expensive query a few hundred times is refused before anything runs.

import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import {
  fieldExtensionsEstimator,
  getComplexity,
  simpleEstimator,
  type ComplexityEstimator,
} from 'graphql-query-complexity';

export interface QueryLimits {
  maxDepth: number;
  maxComplexity: number;
  /** Aliased fields in one operation (fragments counted once); 30 unless given. */
  maxAliases?: number;
  /** Directives in one operation; 20 unless given. */
  maxDirectives?: number;
  /** Tokens in one document; 3000 unless given (the portal's largest document has about 400). */
  maxTokens?: number;
}

export const defaultQueryLimits: QueryLimits = { maxDepth: 10, maxComplexity: 5000 };
export const defaultShapeLimits = { maxAliases: 30, maxDirectives: 20, maxTokens: 3000 };

/**
 * The shape rules, run with graphql-js's own validation: a document over a limit is refused with
 * GRAPHQL_VALIDATION_FAILED (400) before the cost is estimated or any resolver runs.
 */
export function queryShapeRules(limits: QueryLimits): ValidationRule[] {
  // Reported as validation errors instead of thrown: a thrown error would end validation early.
  const report = (words: string) => (context: ValidationContext | null, error: GraphQLError) => {
    context?.reportError(
      new GraphQLError(`${words} ${error.message.replace(/^Syntax Error: /, '')}`),
    );
  };
  const common = { exposeLimits: true, propagateOnRejection: false };
  return [
    maxDepthRule({
      ...common,
      n: limits.maxDepth,
      onReject: [report('The operation is nested too deeply.')],
    }),
    maxAliasesRule({
      ...common,
      n: limits.maxAliases ?? defaultShapeLimits.maxAliases,
      // The package lets `__typename` be aliased without limit; a flood of it is still a flood.
      allowList: [],
      onReject: [report('The operation has too many aliases.')],
    }),
    maxDirectivesRule({
      ...common,
      n: limits.maxDirectives ?? defaultShapeLimits.maxDirectives,
      onReject: [report('The operation has too many directives.')],
    }),
  ] as ValidationRule[];
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
