import type { IsoDate } from '../calendar';
import { householdOrganisation, type Actor, type PartyRef, type Role } from '../parties';

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
  /**
   * For a DigiD-machtiging or a volmacht: the partners who each gave it. For a court measure: the
   * partners the court placed under it.
   */
  partnerIds?: string[];
  /**
   * For a court measure that names only some partners: the other partners who consented to the
   * application (both partners sign it), one by one.
   */
  consentOf?: string[];
  validFrom: IsoDate;
  validUntil?: IsoDate;
  /** The court's reference (zaaknummer) of a measure, or the mandate's reference; personal data. */
  reference?: string;
}

export const courtMandateTypes: readonly MandateType[] = [
  'court-bewind',
  'court-curatele',
  'court-mentorschap',
];
/**
 * A DigiD-machtiging and a volmacht are given to one person: a colleague of the same office cannot
 * use them. A court may appoint an office (a legal person) as bewindvoerder, so its colleagues may.
 */
export const personalMandateTypes: readonly MandateType[] = [
  'digid-machtiging',
  'written-volmacht',
];

/**
 * The role a court appoints for each measure: only that role may record it, so a supporter who
 * may only signal cannot grant itself a court's authority. A curator is a bewindvoerder's office.
 */
export const courtRoleOf: Partial<Record<MandateType, Role>> = {
  'court-bewind': 'bewindvoerder',
  'court-curatele': 'bewindvoerder',
  'court-mentorschap': 'mentor',
};

/**
 * Whether the mandate lets its holder apply for KOT on `on`. `none` only lets a supporter signal,
 * and so does a mentorschap (it covers care, not money). Both partners sign the application, so
 * every partner must be covered: one who gave the machtiging or volmacht, one the court placed
 * under the measure, or (beside a court measure) one who consented. A court measure or volmacht
 * recorded before persons were named (no `partnerIds`) covers the household, as it did then.
 */
export function mandateAllowsApplying(
  mandate: Mandate,
  on: IsoDate,
  partnerIds: string[],
): boolean {
  if (mandate.type === 'none' || mandate.type === 'court-mentorschap') return false;
  if (on < mandate.validFrom || mandateExpired(mandate, on)) return false;
  if (mandate.type !== 'digid-machtiging' && mandate.partnerIds === undefined) return true;
  const covered = [
    ...(mandate.partnerIds ?? []),
    ...(courtMandateTypes.includes(mandate.type) ? (mandate.consentOf ?? []) : []),
  ];
  return partnerIds.every((id) => covered.includes(id));
}

type ClaimState = {
  caseId: string;
  claim: { by: PartyRef; mandate: Mandate } | null;
  household: { partners: Array<{ partnerId: string }> } | null;
};

/**
 * Whether whoever holds the claim may apply for the family on `on`: the household itself always
 * may (it applies for itself); a supporter needs a mandate that allows applying.
 */
export function claimantMayApply(state: ClaimState, on: IsoDate): boolean {
  if (!state.claim) return false;
  if (isHouseholdParty(state.claim.by, state.caseId)) return true;
  const partners = state.household?.partners.map((partner) => partner.partnerId) ?? [];
  return mandateAllowsApplying(state.claim.mandate, on, partners);
}

/**
 * Whether this actor may use the claim's mandate: the household for itself; for a personal
 * mandate only the person it was given to; for a court measure anyone of the appointed office.
 */
export function mayUseMandate(actor: Actor, state: ClaimState): boolean {
  const claim = state.claim;
  if (!claim) return false;
  if (isHouseholdParty(claim.by, state.caseId)) return true;
  if (!personalMandateTypes.includes(claim.mandate.type)) return true;
  return claim.by.personId === actor.id;
}

/** The day the claim's mandate expired, when that is why it cannot be used on `on`. */
export function expiredMandateOf(state: ClaimState, on: IsoDate): IsoDate | null {
  const mandate = state.claim?.mandate;
  if (!mandate || !state.claim || isHouseholdParty(state.claim.by, state.caseId)) return null;
  return mandateExpired(mandate, on) ? (mandate.validUntil ?? null) : null;
}

/** The household of this case acting for itself (not a supporter). */
export const isHouseholdParty = (party: PartyRef, caseId: string): boolean =>
  party.role === 'household' && party.organisation === householdOrganisation(caseId);

/** A mandate that ended before `on` cannot be the evidence for acting now. */
export const mandateExpired = (mandate: Mandate, on: IsoDate): boolean =>
  mandate.validUntil !== undefined && mandate.validUntil < on;
