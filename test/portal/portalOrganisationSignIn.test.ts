// Signing in through the organisation's identity provider, against a real one (node-oidc-provider)
// in a real browser: the platform in JWKS mode trusts only the provider's keys, the portal sends
// the user to the provider's login page and back, and every failure leaves nobody signed in.
import { actors } from '@kot/domain/testing';
import { describeInBrowser, usePortal } from './portalHarness';
import {
  freeLoopbackPort,
  startIdentityProvider,
  type RunningIdentityProvider,
} from './identityProviderProcess';

/** The platform's audience, also the resource indicator; an identifier, never fetched. */
const audience = 'https://kot-platform.invalid/api';
const pendingKey = 'kot-portal-sign-in-pending';

/** An account the provider knows but the platform refuses: its tokens name no organisation. */
const withoutOrganisation = { ...actors.otherOfficer, id: 'u-no-organisation', organisation: '' };

describeInBrowser('signing in through the organisation', () => {
  let provider: RunningIdentityProvider | undefined;
  let portalPort = 0;

  // Registered before usePortal's, so it runs first: the platform needs the provider's issuer.
  beforeAll(async () => {
    portalPort = await freeLoopbackPort();
    provider = await startIdentityProvider({
      clientId: 'kot-portal',
      redirectUri: `http://127.0.0.1:${portalPort}/signed-in`,
      resource: audience,
      audience,
      accounts: [actors.officer, withoutOrganisation],
    });
  }, 30_000);
  afterAll(async () => {
    await provider?.stop();
  });

  const portal = usePortal('organisation-sign-in', {
    env: () => ({
      PORT: String(portalPort),
      JWKS_URL: provider?.jwksUri,
      JWT_ISSUER: provider?.issuer,
      JWT_AUDIENCE: audience,
      OIDC_ISSUER: provider?.issuer,
      OIDC_CLIENT_ID: 'kot-portal',
      OIDC_RESOURCE: audience,
    }),
  });

  // Loopback only: the provider's page asks for a web font, which is not fetched.
  beforeAll(async () => {
    await portal.browser.context.route(
      (url) => url.hostname !== '127.0.0.1',
      (route) => route.abort(),
    );
  });

  /** Signed out, no provider session (its cookies gone), on the sign-in page. */
  const startFresh = async () => {
    const { page, browser, platform } = portal;
    await browser.context.clearCookies();
    await page.goto(platform.url);
    const signOut = page.getByRole('button', { name: 'Uitloggen' });
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    if (await signOut.isVisible()) await signOut.click();
    await page.getByRole('button', { name: 'Inloggen via uw organisatie' }).waitFor();
  };

  const atProviderLogin = async () => {
    const { page } = portal;
    await page.getByRole('button', { name: 'Inloggen via uw organisatie' }).click();
    await page.waitForURL((url) => url.origin === provider?.issuer);
    await page.locator('input[name="login"]').waitFor();
  };

  const expectNobodySignedIn = async () => {
    const { page } = portal;
    await expect(page.getByRole('heading', { level: 1, name: 'Werklijst' }).count()).resolves.toBe(
      0,
    );
    await expect(page.evaluate(`sessionStorage.getItem('kot-portal-token')`)).resolves.toBeNull();
    // The code and state are gone from the address bar.
    expect(new URL(page.url()).search).toBe('');
  };

  it('offers the organisation sign-in above the token field, and signs in as the provider says', async () => {
    const { page, platform, check } = portal;
    await startFresh();
    await page.getByRole('heading', { name: 'Of gebruik een toegangstoken' }).waitFor();
    await check('organisation-sign-in');
    await atProviderLogin();
    await page.locator('input[name="login"]').fill(actors.officer.id);
    await page.locator('input[name="password"]').fill('anything');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Werklijst' }).waitFor();
    await page.getByText('Uw rol: SMI-consulent, Gemeente GM0344.', { exact: false }).waitFor();
    await page.locator('.portal-user__name', { hasText: 'Fenna Dijkstra' }).waitFor();
    expect(page.url()).toBe(`${platform.url}/`);
    await expect(page.evaluate(`sessionStorage.getItem('${pendingKey}')`)).resolves.toBeNull();
    await check('organisation-signed-in');
  }, 90_000);

  it('says so when the user cancels at the provider, and nobody is signed in', async () => {
    const { page, check } = portal;
    await startFresh();
    await atProviderLogin();
    await page.getByRole('link', { name: '[ Cancel ]' }).click();
    await page
      .getByText('Het inloggen bij uw organisatie is afgebroken of niet toegestaan.')
      .waitFor();
    await expectNobodySignedIn();
    await page.getByRole('button', { name: 'Inloggen via uw organisatie' }).waitFor();
    await check('organisation-sign-in-cancelled');
  }, 90_000);

  it('refuses an answer whose state was tampered with, without trading its code', async () => {
    const { page } = portal;
    await startFresh();
    let tokenRequests = 0;
    page.on('request', (request) => {
      if (request.url() === `${provider?.issuer}/token`) tokenRequests += 1;
    });
    // The state the portal sent is swapped on the way to the provider, so its answer comes back
    // with one this tab never issued. (Playwright routes only the first request of a redirect
    // chain, so the authorization request is changed, not the redirect back.)
    const isAuthorizationRequest = (url: URL) =>
      url.origin === provider?.issuer && url.pathname === '/auth';
    await page.route(isAuthorizationRequest, async (route) => {
      const url = new URL(route.request().url());
      url.searchParams.set('state', 'forged');
      await route.fulfill({ status: 302, headers: { location: url.href } });
    });
    await atProviderLogin();
    await page.locator('input[name="login"]').fill(actors.officer.id);
    await page.locator('input[name="password"]').fill('anything');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page
      .getByText('hoort niet bij een inlogpoging vanuit dit tabblad', { exact: false })
      .waitFor();
    await expectNobodySignedIn();
    expect(tokenRequests).toBe(0);
    await page.unroute(isAuthorizationRequest);
  }, 90_000);

  it('leaves nobody signed in when the platform refuses the token the provider issued', async () => {
    const { page, check } = portal;
    await startFresh();
    await atProviderLogin();
    await page.locator('input[name="login"]').fill(withoutOrganisation.id);
    await page.locator('input[name="password"]').fill('anything');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page
      .getByText(
        'Niet ingelogd: Het token is ongeldig: het noemt geen organisatie (organisation); log opnieuw in.',
      )
      .waitFor();
    await expectNobodySignedIn();
    await check('organisation-sign-in-refused');
  }, 90_000);

  it('says so when the provider cannot be reached, and stays on the sign-in page', async () => {
    const { page } = portal;
    await startFresh();
    const isDiscovery = (url: URL) => url.pathname === '/.well-known/openid-configuration';
    await page.route(isDiscovery, (route) => route.abort());
    await page.getByRole('button', { name: 'Inloggen via uw organisatie' }).click();
    await page
      .getByText('De identiteitsprovider van uw organisatie is niet bereikbaar.', { exact: false })
      .waitFor();
    expect(new URL(page.url()).origin).toBe(portal.platform.url);
    await page.unroute(isDiscovery);
  }, 60_000);

  /** Signs in at the provider as the officer; the provider then sends the browser back. */
  const signInAtProvider = async () => {
    const { page } = portal;
    await atProviderLogin();
    await page.locator('input[name="login"]').fill(actors.officer.id);
    await page.locator('input[name="password"]').fill('anything');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
  };
  const isTokenEndpoint = (url: URL) =>
    url.origin === provider?.issuer && url.pathname === '/token';

  it('refuses tokens whose ID token carries another nonce than this tab sent', async () => {
    const { page } = portal;
    await startFresh();
    // The provider's real answer, with the ID token's nonce swapped (a replayed answer).
    await page.route(isTokenEndpoint, async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as Record<string, unknown>;
      const [header, payload, signature] = String(body['id_token']).split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
      const replayed = Buffer.from(JSON.stringify({ ...claims, nonce: 'replayed' })).toString(
        'base64url',
      );
      await route.fulfill({
        response,
        json: { ...body, id_token: `${header}.${replayed}.${signature}` },
      });
    });
    await signInAtProvider();
    await page
      .getByText('hoort niet bij een inlogpoging vanuit dit tabblad', { exact: false })
      .waitFor();
    await expectNobodySignedIn();
    await page.unroute(isTokenEndpoint);
  }, 90_000);

  it('says so when the provider refuses to trade the code for a token', async () => {
    const { page } = portal;
    await startFresh();
    await page.route(isTokenEndpoint, (route) =>
      route.fulfill({ status: 400, json: { error: 'invalid_grant' } }),
    );
    await signInAtProvider();
    await page
      .getByText('De identiteitsprovider gaf geen toegangstoken (invalid_grant).', { exact: false })
      .waitFor();
    await expectNobodySignedIn();
    await page.unroute(isTokenEndpoint);
  }, 90_000);

  it('does not go to a provider whose description names another issuer', async () => {
    const { page } = portal;
    await startFresh();
    const isDiscovery = (url: URL) => url.pathname === '/.well-known/openid-configuration';
    await page.route(isDiscovery, async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as Record<string, unknown>;
      await route.fulfill({ response, json: { ...body, issuer: 'https://impostor.invalid' } });
    });
    await page.getByRole('button', { name: 'Inloggen via uw organisatie' }).click();
    await page
      .getByText('De identiteitsprovider gaf een onbruikbare beschrijving van zichzelf.', {
        exact: false,
      })
      .waitFor();
    expect(new URL(page.url()).origin).toBe(portal.platform.url);
    await page.unroute(isDiscovery);
  }, 60_000);
});
