import { roles, text, type Actor, type Role } from '@kot/domain';
import type { JWTPayload } from 'jose';
import { InvalidTokenError } from './authenticationErrors';

/** The claims a token carries for an actor: `sub` is the person, plus role, organisation, name. */
export interface ActorClaims extends JWTPayload {
  sub: string;
  role: Role;
  organisation: string;
  name?: string;
}

export function actorFromClaims(claims: JWTPayload): Actor {
  const { sub, role, organisation, name } = claims as Partial<Record<string, unknown>>;
  if (typeof sub !== 'string' || sub.length === 0) {
    throw new InvalidTokenError(
      'no subject (sub)',
      text('het noemt geen persoon (sub)', 'it names no person (sub)'),
    );
  }
  if (typeof role !== 'string' || !(roles as readonly string[]).includes(role)) {
    throw new InvalidTokenError(
      `unknown role; expected one of ${roles.join(', ')}`,
      text('het noemt geen bekende rol (role)', 'it names no known role (role)'),
    );
  }
  if (typeof organisation !== 'string' || organisation.length === 0) {
    throw new InvalidTokenError(
      'no organisation claim',
      text('het noemt geen organisatie (organisation)', 'it names no organisation (organisation)'),
    );
  }
  if (name !== undefined && typeof name !== 'string') {
    throw new InvalidTokenError(
      'the name claim is not text',
      text('de naam (name) is geen tekst', 'its name (name) is not text'),
    );
  }
  return { id: sub, role: role as Role, organisation, ...(name ? { name } : {}) };
}

export const claimsOf = (actor: Actor): Omit<ActorClaims, 'sub'> => ({
  role: actor.role,
  organisation: actor.organisation,
  ...(actor.name ? { name: actor.name } : {}),
});
