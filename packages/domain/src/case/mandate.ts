import type { IsoDate } from '../calendar';
import { householdOrganisation, type PartyRef } from '../parties';

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
  if (on < mandate.validFrom || mandateExpired(mandate, on)) return false;
  if (mandate.type === 'digid-machtiging') {
    return partnerIds.every((id) => mandate.partnerIds?.includes(id));
  }
  return true;
}

/**
 * Whether whoever holds the claim may apply for the family on `on`: the household itself always
 * may (it applies for itself); a supporter needs a mandate that allows applying.
 */
export function claimantMayApply(
  state: {
    caseId: string;
    claim: { by: PartyRef; mandate: Mandate } | null;
    household: { partners: Array<{ partnerId: string }> } | null;
  },
  on: IsoDate,
): boolean {
  if (!state.claim) return false;
  if (isHouseholdParty(state.claim.by, state.caseId)) return true;
  const partners = state.household?.partners.map((partner) => partner.partnerId) ?? [];
  return mandateAllowsApplying(state.claim.mandate, on, partners);
}

/** The household of this case acting for itself (not a supporter). */
export const isHouseholdParty = (party: PartyRef, caseId: string): boolean =>
  party.role === 'household' && party.organisation === householdOrganisation(caseId);

/** A mandate that ended before `on` cannot be the evidence for acting now. */
export const mandateExpired = (mandate: Mandate, on: IsoDate): boolean =>
  mandate.validUntil !== undefined && mandate.validUntil < on;
