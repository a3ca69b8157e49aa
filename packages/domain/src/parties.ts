// Who takes part in a case. An actor is whoever sends a command or reads a case; a party is a
// slot in the process that an actor fills (the referring officer, the claimant, a desk).

export const supporterRoles = [
  'bewindvoerder',
  'client-supporter' /* cliëntondersteuner */,
  'care-broker' /* mantelzorgmakelaar */,
  'mentor',
  'budget-coach',
] as const;
export type SupporterRole = (typeof supporterRoles)[number];

export const roles = [
  'smi-officer',
  'smi-team-lead',
  ...supporterRoles,
  'household',
  'ciz-assessor',
  'ciz-team-lead',
  'toeslagen-officer',
  'toeslagen-team-lead',
  'auditor',
  /** Operates the platform (webhook subscriptions, dead letters); may not act on or see cases. */
  'platform-admin',
  /**
   * Functionaris gegevensbescherming (or a delegate): erases a case's personal data. The
   * municipality's officer for its own cases; the platform's for the retention rule only.
   */
  'privacy-officer',
] as const;
export type Role = (typeof roles)[number];

/** The two national organisations have fixed identifiers; municipalities use their CBS code. */
export const CIZ = 'CIZ';
export const TOESLAGEN = 'DienstToeslagen';
/** The platform itself, as the organisation of the actor that runs the retention rule. */
export const PLATFORM = 'KotPlatform';

export interface Actor {
  id: string;
  role: Role;
  /** Municipality code (GM….), CIZ, DienstToeslagen, a supporter organisation id, or `household:<caseId>`. */
  organisation: string;
  name?: string;
}

/** An organisation, a role in it, and the person when known. */
export interface PartyRef {
  organisation: string;
  role: Role;
  personId?: string;
  name?: string;
}

/**
 * Roles that take no step in the process: their organisation's steps are not on their worklist
 * (a municipality's privacy officer only erases; the auditor and the platform's admin only look).
 */
export const takesProcessSteps = (role: Role): boolean =>
  role !== 'privacy-officer' && role !== 'auditor' && role !== 'platform-admin';

export const isSupporterRole = (role: string): role is SupporterRole =>
  (supporterRoles as readonly string[]).includes(role);

export const householdOrganisation = (caseId: string): string => `household:${caseId}`;

export const partyOf = (actor: Actor): PartyRef => ({
  organisation: actor.organisation,
  role: actor.role,
  personId: actor.id,
  ...(actor.name ? { name: actor.name } : {}),
});
