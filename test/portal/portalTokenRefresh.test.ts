// Renewing the sign-in through the organisation, against a real provider (node-oidc-provider) that
// issues short-lived access tokens with a refresh token: the portal renews a token that ran out
// before the next request, so nobody is sent away mid-form; when the provider refuses to renew,
// the page says what happens next and signing in again brings the user back to the same page.
import type { Request } from 'playwright-core';
import { actors } from '@kot/domain/testing';
import { describeInBrowser, usePortal } from './portalHarness';
import {
  freeLoopbackPort,
  startIdentityProvider,
  type RunningIdentityProvider,
} from './identityProviderProcess';

const audience = 'https://kot-platform.invalid/api';
/** Short enough to wait for; the sign-in itself takes a few seconds on a busy machine. */
const accessTokenTtlSeconds = 20;
/** The platform accepts a token this long after its expiry (clocks differ; createAuthenticator). */
const clockToleranceSeconds = 30;

describeInBrowser('renewing the sign-in through the organisation', () => {
  let provider: RunningIdentityProvider | undefined;
  let portalPort = 0;

  beforeAll(async () => {
    portalPort = await freeLoopbackPort();
    provider = await startIdentityProvider({
      clientId: 'kot-portal',
      redirectUri: `http://127.0.0.1:${portalPort}/signed-in`,
      resource: audience,
      audience,
      accessTokenTtlSeconds,
      accounts: [actors.officer],
    });
  }, 30_000);
  afterAll(async () => {
    await provider?.stop();
  });

  const portal = usePortal('token-refresh', {
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

  beforeAll(async () => {
    await portal.browser.context.route(
      (url) => url.hostname !== '127.0.0.1',
      (route) => route.abort(),
    );
  });

  const isRefresh = (request: Request) =>
    request.url() === `${provider?.issuer}/token` &&
    new URLSearchParams(request.postData() ?? '').get('grant_type') === 'refresh_token';

  const accessToken = async () =>
    String(await portal.page.evaluate(`sessionStorage.getItem('kot-portal-token')`));
  const expiryOf = (token: string): number =>
    (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { exp: number })
      .exp;
  /** Waits until `seconds` after the token's expiry. */
  const waitUntilPast = async (token: string, seconds = 0) => {
    const wait = (expiryOf(token) + seconds) * 1000 - Date.now() + 1_000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)));
  };

  const signInAtProvider = async () => {
    const { page } = portal;
    await page.locator('input[name="login"]').waitFor();
    await page.locator('input[name="login"]').fill(actors.officer.id);
    await page.locator('input[name="password"]').fill('anything');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
  };

  const signInFresh = async () => {
    const { page, browser, platform } = portal;
    await browser.context.clearCookies();
    await page.goto(platform.url);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const signOut = page.getByRole('button', { name: 'Uitloggen' });
    if (await signOut.isVisible()) await signOut.click();
    await page.getByRole('button', { name: 'Inloggen via uw organisatie' }).click();
    await signInAtProvider();
    await page.getByRole('heading', { level: 1, name: 'Werklijst' }).waitFor();
  };

  it('renews an access token that ran out, and the next request works without signing in again', async () => {
    const { page } = portal;
    await signInFresh();
    const first = await accessToken();
    const refreshes: Request[] = [];
    const onRequest = (request: Request) => {
      if (isRefresh(request)) refreshes.push(request);
    };
    page.on('request', onRequest);
    await waitUntilPast(first);

    await page.getByRole('link', { name: 'Zaken', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Zaken' }).waitFor();
    await page.getByRole('table').first().waitFor();
    page.off('request', onRequest);

    expect(refreshes).toHaveLength(1);
    const renewed = await accessToken();
    expect(renewed).not.toBe(first);
    expect(expiryOf(renewed) * 1000).toBeGreaterThan(Date.now());
    await expect(page.getByText('U bent niet meer ingelogd').count()).resolves.toBe(0);
  }, 120_000);

  it('when the provider will not renew, says what signing in again does and returns to the same page', async () => {
    const { page, browser, platform, check } = portal;
    await signInFresh();
    const first = await accessToken();
    // The provider refuses the refresh token (revoked, say); the code exchange still works.
    await page.route(
      (url) => url.origin === provider?.issuer && url.pathname === '/token',
      (route) =>
        isRefresh(route.request())
          ? route.fulfill({ status: 400, json: { error: 'invalid_grant' } })
          : route.continue(),
    );
    await waitUntilPast(first, clockToleranceSeconds);

    await page.getByRole('link', { name: 'Zaken', exact: true }).click();
    await page.getByRole('heading', { name: 'U bent niet meer ingelogd' }).waitFor();
    await page
      .getByText(
        'brengt u naar de inlogpagina van uw organisatie en daarna terug naar deze pagina',
        {
          exact: false,
        },
      )
      .waitFor();
    expect(new URL(page.url()).pathname).toBe('/zaken');
    await check('token-refresh-refused');

    await page.unroute((url) => url.origin === provider?.issuer && url.pathname === '/token');
    await browser.context.clearCookies();
    await page.getByRole('button', { name: 'Opnieuw inloggen via uw organisatie' }).click();
    await signInAtProvider();
    await page.getByRole('heading', { level: 1, name: 'Zaken' }).waitFor();
    expect(page.url()).toBe(`${platform.url}/zaken`);
    await expect(page.getByText('U bent niet meer ingelogd').count()).resolves.toBe(0);
    expect(await accessToken()).not.toBe(first);
  }, 150_000);
});
