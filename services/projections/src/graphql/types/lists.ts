import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PageInfo, PartyType, TextType } from './common';
import { WorklistAudience } from './enums';
import { DateTime, LocalDate } from './scalars';

@ObjectType({
  description: 'How urgent a case is; lists are ordered by rank, then due date, then case age.',
})
export class UrgencyType {
  @Field(() => Int, { description: '0 first: UNFUNDED_TODAY, FUNDING_AT_RISK, OVERDUE, ON_TIME.' })
  rank!: number;
  @Field({ description: 'unfunded-today, funding-at-risk, overdue or on-time.' })
  kind!: string;
  @Field(() => TextType)
  reason!: TextType;
}

@ObjectType({ description: 'A next step on your list: yours to take, or escalated to you.' })
export class WorklistItem {
  @Field(() => ID)
  caseId!: string;
  @Field(() => WorklistAudience)
  audience!: WorklistAudience;
  @Field({ description: 'Addressed to you in person, not only to your organisation.' })
  mine!: boolean;
  @Field()
  municipality!: string;
  @Field()
  status!: string;
  @Field()
  action!: string;
  @Field(() => TextType)
  description!: TextType;
  @Field(() => PartyType)
  responsible!: PartyType;
  @Field(() => PartyType)
  escalateTo!: PartyType;
  @Field(() => LocalDate)
  since!: string;
  @Field(() => LocalDate)
  due!: string;
  @Field()
  overdue!: boolean;
  @Field(() => Int)
  daysOverdue!: number;
  @Field(() => LocalDate, { nullable: true })
  deadline!: string | null;
  @Field(() => UrgencyType, {
    description:
      'Why the item stands where it stands: no funding today, funding at risk, late, or on time (the order of the list).',
  })
  urgency!: UrgencyType;
  @Field(() => LocalDate, { description: 'The day the case was referred.' })
  openedOn!: string;
  @Field({ description: 'The short case number people read aloud (the same in every list).' })
  caseNumber!: string;
  @Field(() => String, {
    nullable: true,
    description: "The family's name, for readers who may see the case's personal data.",
  })
  familyName!: string | null;
}

@ObjectType()
export class WorklistPage {
  @Field(() => [WorklistItem])
  items!: WorklistItem[];
  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@InputType()
export class CaseFilterInput {
  @Field(() => String, { nullable: true, description: 'CBS code, GM followed by four digits.' })
  municipality?: string | null;
  @Field(() => String, { nullable: true })
  status?: string | null;
  @Field(() => String, { nullable: true })
  responsibleOrganisation?: string | null;
  @Field(() => Boolean, { nullable: true })
  overdue?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Any day without SMI or KOT so far.' })
  fundingGap?: boolean | null;
  @Field(() => Boolean, { nullable: true })
  atRisk?: boolean | null;
}

@ObjectType({ description: 'One case in a list; the figures are as of the last refresh (daily).' })
export class CaseListItem {
  @Field(() => ID)
  caseId!: string;
  @Field()
  viewLevel!: string;
  @Field()
  status!: string;
  @Field()
  municipality!: string;
  @Field(() => LocalDate, { nullable: true })
  referredOn!: string | null;
  @Field(() => String, { nullable: true })
  nextAction!: string | null;
  @Field(() => String, { nullable: true })
  responsibleOrganisation!: string | null;
  @Field(() => String, { nullable: true })
  responsibleRole!: string | null;
  @Field(() => String, { nullable: true })
  responsiblePerson!: string | null;
  @Field(() => LocalDate, { nullable: true })
  due!: string | null;
  @Field()
  overdue!: boolean;
  @Field(() => Int)
  daysOverdue!: number;
  @Field(() => String, { nullable: true })
  eligibilityVerdict!: string | null;
  @Field()
  fundedToday!: boolean;
  @Field(() => Int)
  gapDays!: number;
  @Field(() => Int)
  daysAtRisk!: number;
  @Field()
  atRisk!: boolean;
  @Field(() => LocalDate, { nullable: true })
  smiEndsOn!: string | null;
  @Field(() => DateTime)
  updatedAt!: string;
  @Field({ description: 'The short case number people read aloud (the same in every list).' })
  caseNumber!: string;
  @Field(() => String, {
    nullable: true,
    description: "The family's name, for readers who may see the case's personal data.",
  })
  familyName!: string | null;
}

@ObjectType()
export class CasePage {
  @Field(() => [CaseListItem])
  items!: CaseListItem[];
  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
