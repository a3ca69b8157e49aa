// One mutation per domain command, generated from `commandInputs` so none can be forgotten:
// each takes its input and an optional commandId (or the Idempotency-Key header) and answers
// with a CommandResult. The resolver only translates; the executor and the domain do the work.
import 'reflect-metadata';
import { CommandRefused, caseCommandTypes, type CaseCommandType } from '@kot/domain';
import type { GraphQLContext } from '@kot/platform';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { ExecuteCommand } from '../commands/executeCommand';
import type { CommandResult } from '../commands/commandResult';
import { commandInputs, mutationNameOf } from './commandInputs';
import { CommandResultType } from './commandResultType';
import { toCommand } from './toCommand';

export type CommandResolverClass = new () => object;

export function createCommandResolver(execute: ExecuteCommand): CommandResolverClass {
  @Resolver()
  class CommandResolver {}

  for (const type of caseCommandTypes) defineMutation(CommandResolver, type, execute);
  return CommandResolver;
}

function defineMutation(
  resolver: CommandResolverClass,
  type: CaseCommandType,
  execute: ExecuteCommand,
): void {
  const { inputType, description } = commandInputs[type];
  const name = mutationNameOf(type);
  const prototype = resolver.prototype as Record<string, unknown>;
  async function mutation(
    input: object,
    commandId: string | null | undefined,
    context: GraphQLContext,
  ): Promise<CommandResult> {
    const actor = await context.actor();
    try {
      return await execute(toCommand(type, input), actor, {
        commandId: commandId ?? context.idempotencyKey,
        correlationId: context.correlationId,
      });
    } catch (error) {
      throw error instanceof CommandRefused ? pathsFromArguments(error) : error;
    }
  }
  prototype[name] = mutation;
  // What the decorator syntax would do for `@Mutation() name(@Arg() input, @Arg() commandId, @Ctx() ctx)`.
  Arg('input', () => inputType)(prototype, name, 0);
  Arg('commandId', () => String, {
    nullable: true,
    description: 'Idempotency key; the Idempotency-Key header is used when left out.',
  })(prototype, name, 1);
  Ctx()(prototype, name, 2);
  const descriptor = Object.getOwnPropertyDescriptor(prototype, name) as PropertyDescriptor;
  Mutation(() => CommandResultType, { description })(prototype, name, descriptor);
}

/** Fields the executor checks that are not inside the input: an argument and a header. */
const outsideInput = ['commandId', 'correlationId'];

/**
 * The domain names fields from the command (`household.partners[1].bsn`); a GraphQL caller sent
 * them inside the `input` argument, so they are named from there, as graphql-js names its own.
 */
function pathsFromArguments(refusal: CommandRefused): CommandRefused {
  if (refusal.fields.length === 0) return refusal;
  const fields = refusal.fields.map((problem) =>
    outsideInput.includes(problem.field)
      ? problem
      : { ...problem, field: `input.${problem.field}` },
  );
  return new CommandRefused(refusal.kind, refusal.reason, fields);
}
