import { Field, Float, Int, ObjectType } from 'type-graphql';
import { CountByKey } from './common';

@ObjectType({ description: 'Median calendar days between the first occurrences of the steps.' })
export class MedianDays {
  @Field(() => Float, { nullable: true })
  referralToClaim!: number | null;
  @Field(() => Float, { nullable: true })
  claimToRequest!: number | null;
  @Field(() => Float, { nullable: true })
  requestToApplication!: number | null;
  @Field(() => Float, { nullable: true })
  applicationToDecision!: number | null;
  @Field(() => Float, { nullable: true })
  referralToDecision!: number | null;
}

@ObjectType({ description: 'Counts for the whole process, for one municipality or all.' })
export class ProcessReport {
  @Field(() => String, { nullable: true })
  municipality!: string | null;
  @Field(() => Int)
  referred!: number;
  @Field(() => [CountByKey], { description: 'Cases by eligibility verdict (yes, no, unknown).' })
  eligibility!: CountByKey[];
  @Field(() => Int)
  claimed!: number;
  @Field(() => Int)
  requested!: number;
  @Field(() => Int)
  applied!: number;
  @Field(() => Int)
  decided!: number;
  @Field(() => Int)
  granted!: number;
  @Field(() => Int, { description: 'First decisions that were rejections.' })
  rejected!: number;
  @Field(() => [CountByKey])
  rejectedByReason!: CountByKey[];
  @Field(() => Int)
  openCases!: number;
  @Field(() => Int)
  overdueSteps!: number;
  @Field(() => Int, { description: 'Open cases whose childcare is not funded today.' })
  openGaps!: number;
  @Field(() => Int)
  casesWithGaps!: number;
  @Field(() => Int)
  casesWithUnacceptedGaps!: number;
  @Field(() => Int)
  atRisk!: number;
  @Field(() => MedianDays)
  medianDays!: MedianDays;
}
