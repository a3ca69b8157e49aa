// The signed-in user for this browser tab. The token lives in sessionStorage: it is gone when the
// tab closes, and other tabs on a shared desk computer do not inherit it.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { actorOfToken, hasExpired, type SignedInActor } from './tokenActor';

const storageKey = 'kot-portal-token';

export interface Session {
  token: string;
  actor: SignedInActor;
}

interface SessionContextValue {
  session: Session | null;
  signIn(token: string): boolean;
  signOut(): void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

function restore(): Session | null {
  try {
    const token = sessionStorage.getItem(storageKey);
    const actor = token ? actorOfToken(token) : null;
    if (!token || !actor || hasExpired(actor, Date.now())) return null;
    return { token, actor };
  } catch {
    return null;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(restore);
  const signIn = useCallback((token: string) => {
    const trimmed = token.trim().replace(/^Bearer\s+/i, '');
    const actor = actorOfToken(trimmed);
    if (!actor || hasExpired(actor, Date.now())) return false;
    sessionStorage.setItem(storageKey, trimmed);
    setSession({ token: trimmed, actor });
    return true;
  }, []);
  const signOut = useCallback(() => {
    sessionStorage.removeItem(storageKey);
    setSession(null);
  }, []);
  const value = useMemo(() => ({ session, signIn, signOut }), [session, signIn, signOut]);
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
