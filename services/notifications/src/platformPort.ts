// The one place this service imports the platform package from (authentication, logging,
// metrics, HTTP and GraphQL plumbing), so a change there is a change here only.
export type {
  Authenticator,
  GraphQLContext,
  Logger as PlatformLogger,
  Metrics,
  QueryLimits,
  GraphQLExposure,
  ReadinessReport,
} from '@kot/platform';
export {
  SpanKind,
  activeTraceparent,
  batchSpanOptions,
  contextOfTraceparent,
  createGraphQLMiddleware,
  inSpan,
  traceparentOf,
} from '@kot/platform';
