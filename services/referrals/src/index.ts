// @kot/referrals: the write side. Commands come in over GraphQL or REST, the domain decides, the
// events go to the store.

export {
  createReferralsService,
  type ReferralsService,
  type ReferralsServiceDeps,
} from './createReferralsService';
export {
  createCommandExecutor,
  type CommandExecutorDeps,
  type ExecuteCommand,
} from './commands/executeCommand';
export type { CommandOptions, CommandRequest } from './commands/commandRequest';
export type { CommandResult } from './commands/commandResult';
export { createCommandResolver, type CommandResolverClass } from './graphql/commandResolver';
export { buildReferralsSchema } from './graphql/buildReferralsSchema';
export {
  openApiText,
  publishedFiles,
  referralsContracts,
  type ReferralsContracts,
} from './contracts/publishedContracts';
export { openApiDocument, restApiVersion, apiVersionHeader } from './rest/openApiDocument';
