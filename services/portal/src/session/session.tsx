// The signed-in user for this browser tab. The token lives in sessionStorage: it is gone when the
// tab closes, and other tabs on a shared desk computer do not inherit it. When the server stops
// accepting it (expired, revoked) the session is marked expired, not thrown away: the page and
// whatever was typed in it stay, and signing in again as the same person carries on from there.
// Signed in through the organisation, the provider's refresh token (also in sessionStorage) renews
// an access token that ran out, before the user notices; only when that fails is the session expired.
import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { text, type Text } from '@kot/domain';
import { refreshedTokens, type RefreshGrant } from './organisationSignIn';
import { actorOfToken, hasExpired, type SignedInActor } from './tokenActor';
import { serverRefusal } from './verifyToken';

const storageKey = 'kot-portal-token';
const demoKeyStorageKey = 'kot-portal-demo-user';
const refreshStorageKey = 'kot-portal-refresh';

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
  signIn(
    token: string,
    how?: { demoKey?: string; refreshGrant?: RefreshGrant | null },
  ): Promise<Text | null>;
  /** The token to send now: renewed first when it has run out and a refresh token is there. */
  currentToken(): Promise<string>;
  /** A renewed token after the server refused the current one, or null: sign in again then. */
  renewToken(): Promise<string | null>;
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

function storedGrant(): RefreshGrant | null {
  try {
    const stored = sessionStorage.getItem(refreshStorageKey);
    return stored ? (JSON.parse(stored) as RefreshGrant) : null;
  } catch {
    return null;
  }
}

function storeGrant(grant: RefreshGrant | null | undefined): void {
  if (grant) sessionStorage.setItem(refreshStorageKey, JSON.stringify(grant));
  else sessionStorage.removeItem(refreshStorageKey);
}

function restore(): Session | null {
  try {
    const token = sessionStorage.getItem(storageKey);
    const actor = token ? actorOfToken(token) : null;
    // An access token that ran out still restores the session when a refresh token can renew it.
    if (!token || !actor || (hasExpired(actor, Date.now()) && !storedGrant())) return null;
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
    async (
      token: string,
      { demoKey, refreshGrant }: { demoKey?: string; refreshGrant?: RefreshGrant | null } = {},
    ): Promise<Text | null> => {
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
      storeGrant(refreshGrant);
      if (demoKey) sessionStorage.setItem(demoKeyStorageKey, demoKey);
      else sessionStorage.removeItem(demoKeyStorageKey);
      setSession({ token: trimmed, actor, ...(demoKey ? { demoKey } : {}) });
      setExpired(false);
      return null;
    },
    [session, expired],
  );
  // One refresh at a time: a provider that rotates refresh tokens takes a second use of the same
  // one for theft and revokes them all, so requests that find the token run out share one renewal.
  const renewal = useRef<Promise<string | null> | null>(null);
  const renewToken = useCallback((): Promise<string | null> => {
    const grant = storedGrant();
    if (!session || !grant) return Promise.resolve(null);
    renewal.current ??= (async () => {
      const tokens = await refreshedTokens(grant);
      const actor = tokens ? actorOfToken(tokens.accessToken) : null;
      // The provider renews for the person who signed in; anything else is not this session's.
      if (!tokens || !actor || !samePerson(actor, session.actor)) {
        storeGrant(null);
        return null;
      }
      sessionStorage.setItem(storageKey, tokens.accessToken);
      storeGrant(tokens.refreshGrant);
      setSession({ token: tokens.accessToken, actor });
      return tokens.accessToken;
    })().finally(() => {
      renewal.current = null;
    });
    return renewal.current;
  }, [session]);
  const currentToken = useCallback(async (): Promise<string> => {
    if (!session) return '';
    if (!hasExpired(session.actor, Date.now()) || !storedGrant()) return session.token;
    return (await renewToken()) ?? session.token;
  }, [session, renewToken]);
  const markExpired = useCallback(() => setExpired(true), []);
  const signOut = useCallback(() => {
    sessionStorage.removeItem(storageKey);
    sessionStorage.removeItem(demoKeyStorageKey);
    storeGrant(null);
    setSession(null);
    setExpired(false);
  }, []);
  const value = useMemo(
    () => ({ session, expired, signIn, currentToken, renewToken, markExpired, signOut }),
    [session, expired, signIn, currentToken, renewToken, markExpired, signOut],
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
