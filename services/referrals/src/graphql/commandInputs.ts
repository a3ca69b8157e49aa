// One input type per domain command: the command's fields minus its `type`. The REST intake checks
// its JSON bodies against these same types, so both doors accept exactly the same commands.
import 'reflect-metadata';
import type { CaseCommandType } from '@kot/domain';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import {
  ChildcareInput,
  ChildInput,
  HouseholdInput,
  MandateInput,
  PartyInput,
  SmiPeriodInput,
} from './caseInputs';
import {
  ClosingOutcomeEnum,
  CourtOutcomeEnum,
  ErasureGroundEnum,
  HouseholdChangeKindEnum,
  IndicationKindEnum,
  LetterChannelEnum,
  ReassessmentOutcomeEnum,
  RejectionReasonEnum,
  RequestChannelEnum,
  SettlementOutcomeEnum,
  WorkStatusEnum,
} from './domainEnums';

// Never referenced on its own, so it does not appear in the schema.
@InputType()
abstract class OnCase {
  @Field(() => ID, { description: 'The case (UUID).' })
  caseId!: string;
}

@InputType()
export class OpenReferralInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'Leave out to let the platform choose one (derived from the commandId, so a retry opens no second case).',
  })
  caseId?: string;
  @Field(() => String, { description: 'CBS municipality code, e.g. GM0344.' })
  municipality!: string;
  @Field(() => HouseholdInput)
  household!: HouseholdInput;
  @Field(() => [ChildInput])
  children!: ChildInput[];
  @Field(() => SmiPeriodInput)
  smiPeriod!: SmiPeriodInput;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Today when left out.' })
  referredOn?: string;
}

@InputType()
export class SignalFamilyInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'Leave out to let the platform choose one (derived from the commandId, so a retry opens no second case).',
  })
  caseId?: string;
  @Field(() => String, { description: 'CBS municipality code of the family, e.g. GM0344.' })
  municipality!: string;
  @Field(() => HouseholdInput)
  household!: HouseholdInput;
  @Field(() => [ChildInput])
  children!: ChildInput[];
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Today when left out.' })
  signalledOn?: string;
}

@InputType()
export class CheckEligibilityInput extends OnCase {
  @Field(() => GraphQLLocalDate, { nullable: true })
  on?: string;
}

@InputType()
export class OfferCaseInput extends OnCase {
  @Field(() => PartyInput)
  to!: PartyInput;
  @Field(() => String, { nullable: true })
  note?: string;
}

@InputType()
export class DeclineOfferInput extends OnCase {
  @Field(() => String)
  reason!: string;
}

@InputType()
export class ClaimCaseInput extends OnCase {
  @Field(() => MandateInput)
  mandate!: MandateInput;
}

@InputType()
export class RecordMandateInput extends OnCase {
  @Field(() => MandateInput)
  mandate!: MandateInput;
}

@InputType()
export class ReleaseClaimInput extends OnCase {
  @Field(() => String)
  reason!: string;
}

@InputType()
export class RequestKotInput extends OnCase {
  @Field(() => RequestChannelEnum)
  channel!: string;
  @Field(() => GraphQLLocalDate, { nullable: true })
  requestedOn?: string;
  @Field(() => GraphQLLocalDate, { nullable: true })
  callbackExpectedOn?: string;
  @Field(() => String, {
    nullable: true,
    description:
      'Why the family applies although the eligibility check says no (required then; their right, recorded).',
  })
  applyAnywayReason?: string;
}

@InputType()
export class ReassessWlzIndicationInput extends OnCase {
  @Field(() => String)
  partnerId!: string;
  @Field(() => ReassessmentOutcomeEnum)
  outcome!: string;
  @Field(() => IndicationKindEnum, {
    nullable: true,
    description: 'With EXTENDED: the kind from now on.',
  })
  kind?: string;
  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'With EXTENDED and a temporary indication: its new last day.',
  })
  validTo?: string;
}

@InputType()
export class RegisterWlzRequestInput extends OnCase {
  @Field(() => GraphQLLocalDate, { nullable: true })
  registeredOn?: string;
}

@InputType()
export class ConfirmWlzIndicationInput extends OnCase {
  @Field(() => String)
  partnerId!: string;
  @Field(() => IndicationKindEnum)
  kind!: string;
  @Field(() => GraphQLLocalDate)
  validFrom!: string;
  @Field(() => GraphQLLocalDate, { nullable: true })
  validTo?: string;
}

@InputType()
export class ReportWlzIndicationNotFoundInput extends OnCase {
  @Field(() => String)
  partnerId!: string;
  @Field(() => String)
  reason!: string;
}

