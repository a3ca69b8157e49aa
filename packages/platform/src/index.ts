// @kot/platform: what every service needs around the domain. Configuration from the environment,
// logs without personal data, bearer-token authentication, HTTP plumbing (health, readiness,
// metrics, problem documents, graceful shutdown) and the GraphQL server setup.

export * from './config/loadConfig';
export * from './config/embeddedSecrets';
export * from './eventStore/openProtectedEventStore';
export { DataDirectoryInUseError } from './eventStore/dataDirectoryLock';
export * from './logging/createLogger';
export { personalKeys, scrubPersonalData, scrubText } from './logging/scrubPersonalData';
export * from './auth/authenticationErrors';
export * from './auth/createAuthenticator';
export * from './auth/issueToken';
export { actorFromClaims, type ActorClaims } from './auth/actorFromClaims';
export * from './ids/newId';
export * from './ids/deterministicUuid';
export * from './ids/clientKeys';
export * from './errors/errorCodes';
export * from './errors/conflictError';
export * from './errors/describeError';
export * from './http/metrics';
export * from './http/requestContext';
export * from './http/problemDetails';
export * from './http/createHttpApp';
export * from './http/securityHeaders';
export { rateLimitMiddleware, limitedPaths } from './http/rateLimits';
export { bodyShapeProblem, maxBodyNesting, reservedKeys } from './http/bodyShape';
export * from './http/startHttpServer';
export * from './http/gracefulShutdown';
export * from './graphql/graphqlContext';
export * from './graphql/formatGraphQLError';
export { scalarExpectations } from './graphql/inputProblems';
export { idempotencyKeyHeader } from './graphql/oneMutationPerKey';
export * from './graphql/queryLimits';
export * from './graphql/createGraphQLMiddleware';
export * from './graphql/readAfterPosition';
export * from './graphql/publishedSchema';
export * from './tracing/spans';
