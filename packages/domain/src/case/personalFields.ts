import type { CaseEventType } from './events';

/**
 * The fields of each event that hold personal data (names, BSNs, birth dates, free text that may
 * describe the family). The event store encrypts exactly these with the case's key; after the key
 * is deleted they read back as redacted while the rest of the history still replays.
 * Paths are dot-separated; `[]` means every element of an array.
 */
const personalFieldsByType: Partial<Record<CaseEventType, readonly string[]>> = {
  ReferralOpened: [
    'household.partners[].name',
    'household.partners[].bsn',
    'household.partners[].birthDate',
    'children[].name',
    'children[].bsn',
    'children[].birthDate',
  ],
  CaseClaimed: ['mandate.reference'],
  MandateRecorded: ['mandate.reference'],
  OfferDeclined: ['reason'],
  ClaimReleased: ['reason'],
  WlzIndicationNotFound: ['reason'],
  KotRejected: ['explanation'],
  KotChanged: ['reason'],
  KotStopped: ['reason'],
  ObjectionFiled: ['grounds'],
  ObjectionDecided: ['explanation'],
  FundingGapAccepted: ['reason'],
  CaseClosed: ['note'],
  CaseWithdrawn: ['reason'],
};

export function personalFields(type: string, _schemaVersion: number): readonly string[] {
  return personalFieldsByType[type as CaseEventType] ?? [];
}