@InputType()
export class SubmitCizDecisionCopyInput extends OnCase {
  @Field(() => String)
  partnerId!: string;
  @Field(() => IndicationKindEnum)
  kind!: string;
  @Field(() => GraphQLLocalDate)
  validFrom!: string;
  @Field(() => GraphQLLocalDate, { nullable: true })
  validTo?: string;
}

@InputType()
export class SendApplicationFormsInput extends OnCase {
  @Field(() => GraphQLLocalDate, { nullable: true })
  sentOn?: string;
}

@InputType()
export class SubmitApplicationInput extends OnCase {
  @Field(() => GraphQLLocalDate)
  requestedStart!: string;
  @Field(() => Boolean)
  signedByBothPartners!: boolean;
  @Field(() => GraphQLLocalDate, { nullable: true })
  submittedOn?: string;
}

@InputType()
export class RecordApplicationReceivedInput extends OnCase {
  @Field(() => GraphQLLocalDate, { nullable: true })
  receivedOn?: string;
}

@InputType()
export class GrantKotInput extends OnCase {
  @Field(() => GraphQLLocalDate)
  grantedFrom!: string;
  @Field(() => GraphQLLocalDate, { nullable: true })
  decidedOn?: string;
}

@InputType()
export class RejectKotInput extends OnCase {
  @Field(() => RejectionReasonEnum)
  reason!: string;
  @Field(() => String)
  explanation!: string;
  @Field(() => GraphQLLocalDate, { nullable: true })
  decidedOn?: string;
}

@InputType()
export class ChangeKotInput extends OnCase {
  @Field(() => GraphQLLocalDate)
  changedFrom!: string;
  @Field(() => String)
  reason!: string;
}

@InputType()
export class StopKotInput extends OnCase {
  @Field(() => GraphQLLocalDate)
  stoppedFrom!: string;
  @Field(() => Boolean)
  setToZero!: boolean;
  @Field(() => String)
  reason!: string;
}

@InputType()
export class FileObjectionInput extends OnCase {
  @Field(() => String)
  grounds!: string;
  @Field(() => GraphQLLocalDate, { nullable: true })
  filedOn?: string;
  @Field(() => String, {
    nullable: true,
    description:
      'After the objection period: why it is late (Awb 6:11); Dienst Toeslagen decides whether that is excusable.',
  })
  lateReason?: string;
}

@InputType()
export class DecideObjectionInput extends OnCase {
  @Field(() => Boolean)
  upheld!: boolean;
  @Field(() => GraphQLLocalDate, { nullable: true })
  grantedFrom?: string;
  @Field(() => String)
  explanation!: string;
  @Field(() => Boolean, {
    nullable: true,
    description: 'For a late objection (required then): whether the lateness is excusable.',
  })
  lateExcused?: boolean;
}

@InputType()
export class FileAppealInput extends OnCase {
  @Field(() => String)
  grounds!: string;
  @Field(() => GraphQLLocalDate, { nullable: true })
  filedOn?: string;
  @Field(() => String, {
    nullable: true,
    description: 'After the appeal period: why it is late (Awb 6:11); the court decides.',
  })
  lateReason?: string;
}

@InputType()
export class RecordCourtRulingInput extends OnCase {
  @Field(() => CourtOutcomeEnum)
  outcome!: string;
  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description:
      'Upheld: the start of the allowance the court set (for a stop, the stop date when left out). Left out otherwise: Toeslagen decides on the objection anew.',
  })
  grantedFrom?: string;
  @Field(() => GraphQLLocalDate, { nullable: true })
  ruledOn?: string;
  @Field(() => String)
  explanation!: string;
}

@InputType()
export class ConfirmDecisionReceivedInput extends OnCase {
  @Field(() => LetterChannelEnum)
  channel!: string;
  @Field(() => GraphQLLocalDate, { nullable: true })
  receivedOn?: string;
}

@InputType()
export class ExtendSmiInput extends OnCase {
  @Field(() => GraphQLLocalDate)
  until!: string;
}

@InputType()
export class EndSmiInput extends OnCase {
  @Field(() => GraphQLLocalDate)
  lastDay!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'Needed when KOT does not cover the next day: the family would go without funding.',
  })
  acceptGapReason?: string;
}

@InputType()
export class ReinstateSmiInput extends OnCase {
  @Field(() => GraphQLLocalDate)
  from!: string;
  @Field(() => GraphQLLocalDate)
  until!: string;
}

@InputType()
export class AcceptFundingGapInput extends OnCase {
  @Field(() => GraphQLLocalDate)
  from!: string;
  @Field(() => GraphQLLocalDate, { nullable: true })
  to?: string;
  @Field(() => String)
  reason!: string;
}

