// Who may manage webhook subscriptions and dead letters: the platform's operators for every
// organisation; everyone else for their own organisation only. The recipient directory (e-mail
// addresses) is the operators' alone.

import type { Actor } from '../parties';

export const PLATFORM_ADMIN = 'platform-admin';

/** Roles that act for a household or audit: they receive, but do not configure, notifications. */
const readOnlyRoles = new Set(['household', 'auditor']);

export const isPlatformAdmin = (actor: Pick<Actor, 'role' | 'organisation'>): boolean =>
  actor.role === PLATFORM_ADMIN;

/** The organisation whose webhooks and dead letters the actor may manage; null = every one. */
export function manageableOrganisation(
  actor: Pick<Actor, 'role' | 'organisation'>,
): string | null | false {
  if (isPlatformAdmin(actor)) return null;
  if (readOnlyRoles.has(actor.role)) return false;
  return actor.organisation;
}

export function mayManageWebhooksOf(
  actor: Pick<Actor, 'role' | 'organisation'>,
  organisation: string,
): boolean {
  const scope = manageableOrganisation(actor);
  return scope === null || scope === organisation;
}

/**
 * Who may set where an organisation's or a person's notifications go (e-mail address, language,
 * channels): the platform's operators only. Addresses are personal data, and a wrong one sends a
 * family's case news to a stranger.
 */
export const mayManageRecipientDirectory = (actor: Pick<Actor, 'role' | 'organisation'>): boolean =>
  isPlatformAdmin(actor);
