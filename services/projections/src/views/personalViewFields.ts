/**
 * The fields of the case view that show personal data (the view-side counterpart of the domain's
 * personalFields for events). Paths from the case view down, in GraphQL field names.
 */
export const personalViewFields: readonly string[] = [
  'household.partners.name',
  'household.partners.bsn',
  'household.partners.birthDate',
  'children.name',
  'children.bsn',
  'children.birthDate',
  'claim.mandate.reference',
  'decision.explanation',
  'closure.note',
  'fundingCoverage.gaps.acceptedReason',
  'fundingCoverage.acceptedGaps.reason',
];
