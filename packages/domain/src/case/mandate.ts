import type { IsoDate } from '../calendar';

/** The evidence that a supporter may act for the household (machtiging, bewind, volmacht). */
export const mandateTypes = [
  'court-bewind',
  'court-curatele',
  'court-mentorschap',
  'digid-machtiging',
  'written-volmacht',
  'none',
] as const;
export type MandateType = (typeof mandateTypes)[number];

export interface Mandate {
  type: MandateType;
  /** For a DigiD-machtiging: the partners who each gave one. */
  partnerIds?: string[];
  validFrom: IsoDate;
  validUntil?: IsoDate;
  /** Court ruling number or mandate reference; personal data. */
  reference?: string;
}

/**
 * Whether the mandate lets its holder apply for KOT on `on`. `none` only lets a supporter signal;
 * a DigiD-machtiging must come from every partner, since both partners sign the application.
 */
export function mandateAllowsApplying(
  mandate: Mandate,
  on: IsoDate,
  partnerIds: string[],
): boolean {
  if (mandate.type === 'none') return false;
  if (on < mandate.validFrom || (mandate.validUntil !== undefined && on > mandate.validUntil))
    return false;
  if (mandate.type === 'digid-machtiging') {
    return partnerIds.every((id) => mandate.partnerIds?.includes(id));
  }
  return true;
}
