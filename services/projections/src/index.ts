// @kot/projections: the read side. Checkpointed subscribers keep the read models (case summary,
// worklist, deadlines, history) beside the events; GraphQL answers from them, and from the log
// itself for personal data and `caseAsOf`.
export {
  createProjectionsService,
  type ProjectionsService,
  type ProjectionsServiceDeps,
} from './service/createProjectionsService';
export { replayProjections, type ReplayDeps } from './service/replayProjections';
export {
  startProjections,
  EVENTS_BEHIND_CAP,
  type ProjectionLag,
  type ProjectionsRuntimeDeps,
  type ProjectionsRuntimeOptions,
  type RunningProjections,
} from './generations/startProjections';
export type { RebuildResult } from './generations/rebuildProjection';
export {
  buildProjectionsSchema,
  projectionsResolverContainer,
  projectionsResolverClasses,
} from './graphql/buildProjectionsSchema';
export type { ReadSide } from './graphql/readSide';
export { projections, caseSummaryProjection, caseHistoryProjection } from './projections';
export { projectionsSchemaForPublication, publishedSchemaFile } from './contracts/publishedSchema';
