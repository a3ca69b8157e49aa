// What the domain's rule functions return (nextStep, fundingCoverage, eligibility), as GraphQL types.
import { Field, Int, ObjectType } from 'type-graphql';
import { PartyType, TextType } from './common';
import { LocalDate } from './scalars';

@ObjectType()
export class StepDeadline {
  @Field(() => LocalDate)
  date!: string;
  @Field(() => TextType)
  description!: TextType;
}

@ObjectType({ description: 'The one next step of an open case: what, who, by when, escalation.' })
export class NextStep {
  @Field()
  action!: string;
  @Field(() => TextType)
  description!: TextType;
  @Field(() => PartyType)
  responsible!: PartyType;
  @Field(() => LocalDate)
  since!: string;
  @Field(() => LocalDate)
  due!: string;
  @Field()
  overdue!: boolean;
  @Field(() => Int)
  daysOverdue!: number;
  @Field(() => PartyType)
  escalateTo!: PartyType;
  @Field(() => StepDeadline, {
    nullable: true,
    description: 'A legal deadline beyond the service norm.',
  })
  deadline?: StepDeadline | null;
}

@ObjectType()
export class FundingPeriod {
  @Field(() => LocalDate)
  from!: string;
  @Field(() => LocalDate, { nullable: true, description: 'null: open-ended (KOT while it runs).' })
  to?: string | null;
}

@ObjectType()
export class FundingGap {
  @Field(() => LocalDate)
  from!: string;
  @Field(() => LocalDate)
  to!: string;
  @Field(() => Int)
  days!: number;
  @Field({ description: 'The officer accepted every day of this gap explicitly, with a reason.' })
  accepted!: boolean;
  @Field(() => String, {
    nullable: true,
    description:
      'The reason the officer gave when accepting the gap. Personal: PERSONAL view only.',
  })
  acceptedReason!: string | null;
}

@ObjectType({
  description:
    'A period without funding that the officer accepted, as recorded: also days still to come.',
})
export class AcceptedGap {
  @Field(() => LocalDate)
  from!: string;
  @Field(() => LocalDate, { nullable: true, description: 'null: until funding resumes.' })
  to!: string | null;
  @Field(() => LocalDate)
  acceptedOn!: string;
  @Field(() => String, { nullable: true, description: 'Personal: PERSONAL view only.' })
  reason!: string | null;
}

@ObjectType({ description: 'Whether the childcare is funded every day, by SMI or KOT.' })
export class FundingCoverage {
  @Field(() => LocalDate)
  today!: string;
  @Field(() => [FundingPeriod])
  smi!: FundingPeriod[];
  @Field(() => [FundingPeriod])
  kot!: FundingPeriod[];
  @Field()
  fundedToday!: boolean;
  @Field(() => LocalDate, { nullable: true })
  fundedUntil!: string | null;
  @Field(() => [FundingGap])
  gaps!: FundingGap[];
  @Field(() => [AcceptedGap])
  acceptedGaps!: AcceptedGap[];
  @Field(() => Int)
  gapDays!: number;
  @Field(() => Int)
  daysAtRisk!: number;
  @Field()
  atRisk!: boolean;
  @Field(() => LocalDate, { nullable: true })
  smiEndsOn!: string | null;
}

@ObjectType()
export class EligibilityCondition {
  @Field()
  code!: string;
  @Field(() => Boolean, { nullable: true, description: 'null: not known yet.' })
  met!: boolean | null;
  @Field(() => TextType)
  explanation!: TextType;
}

@ObjectType({
  description: 'The KOT verdict (yes/no/unknown) with the reason for every condition.',
})
export class Eligibility {
  @Field()
  verdict!: string;
  @Field(() => LocalDate)
  on!: string;
  @Field(() => [EligibilityCondition])
  conditions!: EligibilityCondition[];
  @Field(() => TextType, { nullable: true })
  alternative!: TextType | null;
  @Field(() => [TextType])
  notes!: TextType[];
}
