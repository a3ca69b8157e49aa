// The one place this service imports the platform package from (authentication, logging,
// metrics, HTTP and GraphQL plumbing), so a change there is a change here only.
export type {
  Authenticator,
  GraphQLContext,
  Logger,
  Metrics,
  ReadinessReport,
  QueryLimits,
  GraphQLExposure,
} from '@kot/platform';
export {
  batchSpanOptions,
  createGraphQLMiddleware,
  defaultQueryLimits,
  defaultReadAfterTimeoutMs,
  inSpan,
  traceparentOf,
} from '@kot/platform';
