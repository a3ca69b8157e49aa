// The municipality's SMI policy has a stream of its own (smi-policy-<code>), beside the cases: the
// team lead sets it, the event keeps who and when, and the read side hands it to the next steps.
// The same write path as a case in small: load, decide, append with the revision loaded.
import 'reflect-metadata';
import {
  CommandRefused,
  decideSmiPolicy,
  foldSmiPolicy,
  maySetSmiPolicy,
  refuse,
  smiPolicyStreamId,
  type Actor,
  type SetSmiPolicy,
  type SmiPolicy,
  type SmiPolicySet,
} from '@kot/domain';
import type { EventStore } from '@kot/eventstore';
import type { GraphQLContext } from '@kot/platform';
import { Arg, Ctx, Field, InputType, Int, Mutation, ObjectType, Resolver } from 'type-graphql';

export interface SmiPolicyDeps {
  store: EventStore;
  clock: () => Date;
  newId: () => string;
}

export type SetSmiPolicyCommand = (command: SetSmiPolicy, actor: Actor) => Promise<SmiPolicy>;

/** The policy recorded, and whether it is the municipality's first (the REST door answers 201). */
export type RecordSmiPolicyCommand = (
  command: SetSmiPolicy,
  actor: Actor,
) => Promise<{ policy: SmiPolicy; first: boolean }>;

export function createSetSmiPolicy(deps: SmiPolicyDeps): SetSmiPolicyCommand {
  const record = createRecordSmiPolicy(deps);
  return async (command, actor) => (await record(command, actor)).policy;
}

export function createRecordSmiPolicy(deps: SmiPolicyDeps): RecordSmiPolicyCommand {
  return async (command, actor) => {
    const permission = maySetSmiPolicy(actor, command.municipality);
    if (!permission.allowed) {
      throw refuse('forbidden', permission.reason.nl, permission.reason.en);
    }
    const streamId = smiPolicyStreamId(command.municipality);
    const stored = await deps.store.readStream(streamId);
    const current = foldSmiPolicy(
      command.municipality,
      stored.map(
        (event) =>
          ({ type: 'SmiPolicySet', schemaVersion: 1, data: event.data }) as unknown as SmiPolicySet,
      ),
    );
    const now = deps.clock().toISOString();
    const events = decideSmiPolicy(command, current, now);
    await deps.store.append(
      streamId,
      events.map((event) => ({
        eventId: deps.newId(),
        type: event.type,
        schemaVersion: event.schemaVersion,
        data: { ...event.data },
        metadata: {
          actor: { id: actor.id, role: actor.role, organisation: actor.organisation },
          occurredAt: now,
        },
      })),
      { expectedRevision: stored.length === 0 ? 'no_stream' : stored.length - 1 },
    );
    return { policy: foldSmiPolicy(command.municipality, events), first: stored.length === 0 };
  };
}

@InputType()
export class SetSmiPolicyInput {
  @Field(() => String, { description: 'CBS municipality code, e.g. GM0344.' })
  municipality!: string;
  @Field(() => Boolean, { description: 'Whether SMI may be granted for days already past.' })
  retroactive!: boolean;
  @Field(() => Int, { description: 'The longest an SMI grant runs, extensions included.' })
  maximumMonths!: number;
  @Field(() => Int, { description: 'How many days before SMI ends an extension must be asked.' })
  extensionLeadDays!: number;
}

@ObjectType('SmiPolicy', {
  description: "A municipality's SMI policy as the next steps follow it.",
})
export class SmiPolicyType {
  @Field(() => String)
  municipality!: string;
  @Field(() => Boolean)
  retroactive!: boolean;
  @Field(() => Int)
  maximumMonths!: number;
  @Field(() => Int)
  extensionLeadDays!: number;
}

export type SmiPolicyResolverClass = new () => object;

export function createSmiPolicyResolver(setPolicy: SetSmiPolicyCommand): SmiPolicyResolverClass {
  @Resolver()
  class SmiPolicyResolver {
    @Mutation(() => SmiPolicyType, {
      description:
        "SMI team lead: record the municipality's SMI policy (retroactive or not, maximum duration, lead time for an extension). Its own stream; the default applies until one is set.",
    })
    async setSmiPolicy(
      @Arg('input', () => SetSmiPolicyInput) input: SetSmiPolicyInput,
      @Ctx() context: GraphQLContext,
    ): Promise<SmiPolicy> {
      const actor = await context.actor();
      try {
        return await setPolicy({ type: 'SetSmiPolicy', ...input }, actor);
      } catch (error) {
        if (error instanceof CommandRefused && error.fields.length > 0) {
          throw new CommandRefused(
            error.kind,
            error.reason,
            error.fields.map((problem) => ({ ...problem, field: `input.${problem.field}` })),
          );
        }
        throw error;
      }
    }
  }
  return SmiPolicyResolver;
}
