// Apollo Server 5 on express 5 with the platform's context, error codes and query limits. Each
// service passes its schema; the launcher passes one schema built from several services' resolvers.

import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import type { RequestHandler } from 'express';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { Authenticator } from '../auth/createAuthenticator';
import { AuthenticationError } from '../auth/authenticationErrors';
import { bodyNotJson, describeError } from '../errors/describeError';
import type { GraphQLSettings } from '../config/loadConfig';
import { sendProblem } from '../http/problemDetails';
import { sandboxContentSecurityPolicy, setContentSecurityPolicy } from '../http/securityHeaders';
import { formatGraphQLError } from './formatGraphQLError';
import { graphqlContextOf, type GraphQLContext } from './graphqlContext';
import { oneMutationPerKeyPlugin } from './oneMutationPerKey';
import {
  complexityLimitPlugin,
  defaultShapeLimits,
  queryShapeRules,
  type QueryLimits,
} from './queryLimits';
import { readAfterPositionPlugin, type ReadAfterPosition } from './readAfterPosition';

export interface GraphQLMiddlewareOptions {
  schema: GraphQLSchema;
  authenticate: Authenticator;
  limits: QueryLimits;
  /** Where the middleware is mounted; /graphql by default. */
  path?: string;
  /**
   * Whether anyone may ask for the schema and open the sandbox (config.graphql). Both off when
   * left out, whatever NODE_ENV says: only the embedded demo turns them on.
   */
  exposure?: GraphQLExposure;
  /** Queries with X-Read-After-Position wait for these read models (see readAfterPosition.ts). */
  readAfter?: ReadAfterPosition;
}

export type GraphQLExposure = Pick<GraphQLSettings, 'introspection' | 'sandbox'>;

export interface GraphQLMiddleware {
  /** Mount with app.use(handler): it answers on `path` only. */
  handler: RequestHandler;
  stop(): Promise<void>;
}

export async function createGraphQLMiddleware(
  options: GraphQLMiddlewareOptions,
): Promise<GraphQLMiddleware> {
  const sandbox = options.exposure?.sandbox ?? false;
  const server = new ApolloServer<GraphQLContext>({
    schema: options.schema,
    introspection: options.exposure?.introspection ?? false,
    parseOptions: { maxTokens: options.limits.maxTokens ?? defaultShapeLimits.maxTokens },
    validationRules: queryShapeRules(options.limits),
    formatError: (formatted, error) => formatGraphQLError(formatted, error, options.schema),
    includeStacktraceInErrorResponses: false,
    // The service's own shutdown stops it, in order; Apollo's would re-raise the signal and exit.
    stopOnTerminationSignals: false,
    plugins: [
      complexityLimitPlugin(options.limits.maxComplexity),
      oneMutationPerKeyPlugin(),
      errorReportingPlugin(),
      ...(options.readAfter ? [readAfterPositionPlugin(options.readAfter)] : []),
      sandbox
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
        : ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await server.start();
  const graphql = expressMiddleware(server, {
    context: async ({ req, res }) => graphqlContextOf(req, res, options.authenticate),
  });
  const path = options.path ?? '/graphql';
  const handler: RequestHandler = (req, res, next) => {
    if (req.path !== path) return next();
    // Apollo answers 500 to a POST whose body the JSON parser left alone (text/plain, a form).
    if (req.method === 'POST' && req.body === undefined)
      return sendProblem(req, res, bodyNotJson());
    // The sandbox page loads Apollo's scripts and frame; only its GET gets those allowances.
    if (sandbox && req.method === 'GET')
      setContentSecurityPolicy(res, sandboxContentSecurityPolicy);
    return graphql(req, res, next);
  };
  return { handler, stop: () => server.stop() };
}

/** Logs our own failures with the correlation id; answers 401 when the caller is not signed in. */
function errorReportingPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, response }) {
          let unauthenticated = false;
          for (const error of errors) {
            const original = error.originalError;
            // Parse and validation errors: the caller's; graphql-js gave them a code.
            if (!original || original instanceof GraphQLError) {
              const code = error.extensions['code'];
              contextValue.noteProblem({ code: typeof code === 'string' ? code : 'BAD_REQUEST' });
              continue;
            }
            if (original instanceof AuthenticationError) unauthenticated = true;
            const described = describeError(original);
            if (!described.expected) {
              contextValue.logger.error({ err: original, path: error.path }, 'resolver failed');
            } else {
              contextValue.noteProblem({
                code: described.code,
                fields: described.fields.map((problem) => problem.field),
              });
            }
          }
          if (unauthenticated) {
            response.http.status = 401;
            response.http.headers.set('www-authenticate', 'Bearer');
          }
        },
      };
    },
  };
}
