// Signing in through the organisation's identity provider: OpenID Connect, authorization code
// flow with PKCE, as a public client (a page in the browser keeps no secret). The portal only
// obtains the access token here; session.signIn then checks it like a pasted one, with the API.
import { text, type Text } from '@kot/domain';
import { signedInPath } from '../navigation/routes';
import type { OidcSettings } from './oidcSettings';
import { claimsOf } from './tokenActor';

export type { OidcSettings };

/** The attempt in progress, kept in this tab only between leaving for the provider and returning. */
interface PendingSignIn {
  issuer: string;
  clientId: string;
  tokenEndpoint: string;
  redirectUri: string;
  resource: string | null;
  state: string;
  nonce: string;
  verifier: string;
}

const pendingKey = 'kot-portal-sign-in-pending';

/** A sign-in attempt that cannot go on, with the reason in words for the sign-in page. */
export class OrganisationSignInError extends Error {
  constructor(readonly reason: Text) {
    super(reason.en);
    this.name = 'OrganisationSignInError';
  }
}

const providerUnreachable = () =>
  new OrganisationSignInError(
    text(
      'De identiteitsprovider van uw organisatie is niet bereikbaar. Probeer het over een paar minuten opnieuw.',
      "Your organisation's identity provider cannot be reached. Please try again in a few minutes.",
    ),
  );

export async function fetchOidcSettings(): Promise<OidcSettings | null> {
  try {
    const response = await fetch('/portal/config', { headers: { accept: 'application/json' } });
    if (!response.ok) return null;
    const body = (await response.json()) as { oidc?: OidcSettings | null };
    return body.oidc ?? null;
  } catch {
    return null;
  }
}

const base64url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const randomText = (): string => base64url(crypto.getRandomValues(new Uint8Array(32)));

async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

interface ProviderMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
}

async function discover(issuer: string): Promise<ProviderMetadata> {
  let metadata: Partial<ProviderMetadata>;
  try {
    const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, {
      headers: { accept: 'application/json' },
    });
    if (!response.ok) throw new Error(`discovery answered ${response.status}`);
    metadata = ((await response.json()) ?? {}) as Partial<ProviderMetadata>;
  } catch {
    throw providerUnreachable();
  }
  // OpenID Connect Discovery: the document must name the issuer it was asked about.
  if (
    metadata.issuer !== issuer ||
    typeof metadata.authorization_endpoint !== 'string' ||
    typeof metadata.token_endpoint !== 'string'
  ) {
    throw new OrganisationSignInError(
      text(
        'De identiteitsprovider gaf een onbruikbare beschrijving van zichzelf. Meld dit bij de beheerder.',
        'The identity provider described itself in a way the portal cannot use. Please tell the administrator.',
      ),
    );
  }
  return metadata as ProviderMetadata;
}

/** Sends the browser to the provider's login page; throws OrganisationSignInError when it cannot. */
export async function leaveForProvider(settings: OidcSettings): Promise<void> {
  const metadata = await discover(settings.issuer);
  const pending: PendingSignIn = {
    issuer: settings.issuer,
    clientId: settings.clientId,
    tokenEndpoint: metadata.token_endpoint,
    redirectUri: `${window.location.origin}${signedInPath}`,
    resource: settings.resource,
    state: randomText(),
    nonce: randomText(),
    verifier: randomText(),
  };
  const target = new URL(metadata.authorization_endpoint);
  const parameters: Record<string, string> = {
    response_type: 'code',
    client_id: pending.clientId,
    redirect_uri: pending.redirectUri,
    scope: settings.scope,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await challengeOf(pending.verifier),
    code_challenge_method: 'S256',
    ...(pending.resource ? { resource: pending.resource } : {}),
  };
  for (const [name, value] of Object.entries(parameters)) target.searchParams.set(name, value);
  sessionStorage.setItem(pendingKey, JSON.stringify(pending));
  window.location.assign(target.href);
}

export const isProviderCallback = (location: Location): boolean =>
  location.pathname === signedInPath;

function takePending(): PendingSignIn | null {
  try {
    const stored = sessionStorage.getItem(pendingKey);
    return stored ? (JSON.parse(stored) as PendingSignIn) : null;
  } catch {
    return null;
  } finally {
    // One answer per attempt: a replayed or second callback finds nothing to complete.
    sessionStorage.removeItem(pendingKey);
  }
}

const notOurs = () =>
  new OrganisationSignInError(
    text(
      'Dit antwoord van de identiteitsprovider hoort niet bij een inlogpoging vanuit dit tabblad. Begin opnieuw met inloggen.',
      'This answer from the identity provider does not belong to a sign-in started in this tab. Please start signing in again.',
    ),
  );

/** The `nonce` of an ID token, read without checking its signature: it came straight from the provider. */
function nonceOf(idToken: string): unknown {
  try {
    return claimsOf(idToken)['nonce'];
  } catch {
    return undefined;
  }
}

/**
 * Completes the attempt the provider sent the user back from (the callback's query string): checks
 * it is this tab's own, then trades the code for the access token. Throws OrganisationSignInError.
 */
export async function accessTokenFromCallback(query: URLSearchParams): Promise<string> {
  const pending = takePending();
  if (!pending || query.get('state') !== pending.state) throw notOurs();
  // RFC 9207: a provider that names itself must be the one this attempt went to.
  const iss = query.get('iss');
  if (iss !== null && iss !== pending.issuer) throw notOurs();
  const error = query.get('error');
  if (error === 'access_denied') {
    throw new OrganisationSignInError(
      text(
        'Het inloggen bij uw organisatie is afgebroken of niet toegestaan.',
        'Signing in with your organisation was cancelled or not allowed.',
      ),
    );
  }
  const code = query.get('code');
  if (error !== null || !code) {
    throw new OrganisationSignInError(
      text(
        `De identiteitsprovider van uw organisatie weigerde het inloggen (${error ?? 'geen code'}).`,
        `Your organisation's identity provider refused the sign-in (${error ?? 'no code'}).`,
      ),
    );
  }
  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: pending.redirectUri,
    client_id: pending.clientId,
    code_verifier: pending.verifier,
    ...(pending.resource ? { resource: pending.resource } : {}),
  });
  let response: Response;
  try {
    response = await fetch(pending.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form,
    });
  } catch {
    throw providerUnreachable();
  }
  const body = (await response.json().catch(() => ({}))) as {
    access_token?: unknown;
    id_token?: unknown;
    error?: unknown;
  };
  if (!response.ok || typeof body.access_token !== 'string') {
    const reason = typeof body.error === 'string' ? body.error : `HTTP ${response.status}`;
    throw new OrganisationSignInError(
      text(
        `De identiteitsprovider gaf geen toegangstoken (${reason}). Probeer opnieuw in te loggen.`,
        `The identity provider gave no access token (${reason}). Please sign in again.`,
      ),
    );
  }
  if (typeof body.id_token === 'string' && nonceOf(body.id_token) !== pending.nonce)
    throw notOurs();
  return body.access_token;
}
