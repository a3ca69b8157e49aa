// Signing in through the organisation's identity provider: OpenID Connect, authorization code
// flow with PKCE, as a public client (a page in the browser keeps no secret), through oauth4webapi
// (a maintained, certified client) rather than by hand. The portal obtains the access token here;
// session.signIn then checks it like a pasted one, with the API. The refresh token the provider
// issues along renews the access token when it runs out, so a user is not sent away mid-form.
// The client is loaded only when needed: most page loads neither sign in nor refresh.
import type * as OAuth from 'oauth4webapi';
import { text, type Text } from '@kot/domain';
import { signedInPath } from '../navigation/routes';
import type { OidcSettings } from './oidcSettings';

export type { OidcSettings };

/** Who the tokens come from and for whom: what a refresh needs besides the refresh token. */
interface ProviderClient {
  metadata: OAuth.AuthorizationServer;
  clientId: string;
  resource: string | null;
}

/** The attempt in progress, kept in this tab only between leaving for the provider and returning. */
interface PendingSignIn extends ProviderClient {
  redirectUri: string;
  state: string;
  nonce: string;
  verifier: string;
  /** The page the user was on, to come back to after signing in. */
  returnPath: string;
}

/** What renews the access token: the provider, and the refresh token it issued last. */
export interface RefreshGrant extends ProviderClient {
  refreshToken: string;
}

