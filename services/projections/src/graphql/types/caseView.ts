// A case as a viewer may see it. Fields marked personal are null unless the view level is PERSONAL.
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PartyType } from './common';
import {
  CorrectionView,
  HouseholdChangeView,
  ReclaimRiskView,
  SettlementView,
  SmiPolicyView,
} from './lifeAfterGrant';
import { ViewLevel } from './enums';
import { UrgencyType } from './lists';
import { Eligibility, FundingCoverage, NextStep } from './ruleOutcomes';
import { DateTime, LocalDate } from './scalars';

@ObjectType()
export class WlzIndicationStated {
  @Field()
  kind!: string;
  @Field(() => LocalDate, { nullable: true })
  validFrom?: string | null;
  @Field(() => LocalDate, { nullable: true })
  validTo?: string | null;
}

@ObjectType()
export class Partner {
  @Field()
  partnerId!: string;
  @Field(() => String, { nullable: true, description: 'Personal.' })
  name!: string | null;
  @Field(() => String, { nullable: true, description: 'Personal.' })
  bsn!: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'Personal.' })
  birthDate!: string | null;
  @Field(() => WlzIndicationStated, { nullable: true })
  wlzIndication!: WlzIndicationStated | null;
  @Field()
  workStatus!: string;
}

@ObjectType()
export class Household {
  @Field()
  composition!: string;
  @Field(() => [Partner])
  partners!: Partner[];
}

@ObjectType()
export class Childcare {
  @Field()
  lrkNumber!: string;
  @Field()
  careType!: string;
  @Field(() => Int)
  hoursPerMonth!: number;
  @Field(() => Int)
  hourlyRateCents!: number;
}

@ObjectType()
export class Child {
  @Field()
  childId!: string;
  @Field(() => String, { nullable: true, description: 'Personal.' })
  name!: string | null;
  @Field(() => String, { nullable: true, description: 'Personal.' })
  bsn!: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'Personal.' })
  birthDate!: string | null;
  @Field()
  livesAtHome!: boolean;
  @Field(() => Childcare, { nullable: true })
  childcare!: Childcare | null;
}

@ObjectType({ description: 'A mandate (machtiging, bewind, volmacht) to act for the household.' })
export class Mandate {
  @Field()
  type!: string;
  @Field(() => [String], { nullable: true })
  partnerIds?: string[] | null;
  @Field(() => LocalDate)
  validFrom!: string;
  @Field(() => LocalDate, { nullable: true })
  validUntil?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Court ruling or mandate reference. Personal.',
  })
  reference?: string | null;
}

@ObjectType()
export class Offer {
  @Field(() => PartyType)
  to!: PartyType;
  @Field(() => LocalDate)
  offeredOn!: string;
}

@ObjectType()
export class Claim {
  @Field(() => PartyType)
  by!: PartyType;
  @Field(() => LocalDate)
  claimedOn!: string;
  @Field(() => Mandate)
  mandate!: Mandate;
}

@ObjectType()
export class ConfirmedIndication {
  @Field()
  partnerId!: string;
  @Field()
  kind!: string;
  @Field(() => LocalDate)
  validFrom!: string;
  @Field(() => LocalDate, { nullable: true })
  validTo?: string | null;
  @Field({
    description: "ciz: found in CIZ's data by Toeslagen; copy: shown by a copy of CIZ's decision.",
  })
  source!: string;
}

@ObjectType()
export class KotRequest {
  @Field()
  channel!: string;
  @Field(() => LocalDate)
  requestedOn!: string;
  @Field(() => LocalDate, { nullable: true })
  callbackExpectedOn?: string | null;
}

@ObjectType()
export class Application {
  @Field(() => LocalDate)
  submittedOn!: string;
  @Field(() => LocalDate)
  requestedStart!: string;
  @Field(() => LocalDate, { nullable: true })
  receivedOn?: string | null;
}

@ObjectType()
export class Decision {
  @Field()
  outcome!: string;
  @Field(() => LocalDate)
  decidedOn!: string;
  @Field(() => LocalDate, { nullable: true })
  grantedFrom?: string | null;
  @Field(() => String, { nullable: true })
  reason?: string | null;
  @Field(() => String, { nullable: true, description: 'Personal.' })
  explanation?: string | null;
}

@ObjectType()
export class Objection {
  @Field(() => LocalDate)
  filedOn!: string;
  @Field()
  against!: string;
  @Field(() => LocalDate, { nullable: true })
  decidedOn?: string | null;
  @Field(() => Boolean, { nullable: true })
  upheld?: boolean | null;
}

