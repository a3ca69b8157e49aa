// Signing in as with a real identity provider: a pasted token is checked by the server before it
// is accepted, a token that expires while someone fills in a form keeps the form and asks to sign
// in again, and without the demo directory organisations are named by their codes.
import type { Page } from 'playwright-core';
import type { Actor } from '@kot/domain';
import { actors } from '@kot/domain/testing';
import { describeInBrowser, usePortal } from './portalHarness';

/** How long after `exp` the API still accepts a token (packages/platform createAuthenticator). */
const serverClockTolerance = 30_000;

/** Demo cases (see services/all-in-one seedDemoCases). */
const offeredCase = '0193c0de-0001-7000-8000-000000000001';

/** As in production: the platform has no demo directory, so the page has no names to show. */
const withoutDemoDirectory = (page: Page) =>
  page.route('**/demo/users', (route) => route.fulfill({ status: 404, body: 'Not found' }));

describeInBrowser('signing in with a token', () => {
  const portal = usePortal('sign-in');

  const pasteToken = async (token: string) => {
    const { page } = portal;
    await page.getByRole('textbox', { name: 'Toegangstoken' }).fill(token);
    await page.getByRole('button', { name: 'Inloggen met token' }).click();
  };

  it('shows the token sign-in only once it knows whether there are demo users', async () => {
    const { page, platform } = portal;
    await page.route('**/demo/users', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    await page.goto(platform.url);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await page.getByText('Bezig met laden…').waitFor();
    await expect(page.getByText('Inloggen met een toegangstoken').count()).resolves.toBe(0);
    await page.getByRole('heading', { name: 'Of gebruik een toegangstoken' }).waitFor();
    await page.unroute('**/demo/users');
  }, 60_000);

  it('refuses a token with a forged signature, in words, and stays on the sign-in page', async () => {
    const { page, platform, tokenFor, check } = portal;
    await withoutDemoDirectory(page);
    await page.goto(platform.url);
    await page.getByRole('heading', { name: 'Inloggen met een toegangstoken' }).waitFor();
    await pasteToken(await tokenFor(actors.officer, 3600, 'not-the-platform-secret-at-all-000000'));
    await page
      .getByText(
        'Niet ingelogd: Het token is ongeldig: de handtekening klopt niet (ander geheim of andere sleutel); log opnieuw in.',
      )
      .waitFor();
    await expect(page.getByRole('heading', { level: 1, name: 'Werklijst' }).count()).resolves.toBe(
      0,
    );
    await check('sign-in-bad-token');
  }, 60_000);

  it('names organisations by their codes without the demo directory, and takes a supporter code', async () => {
    const { page, tokenFor, openCase, check } = portal;
    await pasteToken(await tokenFor(actors.officer));
    await page.getByRole('heading', { level: 1, name: 'Werklijst' }).waitFor();
    await page.getByText('Uw rol: SMI-consulent, Gemeente GM0344.').waitFor();
    await openCase(offeredCase);
    // The office was offered under the name the officer gave it; its code says which organisation.
    await page
      .getByText('Bewindvoering Horizon (Bewindvoerder, Organisatie org-bewind-horizon)')
      .first()
      .waitFor();
    // Not the officer's turn (the offer waits for the supporter): offering again is another action.
    await portal.showOtherActions();
    await page.getByRole('button', { name: 'Aanbieden aan ondersteuner', exact: true }).click();
    const form = page.locator('form.portal-command-form');
    const code = form.getByLabel('Organisatiecode van de ondersteuner');
    await form.getByRole('button', { name: 'Zaak aanbieden' }).click();
    await page
      .locator('.portal-error-summary')
      .getByRole('link', { name: /Vul de organisatiecode in/ })
      .waitFor();
    await check('case-offer-by-code');
    await code.fill('GM0193');
    await form.getByRole('button', { name: 'Zaak aanbieden' }).click();
    await page
      .locator('.portal-error-summary')
      .getByText(/niet van een ondersteuner/)
      .waitFor();
    // A code the platform's organisation list does not hold is refused before anything is stored.
    await code.fill('org-bewind-noord');
    await form.getByRole('button', { name: 'Zaak aanbieden' }).click();
    await page
      .locator('.portal-error-summary')
      .getByText(/staat niet in de organisatielijst/)
      .waitFor();
    await code.fill('org-mee-vallei');
    await form.getByRole('button', { name: 'Zaak aanbieden' }).click();
    await page.getByText('Vastgelegd: Zaak aangeboden.').waitFor();
    await page.getByText('Organisatie org-mee-vallei (Bewindvoerder)').first().waitFor();
    await check('case-offered-by-code');
  }, 60_000);

  it('keeps what was typed when the token expires mid-form, and sends it after signing in again', async () => {
    const { page, platform, tokenFor, check } = portal;
    const signOut = page.getByRole('button', { name: 'Uitloggen' });
    if (await signOut.isVisible()) await signOut.click();
    const lifetime = 10;
    const officer: Actor = actors.officer;
    const shortLived = await tokenFor(officer, lifetime);
    const expiresAt = Date.now() + lifetime * 1000;
    await page.goto(platform.url);
    await pasteToken(shortLived);
    await page.getByRole('heading', { level: 1, name: 'Werklijst' }).waitFor();
    await page.goto(`${platform.url}/zaken/${offeredCase}`);
    await page.getByRole('heading', { name: 'Wat u nu kunt doen' }).waitFor();
    await portal.showOtherActions();
    await page.getByRole('button', { name: 'SMI verlengen', exact: true }).click();
    const until = page.locator('form.portal-command-form').getByLabel('Verlengen tot en met');
    await until.fill('2030-06-30');
    // Wait until the token has expired, past the half minute of clock skew the API allows.
    await page.waitForTimeout(Math.max(0, expiresAt - Date.now() + serverClockTolerance + 1_500));
    await page.getByRole('button', { name: 'SMI verlengen', exact: true }).click();
    const again = page.getByRole('heading', { name: 'U bent niet meer ingelogd' });
    await again.waitFor();
    await expect(page.locator(':focus').textContent()).resolves.toBe('U bent niet meer ingelogd');
    await expect(until.inputValue()).resolves.toBe('2030-06-30');
    await check('case-token-expired');
    // Someone else's token does not take over the half-filled form.
    await page.getByLabel(/^Nieuw toegangstoken voor/).fill(await tokenFor(actors.otherOfficer));
    await page.getByRole('button', { name: 'Opnieuw inloggen' }).click();
    await page.getByText('Dit token is van iemand anders.', { exact: false }).waitFor();
    await page.getByLabel(/^Nieuw toegangstoken voor/).fill(await tokenFor(officer));
    await page.getByRole('button', { name: 'Opnieuw inloggen' }).click();
    await expect(again.waitFor({ state: 'detached' })).resolves.toBeUndefined();
    await expect(until.inputValue()).resolves.toBe('2030-06-30');
    await page.getByRole('button', { name: 'SMI verlengen', exact: true }).click();
    await page.getByText('Vastgelegd: SMI verlengd.').waitFor();
  }, 120_000);
});
