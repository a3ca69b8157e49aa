// The SMI policy of the caller's own municipality, for its SMI team (the team lead's policy page):
// what is in force, and who set it when; the default while none was recorded.
import { Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { isMunicipalityCode, text } from '@kot/domain';
import type { GraphQLContext } from '../../platformPort';
import { smiPolicyOf } from '../../views/smiPolicyOf';
import type { ReadSide } from '../readSide';
import { forbidden } from '../refusals';
import { DateTime } from '../types/scalars';

@ObjectType({ description: 'Who recorded the policy in force.' })
export class PolicySetter {
  @Field()
  id!: string;
  @Field()
  role!: string;
}

@ObjectType({ description: "A municipality's SMI policy in force, with who set it and when." })
export class MunicipalSmiPolicy {
  @Field()
  municipality!: string;
  @Field()
  retroactive!: boolean;
  @Field(() => Int)
  maximumMonths!: number;
  @Field(() => Int)
  extensionLeadDays!: number;
  @Field({ description: 'False while the municipality recorded none: the default applies.' })
  recorded!: boolean;
  @Field(() => PolicySetter, { nullable: true })
  setBy?: PolicySetter | null;
  @Field(() => DateTime, { nullable: true })
  setAt?: string | null;
}

@Resolver()
export class SmiPolicyResolver {
  constructor(private readonly readSide: ReadSide) {}

  @Query(() => MunicipalSmiPolicy, {
    description: "The SMI policy of the caller's own municipality (its SMI team's staff only).",
  })
  async mySmiPolicy(@Ctx() ctx: GraphQLContext): Promise<MunicipalSmiPolicy> {
    const actor = await ctx.actor();
    if (!isMunicipalityCode(actor.organisation))
      throw forbidden(
        text(
          'Alleen medewerkers van een gemeente zien het SMI-beleid van hun gemeente.',
          "Only a municipality's staff see their municipality's SMI policy.",
        ),
      );
    const found = await smiPolicyOf(this.readSide.store, actor.organisation);
    return {
      ...found.policy,
      recorded: found.recorded,
      setBy: found.setBy ?? null,
      setAt: found.setAt ?? null,
    };
  }
}
