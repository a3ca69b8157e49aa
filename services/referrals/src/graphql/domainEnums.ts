// The domain's string unions as GraphQL enums. GraphQL names cannot contain '-', so each value
// gets an upper-case name (ROUTE_TO_WORK) while resolvers and REST see the domain's own value
// ('route-to-work').

import {
  careTypes,
  caseStatuses,
  closingOutcomes,
  erasureGrounds,
  letterChannels,
  householdChangeKinds,
  mandateTypes,
  rejectionReasons,
  roles,
  settlementOutcomes,
  stepActions,
  workStatuses,
  type Household,
  type IndicationKind,
  type ReassessWlzIndication,
  type RecordCourtRuling,
  type RequestKot,
  type WlzIndication,
} from '@kot/domain';
import { registerEnumType } from 'type-graphql';

function enumOf<Value extends string>(
  values: readonly Value[],
  name: string,
  description: string,
): Record<string, Value> {
  const graphqlEnum = Object.fromEntries(
    values.map((value) => [value.toUpperCase().replace(/-/g, '_'), value]),
  );
  registerEnumType(graphqlEnum, { name, description });
  return graphqlEnum;
}

export const RoleEnum = enumOf(roles, 'Role', 'The role an actor has in the process.');
export const WorkStatusEnum = enumOf(
  workStatuses,
  'WorkStatus',
  'What the partner without the indication does; EMPLOYED, SELF_EMPLOYED and ROUTE_TO_WORK count as work.',
);
export const IndicationKindEnum = enumOf(
  ['permanent', 'temporary'] satisfies IndicationKind[],
  'IndicationKind',
  'The kind of a Wlz-indication as CIZ decided it.',
);
export const StatedIndicationKindEnum = enumOf(
  ['permanent', 'temporary', 'unknown'] satisfies Array<WlzIndication['kind']>,
  'StatedIndicationKind',
  'The kind of a Wlz-indication as the referrer knows it.',
);
export const CompositionEnum = enumOf(
  ['partners', 'single-parent'] satisfies Array<Household['composition']>,
  'HouseholdComposition',
  'Two partners, or a single parent.',
);
export const CareTypeEnum = enumOf(careTypes, 'CareType', 'The kind of registered childcare.');
export const MandateTypeEnum = enumOf(
  mandateTypes,
  'MandateType',
  'The evidence that a supporter may act for the household (bewind, curatele, mentorschap, DigiD-machtiging, volmacht).',
);
export const RequestChannelEnum = enumOf(
  ['phone', 'letter'] satisfies Array<RequestKot['channel']>,
  'RequestChannel',
  'How KOT was requested: through BelastingTelefoon, or by letter.',
);
export const ReassessmentOutcomeEnum = enumOf(
  ['extended', 'ends'] satisfies Array<ReassessWlzIndication['outcome']>,
  'ReassessmentOutcome',
  "CIZ's re-assessment of a temporary Wlz-indication: EXTENDED (to a later end, or permanent) or ENDS.",
);
export const CourtOutcomeEnum = enumOf(
  ['upheld', 'dismissed'] satisfies Array<RecordCourtRuling['outcome']>,
  'CourtOutcome',
  "The administrative court's ruling on an appeal: UPHELD (gegrond) or DISMISSED (ongegrond).",
);
export const LetterChannelEnum = enumOf(
  letterChannels,
  'LetterChannel',
  'How a decision letter arrived: in the MijnOverheid BERICHTENBOX or by POST.',
);
export const RejectionReasonEnum = enumOf(
  rejectionReasons,
  'RejectionReason',
  'Why Dienst Toeslagen rejected the application.',
);
export const ClosingOutcomeEnum = enumOf(closingOutcomes, 'ClosingOutcome', 'How a case ended.');
export const ErasureGroundEnum = enumOf(
  erasureGrounds,
  'ErasureGround',
  "The GDPR ground (art. 17 AVG) on which a family's personal data is erased.",
);
export const HouseholdChangeKindEnum = enumOf(
  householdChangeKinds,
  'HouseholdChangeKind',
  "What changed in the family's circumstances: a partner's work, a separation, a child added, childcare (location, hours or rate) or its end, an indication extended, changed or ended.",
);
export const SettlementOutcomeEnum = enumOf(
  settlementOutcomes,
  'SettlementOutcome',
  "The definitive settlement (vaststelling) of a year's KOT: an additional payment, a reclaim, or no difference.",
);
export const CaseStatusEnum = enumOf(
  caseStatuses,
  'CaseStatus',
  'Where the case is in the process.',
);
export const StepActionEnum = enumOf(stepActions, 'StepAction', 'What the next step of a case is.');
