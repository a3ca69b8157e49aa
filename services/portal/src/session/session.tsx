// The signed-in user for this browser tab. The token lives in sessionStorage: it is gone when the
// tab closes, and other tabs on a shared desk computer do not inherit it. When the server stops
// accepting it (expired, revoked) the session is marked expired, not thrown away: the page and
// whatever was typed in it stay, and signing in again as the same person carries on from there.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { text, type Text } from '@kot/domain';
import { actorOfToken, hasExpired, type SignedInActor } from './tokenActor';
import { serverRefusal } from './verifyToken';

const storageKey = 'kot-portal-token';
const demoKeyStorageKey = 'kot-portal-demo-user';

export interface Session {
  token: string;
  actor: SignedInActor;
  /** Signed in by picking this demo user: signing in again can offer the same button. */
  demoKey?: string;
}

interface SessionContextValue {
  session: Session | null;
  /** The server refused the token while the user was working: sign in again to carry on. */
  expired: boolean;
  /** Checks the token (shape, expiry, then with the server) and signs in; null or why not. */
  signIn(token: string, demoKey?: string): Promise<Text | null>;
  markExpired(): void;
  signOut(): void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** One key per person in a role and organisation. */
export const personKey = (actor: SignedInActor): string =>
  `${actor.id}|${actor.role}|${actor.organisation}`;

/** The same person in the same role and organisation: their unsent input may be sent on. */
export const samePerson = (a: SignedInActor, b: SignedInActor): boolean =>
  personKey(a) === personKey(b);

function restore(): Session | null {
  try {
    const token = sessionStorage.getItem(storageKey);
    const actor = token ? actorOfToken(token) : null;
    if (!token || !actor || hasExpired(actor, Date.now())) return null;
    const demoKey = sessionStorage.getItem(demoKeyStorageKey);
    return { token, actor, ...(demoKey ? { demoKey } : {}) };
  } catch {
    return null;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(restore);
  const [expired, setExpired] = useState(false);

  const signIn = useCallback(
    async (token: string, demoKey?: string): Promise<Text | null> => {
      const trimmed = token.trim().replace(/^Bearer\s+/i, '');
      const actor = actorOfToken(trimmed);
      if (!actor) {
        return text(
          'Dit is geen toegangstoken voor dit platform: het moet een JWT zijn met sub, role en organisation.',
          'This is not an access token for this platform: it must be a JWT with sub, role and organisation.',
        );
      }
      if (hasExpired(actor, Date.now())) {
        return text(
          'Dit token is verlopen. Vraag een nieuw token aan bij uw identiteitsprovider.',
          'This token has expired. Obtain a new one from your identity provider.',
        );
      }
      if (session && expired && !samePerson(session.actor, actor)) {
        return text(
          'Dit token is van iemand anders. Log eerst uit om als een andere gebruiker verder te gaan; wat nog niet is verstuurd, gaat dan verloren.',
          'This token belongs to someone else. Sign out first to continue as another user; anything not yet sent is then lost.',
        );
      }
      const refusal = await serverRefusal(trimmed);
      if (refusal) return refusal;
      sessionStorage.setItem(storageKey, trimmed);
      if (demoKey) sessionStorage.setItem(demoKeyStorageKey, demoKey);
      else sessionStorage.removeItem(demoKeyStorageKey);
      setSession({ token: trimmed, actor, ...(demoKey ? { demoKey } : {}) });
      setExpired(false);
      return null;
    },
    [session, expired],
  );
  const markExpired = useCallback(() => setExpired(true), []);
  const signOut = useCallback(() => {
    sessionStorage.removeItem(storageKey);
    sessionStorage.removeItem(demoKeyStorageKey);
    setSession(null);
    setExpired(false);
  }, []);
  const value = useMemo(
    () => ({ session, expired, signIn, markExpired, signOut }),
    [session, expired, signIn, markExpired, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a SessionProvider');
  return value;
}

/** For pages behind the sign-in: the session is there. */
export function useSignedIn(): Session {
  const { session } = useSession();
  if (!session) throw new Error('this page needs a signed-in user');
  return session;
}