/** The tokens a sign-in or a refresh obtained. */
export interface ProviderTokens {
  accessToken: string;
  refreshGrant: RefreshGrant | null;
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

const notOurs = () =>
  new OrganisationSignInError(
    text(
      'Dit antwoord van de identiteitsprovider hoort niet bij een inlogpoging vanuit dit tabblad. Begin opnieuw met inloggen.',
      'This answer from the identity provider does not belong to a sign-in started in this tab. Please start signing in again.',
    ),
  );

/** The page's code changed on the server since this tab loaded it (a new release). */
const portalOutdated = () =>
  new OrganisationSignInError(
    text(
      'De portal is intussen bijgewerkt. Laad de pagina opnieuw en log dan in.',
      'The portal was updated in the meantime. Reload the page, then sign in.',
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

/**
 * oauth4webapi refuses plain http; the platform's configuration allows it only for a provider on
 * this machine or the development provider in compose (see ADR 0007), so it is allowed here then.
 */
const requestOptions = (oauth: typeof OAuth, issuer: string) =>
  new URL(issuer).protocol === 'http:' ? { [oauth.allowInsecureRequests]: true } : {};

const client = (clientId: string): OAuth.Client => ({ client_id: clientId });

/** The client, loaded when first needed; failing only when a new release replaced its file. */
async function loadClient(): Promise<typeof OAuth> {
  try {
    return await import('oauth4webapi');
  } catch {
    throw portalOutdated();
  }
}

async function discover(oauth: typeof OAuth, issuer: string): Promise<OAuth.AuthorizationServer> {
  const issuerUrl = new URL(issuer);
  let response: Response;
  try {
    response = await oauth.discoveryRequest(issuerUrl, {
      algorithm: 'oidc',
      ...requestOptions(oauth, issuer),
    });
  } catch {
    throw providerUnreachable();
  }
  if (!response.ok) throw providerUnreachable();
  try {
    // OpenID Connect Discovery: the document must name the issuer it was asked about.
    const metadata = await oauth.processDiscoveryResponse(issuerUrl, response);
    if (!metadata.authorization_endpoint || !metadata.token_endpoint) throw new Error('incomplete');
    return metadata;
  } catch {
    throw new OrganisationSignInError(
      text(
        'De identiteitsprovider gaf een onbruikbare beschrijving van zichzelf. Meld dit bij de beheerder.',
        'The identity provider described itself in a way the portal cannot use. Please tell the administrator.',
      ),
    );
  }
}

/** Sends the browser to the provider's login page; throws OrganisationSignInError when it cannot. */
export async function leaveForProvider(settings: OidcSettings, returnPath = '/'): Promise<void> {
  const oauth = await loadClient();
  const metadata = await discover(oauth, settings.issuer);
  const pending: PendingSignIn = {
    metadata,
    clientId: settings.clientId,
    resource: settings.resource,
    redirectUri: `${window.location.origin}${signedInPath}`,
    state: oauth.generateRandomState(),
    nonce: oauth.generateRandomNonce(),
    verifier: oauth.generateRandomCodeVerifier(),
    returnPath: returnPath.startsWith('/') && !returnPath.startsWith('//') ? returnPath : '/',
  };
  const target = new URL(metadata.authorization_endpoint!);
  const parameters: Record<string, string> = {
    response_type: 'code',
    client_id: pending.clientId,
    redirect_uri: pending.redirectUri,
    scope: settings.scope,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await oauth.calculatePKCECodeChallenge(pending.verifier),
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

const refusedByProvider = (reason: string) =>
  new OrganisationSignInError(
    text(
      `De identiteitsprovider gaf geen toegangstoken (${reason}). Probeer opnieuw in te loggen.`,
      `The identity provider gave no access token (${reason}). Please sign in again.`,
    ),
  );

/** The tokens of a token endpoint answer that oauth4webapi accepted. */
function tokensOf(
  provider: ProviderClient,
  result: OAuth.TokenEndpointResponse,
  previousRefreshToken?: string,
): ProviderTokens {
  // A provider that does not rotate refresh tokens answers a refresh without a new one.
  const refreshToken = result.refresh_token ?? previousRefreshToken;
  return {
    accessToken: result.access_token,
    refreshGrant: refreshToken ? { ...provider, refreshToken } : null,
  };
}

/**
 * Completes the attempt the provider sent the user back from (the callback's query string): checks
 * it is this tab's own, then trades the code for the tokens. Throws OrganisationSignInError.
 */
export async function tokensFromCallback(
  query: URLSearchParams,
): Promise<ProviderTokens & { returnPath: string }> {
  const pending = takePending();
  if (!pending || query.get('state') !== pending.state) throw notOurs();
  const metadata = pending.metadata;
  const oauth = await loadClient();
  const options = requestOptions(oauth, metadata.issuer);
  let parameters: URLSearchParams;
  try {
    // Checks the state again, and (RFC 9207) that a provider that names itself is this one.
    parameters = oauth.validateAuthResponse(
      metadata,
      client(pending.clientId),
      query,
      pending.state,
    );
  } catch (error) {
    if (error instanceof oauth.AuthorizationResponseError) {
      if (error.error === 'access_denied') {
        throw new OrganisationSignInError(
          text(
            'Het inloggen bij uw organisatie is afgebroken of niet toegestaan.',
            'Signing in with your organisation was cancelled or not allowed.',
          ),
        );
      }
      throw new OrganisationSignInError(
        text(
          `De identiteitsprovider van uw organisatie weigerde het inloggen (${error.error}).`,
          `Your organisation's identity provider refused the sign-in (${error.error}).`,
        ),
      );
    }
    throw notOurs();
  }
  let response: Response;
  try {
    response = await oauth.authorizationCodeGrantRequest(
      metadata,
      client(pending.clientId),
      oauth.None(),
      parameters,
      pending.redirectUri,
      pending.verifier,
      {
        ...options,
        ...(pending.resource ? { additionalParameters: { resource: pending.resource } } : {}),
      },
    );
  } catch {
    throw providerUnreachable();
  }
  try {
    const result = await oauth.processAuthorizationCodeResponse(
      metadata,
      client(pending.clientId),
      response,
      { expectedNonce: pending.nonce },
    );
    return { ...tokensOf(pending, result), returnPath: pending.returnPath };
  } catch (error) {
    if (error instanceof oauth.ResponseBodyError) throw refusedByProvider(error.error);
    // The ID token is for another attempt (its nonce) or another client: a replayed answer.
    if (
      error instanceof oauth.OperationProcessingError &&
      error.code === oauth.JWT_CLAIM_COMPARISON
    ) {
      throw notOurs();
    }
    throw refusedByProvider(`HTTP ${response.status}`);
  }
}

/**
 * A new access token for the refresh token (refresh_token grant), with the same resource
 * indicator, so the token is again one for the platform. Null when the provider will not renew
 * (the refresh token expired, was revoked or used up) or cannot be reached: sign in again then.
 */
export async function refreshedTokens(grant: RefreshGrant): Promise<ProviderTokens | null> {
  try {
    const oauth = await loadClient();
    const response = await oauth.refreshTokenGrantRequest(
      grant.metadata,
      client(grant.clientId),
      oauth.None(),
      grant.refreshToken,
      {
        ...requestOptions(oauth, grant.metadata.issuer),
        ...(grant.resource ? { additionalParameters: { resource: grant.resource } } : {}),
      },
    );
    const result = await oauth.processRefreshTokenResponse(
      grant.metadata,
      client(grant.clientId),
      response,
    );
    return tokensOf(grant, result, grant.refreshToken);
  } catch {
    return null;
  }
}