@ObjectType()
export class Closure {
  @Field(() => LocalDate)
  on!: string;
  @Field()
  outcome!: string;
  @Field(() => String, { nullable: true, description: 'Personal.' })
  note?: string | null;
}

@ObjectType({
  description:
    "The family's personal data was erased on this day, on this GDPR ground; the history says who.",
})
export class Erasure {
  @Field(() => LocalDate)
  on!: string;
  @Field({
    description:
      'request-of-data-subject, retention-period-ended, unlawfully-processed or legal-obligation',
  })
  ground!: string;
}

@ObjectType({
  description:
    'The last eligibility check someone recorded, as recorded; `eligibility` is what the rules say now.',
})
export class RecordedEligibilityCheck {
  @Field(() => LocalDate)
  checkedOn!: string;
  @Field({ description: 'yes, no or unknown' })
  verdict!: string;
  @Field(() => [String], { description: 'Codes of the conditions not met.' })
  unmet!: string[];
  @Field(() => [String], { description: 'Codes of the conditions not known.' })
  unknown!: string[];
}

@ObjectType({ description: 'A case with everything the rules say about it at `computedAt`.' })
export class CaseView {
  @Field(() => ID)
  id!: string;
  @Field(() => ViewLevel)
  viewLevel!: ViewLevel;
  @Field()
  status!: string;
  @Field(() => LocalDate, { nullable: true })
  statusSince!: string | null;
  @Field()
  municipality!: string;
  @Field(() => LocalDate, { nullable: true })
  referredOn!: string | null;
  @Field(() => PartyType, { nullable: true })
  referringOfficer!: PartyType | null;
  @Field(() => Offer, { nullable: true })
  offer!: Offer | null;
  @Field(() => Claim, { nullable: true })
  claim!: Claim | null;
  @Field(() => Household, { nullable: true })
  household!: Household | null;
  @Field(() => [Child])
  children!: Child[];
  @Field(() => ConfirmedIndication, { nullable: true })
  indication!: ConfirmedIndication | null;
  @Field(() => KotRequest, { nullable: true })
  request!: KotRequest | null;
  @Field(() => Application, { nullable: true })
  application!: Application | null;
  @Field(() => Decision, { nullable: true })
  decision!: Decision | null;
  @Field(() => Objection, { nullable: true })
  objection!: Objection | null;
  @Field(() => Closure, { nullable: true })
  closure!: Closure | null;
  @Field(() => Erasure, { nullable: true })
  erasure!: Erasure | null;
  @Field(() => Eligibility, { nullable: true })
  eligibility!: Eligibility | null;
  @Field(() => RecordedEligibilityCheck, { nullable: true })
  lastEligibilityCheck!: RecordedEligibilityCheck | null;
  @Field(() => PartyType, {
    nullable: true,
    description: 'Who signalled the family, when the case came in by a signal without SMI.',
  })
  signalledBy!: PartyType | null;
  @Field(() => NextStep, { nullable: true, description: 'null for a closed or withdrawn case.' })
  nextStep!: NextStep | null;
  @Field(() => UrgencyType, {
    description:
      'Why the case stands where it stands on a worklist (no funding today, at risk, late, on time).',
  })
  urgency!: UrgencyType;
  @Field(() => [NextStep], {
    description:
      'Who must act now, first who acts first: the supporter an offer waits for, else the next step; the process step a funding step stands in front of beside it.',
  })
  atTurn!: NextStep[];
  @Field(() => FundingCoverage)
  fundingCoverage!: FundingCoverage;
  @Field(() => [HouseholdChangeView])
  householdChanges!: HouseholdChangeView[];
  @Field(() => [CorrectionView])
  corrections!: CorrectionView[];
  @Field(() => [SettlementView])
  settlements!: SettlementView[];
  @Field(() => ReclaimRiskView, { nullable: true })
  reclaimRisk!: ReclaimRiskView | null;
  @Field(() => SmiPolicyView)
  smiPolicy!: SmiPolicyView;
  @Field(() => Int, { description: 'The last event revision folded into this view.' })
  revision!: number;
  @Field(() => DateTime, { description: 'The moment the rules were evaluated at.' })
  computedAt!: string;
}

@ObjectType({ description: 'A case as the platform knew it (or as it stood) at a moment.' })
export class CaseAsOf extends CaseView {
  @Field(() => DateTime)
  at!: string;
  @Field(() => Int, { description: 'Events folded: those recorded (or occurred) up to `at`.' })
  eventCount!: number;
}
