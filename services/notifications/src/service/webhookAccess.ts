// Who may manage webhook subscriptions and dead letters. The domain has no operator role, so the
// platform's `platform-admin` is named here; everyone else acts for their own organisation.

import type { AuthenticatedActor } from './dependencies';

export const PLATFORM_ADMIN = 'platform-admin';

/** Roles that act for a household or audit: they receive, but do not configure, notifications. */
const readOnlyRoles = new Set(['household', 'auditor']);

export const isPlatformAdmin = (actor: AuthenticatedActor): boolean =>
  actor.role === PLATFORM_ADMIN;

/** The organisation whose webhooks and dead letters the actor may manage; null = every one. */
export function manageableOrganisation(actor: AuthenticatedActor): string | null | false {
  if (isPlatformAdmin(actor)) return null;
  if (readOnlyRoles.has(actor.role)) return false;
  return actor.organisation;
}

export function mayManageWebhooksOf(actor: AuthenticatedActor, organisation: string): boolean {
  const scope = manageableOrganisation(actor);
  return scope === null || scope === organisation;
}