@InputType()
export class CloseCaseInput extends OnCase {
  @Field(() => ClosingOutcomeEnum)
  outcome!: string;
  @Field(() => String, { nullable: true })
  note?: string;
}

@InputType()
export class WithdrawCaseInput extends OnCase {
  @Field(() => String)
  reason!: string;
}

@InputType()
export class ErasePersonalDataInput extends OnCase {
  @Field(() => ErasureGroundEnum)
  ground!: string;
  @Field(() => String, {
    nullable: true,
    description:
      "The privacy officer's own request number (at most 64 characters); never a name or BSN.",
  })
  reference?: string;
}

@InputType()
export class RecordHouseholdChangeInput extends OnCase {
  @Field(() => HouseholdChangeKindEnum)
  changeKind!: string;
  @Field(() => GraphQLLocalDate, { description: 'The day the change takes effect.' })
  effectiveFrom!: string;
  @Field(() => String, {
    nullable: true,
    description: 'PARTNER_WORK, SEPARATION (who leaves), INDICATION_CHANGED, INDICATION_ENDED.',
  })
  partnerId?: string;
  @Field(() => WorkStatusEnum, { nullable: true, description: 'With PARTNER_WORK.' })
  workStatus?: string;
  @Field(() => ChildInput, { nullable: true, description: 'With CHILD_ADDED.' })
  child?: ChildInput;
  @Field(() => String, { nullable: true, description: 'With CHILDCARE and CHILDCARE_ENDED.' })
  childId?: string;
  @Field(() => ChildcareInput, { nullable: true, description: 'With CHILDCARE.' })
  childcare?: ChildcareInput;
  @Field(() => IndicationKindEnum, { nullable: true, description: 'With INDICATION_CHANGED.' })
  indicationKind?: string;
  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'With INDICATION_CHANGED and a temporary indication: its last day.',
  })
  validTo?: string;
}

@InputType()
export class PassChangeToToeslagenInput extends OnCase {
  @Field(() => String, { description: 'The change, as the case view names it (change-1, …).' })
  changeId!: string;
}

@InputType()
export class RecordChangeProcessedInput extends OnCase {
  @Field(() => String)
  changeId!: string;
}

@InputType()
export class CorrectIndicatedPartnerInput extends OnCase {
  @Field(() => String, { description: 'The partner who really holds the Wlz-indication.' })
  partnerId!: string;
  @Field(() => String, { description: 'Why the record was wrong (kept for the auditor).' })
  reason!: string;
}

@InputType()
export class SettleKotInput extends OnCase {
  @Field(() => Int)
  year!: number;
  @Field(() => SettlementOutcomeEnum)
  outcome!: string;
  @Field(() => Int, { description: 'The additional payment or reclaim in euro cents; 0 for none.' })
  amountCents!: number;
}

export interface CommandInput {
  /** The input type's class, for type-graphql. */
  inputType: new () => object;
  /** Who does it and what it records, shown in the schema. */
  description: string;
}

