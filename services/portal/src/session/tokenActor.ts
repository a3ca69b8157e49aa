// Who the bearer token says the user is. The browser reads the claims only to shape the page
// (name, role, which actions to offer); the server checks the signature on every request.
import { roles, type Actor, type Role } from '@kot/domain';

export interface SignedInActor extends Actor {
  /** Seconds since the epoch; absent when the token does not expire. */
  expiresAt?: number;
}

/** The claims of a JWT, read without checking its signature; throws when it is not a JWT. */
export function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('not a JWT');
  return decodeSegment(payload) as Record<string, unknown>;
}

function decodeSegment(segment: string): unknown {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

/** The actor in a token, or null when it is not a token this platform issues. */
export function actorOfToken(token: string): SignedInActor | null {
  try {
    const { sub, role, organisation, name, exp } = claimsOf(token);
    if (typeof sub !== 'string' || typeof organisation !== 'string') return null;
    if (typeof role !== 'string' || !(roles as readonly string[]).includes(role)) return null;
    return {
      id: sub,
      role: role as Role,
      organisation,
      ...(typeof name === 'string' ? { name } : {}),
      ...(typeof exp === 'number' ? { expiresAt: exp } : {}),
    };
  } catch {
    return null;
  }
}

export const hasExpired = (actor: SignedInActor, nowMs: number): boolean =>
  actor.expiresAt !== undefined && actor.expiresAt * 1000 <= nowMs;
