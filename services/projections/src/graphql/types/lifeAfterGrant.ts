// What happens to a case after the referral: changes of circumstances and whether Toeslagen heard
// of them, corrections of a recorded fact, the yearly settlements, and the SMI policy followed.
import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDate } from './scalars';

@ObjectType({
  description: "A change of the family's circumstances (the child's data is in the history).",
})
export class HouseholdChangeView {
  @Field()
  changeId!: string;
  @Field()
  changeKind!: string;
  @Field(() => LocalDate)
  effectiveFrom!: string;
  @Field(() => LocalDate)
  recordedOn!: string;
  @Field(() => String, { nullable: true })
  partnerId!: string | null;
  @Field(() => String, { nullable: true })
  workStatus!: string | null;
  @Field(() => String, { nullable: true })
  childId!: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'Passed to Dienst Toeslagen on.' })
  passedOn!: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'Processed by Dienst Toeslagen on.' })
  processedOn!: string | null;
}

@ObjectType({ description: 'A recorded fact corrected: which partner holds the Wlz-indication.' })
export class CorrectionView {
  @Field()
  partnerId!: string;
  @Field(() => String, { nullable: true })
  previousPartnerId!: string | null;
  @Field(() => LocalDate)
  correctedOn!: string;
  @Field(() => LocalDate, {
    nullable: true,
    description: 'CIZ confirmed the corrected partner on.',
  })
  checkedOn!: string | null;
}

@ObjectType({ description: "The definitive settlement (vaststelling) of a year's KOT." })
export class SettlementView {
  @Field(() => Int)
  year!: number;
  @Field()
  outcome!: string;
  @Field(() => Int)
  amountCents!: number;
  @Field(() => LocalDate)
  settledOn!: string;
}

@ObjectType({
  description:
    'KOT paid on circumstances that changed without Toeslagen knowing: it may be reclaimed after the year.',
})
export class ReclaimRiskView {
  @Field(() => LocalDate)
  since!: string;
  @Field(() => [String])
  changeIds!: string[];
}

@ObjectType({ description: "The municipality's SMI policy the next step follows." })
export class SmiPolicyView {
  @Field()
  retroactive!: boolean;
  @Field(() => Int)
  maximumMonths!: number;
  @Field(() => Int)
  extensionLeadDays!: number;
  @Field({ description: 'False while the municipality recorded none: the default applies.' })
  recorded!: boolean;
}