export const commandInputs: Record<CaseCommandType, CommandInput> = {
  OpenReferral: {
    inputType: OpenReferralInput,
    description: 'SMI officer: refer a family to KOT.',
  },
  SignalFamily: {
    inputType: SignalFamilyInput,
    description:
      'Any professional: signal a family that may be eligible, without an SMI period; the municipality takes it up.',
  },
  CheckEligibility: {
    inputType: CheckEligibilityInput,
    description:
      'Whoever sees the case and takes a step in it, or the household: record the eligibility check.',
  },
  OfferCase: {
    inputType: OfferCaseInput,
    description: 'SMI officer: offer the case to a supporter organisation.',
  },
  DeclineOffer: {
    inputType: DeclineOfferInput,
    description: 'Supporter: decline an offered case, with a reason.',
  },
  ClaimCase: {
    inputType: ClaimCaseInput,
    description: 'Supporter (or the household): take on the case, with the mandate.',
  },
  RecordMandate: {
    inputType: RecordMandateInput,
    description: 'Claimant: record a new or changed mandate.',
  },
  ReleaseClaim: { inputType: ReleaseClaimInput, description: 'Claimant: give the case back.' },
  RequestKot: {
    inputType: RequestKotInput,
    description: 'Claimant: KOT was requested by phone or letter.',
  },
  RegisterWlzRequest: {
    inputType: RegisterWlzRequestInput,
    description: 'Dienst Toeslagen: register the Wlz-based request.',
  },
  ConfirmWlzIndication: {
    inputType: ConfirmWlzIndicationInput,
    description: 'CIZ: confirm the Wlz-indication.',
  },
  ReportWlzIndicationNotFound: {
    inputType: ReportWlzIndicationNotFoundInput,
    description: 'CIZ: the indication was not found.',
  },
  SubmitCizDecisionCopy: {
    inputType: SubmitCizDecisionCopyInput,
    description: "Claimant: send a copy of CIZ's decision.",
  },
  ReassessWlzIndication: {
    inputType: ReassessWlzIndicationInput,
    description:
      'CIZ: re-assess a temporary Wlz-indication before it ends (the allowance ends with it unless extended).',
  },
  SendApplicationForms: {
    inputType: SendApplicationFormsInput,
    description: 'Dienst Toeslagen: the application forms were sent.',
  },
  SubmitApplication: {
    inputType: SubmitApplicationInput,
    description: 'Claimant: the signed forms were sent back.',
  },
  RecordApplicationReceived: {
    inputType: RecordApplicationReceivedInput,
    description: 'Dienst Toeslagen: the application was received.',
  },
  GrantKot: { inputType: GrantKotInput, description: 'Dienst Toeslagen: grant KOT.' },
  RejectKot: {
    inputType: RejectKotInput,
    description: 'Dienst Toeslagen: reject the application, with the reason.',
  },
  ChangeKot: { inputType: ChangeKotInput, description: 'Dienst Toeslagen: change granted KOT.' },
  StopKot: {
    inputType: StopKotInput,
    description: 'Dienst Toeslagen: stop KOT or set it to zero.',
  },
  FileObjection: {
    inputType: FileObjectionInput,
    description: 'Claimant: file an objection (bezwaar).',
  },
  DecideObjection: {
    inputType: DecideObjectionInput,
    description: 'Dienst Toeslagen: decide on the objection (and, for a late one, its lateness).',
  },
  FileAppeal: {
    inputType: FileAppealInput,
    description:
      'Claimant: appeal to the administrative court against the decision on the objection.',
  },
  RecordCourtRuling: {
    inputType: RecordCourtRulingInput,
    description: "Dienst Toeslagen: record the court's ruling on the appeal.",
  },
  ConfirmDecisionReceived: {
    inputType: ConfirmDecisionReceivedInput,
    description: 'Claimant or household: confirm the latest decision letter reached you.',
  },
  ExtendSmi: { inputType: ExtendSmiInput, description: 'SMI officer: extend SMI.' },
  EndSmi: {
    inputType: EndSmiInput,
    description:
      'SMI officer: end SMI (refused while KOT does not cover the next day, unless the gap is accepted with a reason).',
  },
  ReinstateSmi: {
    inputType: ReinstateSmiInput,
    description: 'SMI officer: grant SMI again for a period.',
  },
  AcceptFundingGap: {
    inputType: AcceptFundingGapInput,
    description: 'SMI officer: accept a period without funding, with a reason.',
  },
  CloseCase: {
    inputType: CloseCaseInput,
    description: 'Officer or claimant: close the case with its outcome.',
  },
  WithdrawCase: {
    inputType: WithdrawCaseInput,
    description: 'Officer or claimant: withdraw the case.',
  },
  ErasePersonalData: {
    inputType: ErasePersonalDataInput,
    description:
      "Privacy officer of the case's municipality: erase the family's personal data (the case key is destroyed), on a GDPR ground. Also on ended cases; once only.",
  },
  RecordHouseholdChange: {
    inputType: RecordHouseholdChangeInput,
    description:
      "Officer, claimant or household: a change of the family's circumstances from its effective date (eligibility is re-evaluated from then; while KOT runs it must be passed to Toeslagen).",
  },
  PassChangeToToeslagen: {
    inputType: PassChangeToToeslagenInput,
    description:
      'Household, or a claimant who may apply: the change was passed to Dienst Toeslagen.',
  },
  RecordChangeProcessed: {
    inputType: RecordChangeProcessedInput,
    description:
      'Dienst Toeslagen: a change passed on was processed (change or stop KOT separately if the right changed).',
  },
  CorrectIndicatedPartner: {
    inputType: CorrectIndicatedPartnerInput,
    description:
      'Officer, claimant or household: the Wlz-indication was recorded on the wrong partner; eligibility is unknown until CIZ confirms the corrected partner.',
  },
  SettleKot: {
    inputType: SettleKotInput,
    description:
      "Dienst Toeslagen: the definitive settlement (vaststelling) of an ended year's KOT.",
  },
};

/** ConfirmWlzIndication -> confirmWlzIndication */
export const mutationNameOf = (type: CaseCommandType): string =>
  `${type.charAt(0).toLowerCase()}${type.slice(1)}`;
