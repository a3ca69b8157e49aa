// The parts commands are made of: households, children, childcare, mandates, parties.
import 'reflect-metadata';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, InputType, Int } from 'type-graphql';
import {
  CareTypeEnum,
  CompositionEnum,
  MandateTypeEnum,
  RoleEnum,
  StatedIndicationKindEnum,
  WorkStatusEnum,
} from './domainEnums';

@InputType({ description: 'An organisation, a role in it, and the person when known.' })
export class PartyInput {
  @Field(() => String, {
    description: 'Municipality code (GM….), CIZ, DienstToeslagen or an organisation id.',
  })
  organisation!: string;
  @Field(() => RoleEnum)
  role!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Leave out to offer to anyone with this role in the organisation.',
  })
  personId?: string;
  @Field(() => String, { nullable: true })
  name?: string;
}

@InputType({
  description: 'Machtiging, bewind or volmacht: what lets a supporter act for the household.',
})
export class MandateInput {
  @Field(() => MandateTypeEnum)
  type!: string;
  @Field(() => [String], {
    nullable: true,
    description:
      'For a DigiD-machtiging or volmacht: the partners who each gave it. For a court measure: the partners the court placed under it.',
  })
  partnerIds?: string[];
  @Field(() => [String], {
    nullable: true,
    description:
      'Beside a court measure that names only some partners: the other partners who consented to the application.',
  })
  consentOf?: string[];
  @Field(() => GraphQLLocalDate)
  validFrom!: string;
  @Field(() => GraphQLLocalDate, { nullable: true })
  validUntil?: string;
  @Field(() => String, {
    nullable: true,
    description:
      "The court's reference (required for a court measure) or the mandate's reference (personal data, stored encrypted).",
  })
  reference?: string;
}

@InputType({ description: 'A Wlz-indication as the referrer knows it.' })
export class WlzIndicationInput {
  @Field(() => StatedIndicationKindEnum)
  kind!: string;
  @Field(() => GraphQLLocalDate, { nullable: true })
  validFrom?: string;
  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Leave out for an indication without end date.',
  })
  validTo?: string;
}

@InputType({ description: 'A parent. Name, BSN and birth date are stored encrypted.' })
export class PartnerInput {
  @Field(() => String, { description: 'Your own id for this partner within the case, e.g. p1.' })
  partnerId!: string;
  @Field(() => String)
  name!: string;
  @Field(() => String, { description: 'Nine digits, passing the 11-proof.' })
  bsn!: string;
  @Field(() => GraphQLLocalDate)
  birthDate!: string;
  @Field(() => WlzIndicationInput, {
    nullable: true,
    description: 'Leave out (or null) when this partner has no Wlz-indication.',
  })
  wlzIndication?: WlzIndicationInput | null;
  @Field(() => WorkStatusEnum)
  workStatus!: string;
}

@InputType()
export class HouseholdInput {
  @Field(() => CompositionEnum)
  composition!: string;
  @Field(() => [PartnerInput])
  partners!: PartnerInput[];
}

@InputType({ description: 'Paid childcare registered in the LRK.' })
export class ChildcareInput {
  @Field(() => String, {
    description: 'Registration number in the Landelijk Register Kinderopvang.',
  })
  lrkNumber!: string;
  @Field(() => CareTypeEnum)
  careType!: string;
  @Field(() => Int)
  hoursPerMonth!: number;
  @Field(() => Int, { description: 'Hourly rate in euro cents.' })
  hourlyRateCents!: number;
}

@InputType({ description: 'A child. Name, BSN and birth date are stored encrypted.' })
export class ChildInput {
  @Field(() => String)
  childId!: string;
  @Field(() => String)
  name!: string;
  @Field(() => String)
  bsn!: string;
  @Field(() => GraphQLLocalDate)
  birthDate!: string;
  @Field(() => Boolean)
  livesAtHome!: boolean;
  @Field(() => ChildcareInput, {
    nullable: true,
    description: 'Leave out (or null) when there is no registered childcare yet.',
  })
  childcare?: ChildcareInput | null;
}

@InputType({ description: 'The SMI period the municipality granted (always with an end date).' })
export class SmiPeriodInput {
  @Field(() => GraphQLLocalDate)
  from!: string;
  @Field(() => GraphQLLocalDate)
  to!: string;
}
