// The portal as each desk starts its day, on the demo cases: worklists most urgent first with
// overdue steps marked, a supporter declining an offer and landing somewhere sensible, forms that
// keyboard and screen reader users can work with, and the pages for what went wrong.
import type { Page } from 'playwright-core';
import { describeInBrowser, usePortal } from './portalHarness';

/** The demo case offered to Bewindvoering Horizon (see services/all-in-one seedDemoCases). */
const offeredCase = '0193c0de-0001-7000-8000-000000000001';

const focused = (page: Page) => page.locator(':focus');
const focusedText = async (page: Page) => ((await focused(page).textContent()) ?? '').trim();
/** The label of the focused control: the user landed on the right field. */
const focusedLabel = async (page: Page) => {
  const id = await focused(page).getAttribute('id');
  return ((await page.locator(`label[for="${id}"]`).textContent()) ?? '').trim();
};
const focusedClass = async (page: Page) => (await focused(page).getAttribute('class')) ?? '';

describeInBrowser('the portal at work', () => {
  const portal = usePortal('work');

  it('lists the Toeslagen queue most urgent first, overdue steps marked in red and in words', async () => {
    const { page, signInAs, check } = portal;
    await signInAs('toeslagen-officer');
    const queue = page.getByRole('region', { name: /^Wachtrij van Dienst Toeslagen/ });
    const rows = queue.locator('tbody tr');
    await rows.first().waitFor();
    // Most urgent first: by urgency (no funding today, at risk, late, on time), then by due date.
    const order = await rows.evaluateAll((all) =>
      all.map((row) => [
        Number(row.getAttribute('data-urgency-rank')),
        row.querySelector('td:nth-child(2) time')?.getAttribute('datetime') ?? '',
      ]),
    );
    expect(order.length).toBeGreaterThan(0);
    const sorted = [...order].sort((a, b) =>
      a[0] !== b[0] ? Number(a[0]) - Number(b[0]) : String(a[1]).localeCompare(String(b[1])),
    );
    expect(order).toEqual(sorted);
    const late = queue.locator('tbody tr.portal-row--overdue').first();
    await late
      .getByText(/dagen te laat/)
      .first()
      .waitFor();
    await check('worklist-toeslagen-overdue');
  }, 60_000);

  it('passes axe on the CIZ and auditor worklists', async () => {
    const { page, signInAs, check } = portal;
    await signInAs('ciz-assessor');
    await page.getByRole('heading', { name: /^Wachtrij van CIZ/ }).waitFor();
    await check('worklist-ciz-empty');
    await signInAs('auditor');
    await page.getByText('Auditors hebben geen stappen in het proces.').waitFor();
    await check('worklist-auditor');
  }, 60_000);

  it('shows the bewindvoerder the offers to the office, and an open claim form passes axe', async () => {
    const { page, signInAs, check } = portal;
    await signInAs('bewindvoerder');
    const offers = page.getByRole('region', { name: 'Aan ons aangeboden zaken' });
    await offers.locator(`a[href="/zaken/${offeredCase}"]`).waitFor();
    await check('worklist-bewindvoerder');
    await offers.locator(`a[href="/zaken/${offeredCase}"]`).click();
    await page.getByRole('heading', { name: 'Wat u nu kunt doen' }).waitFor();
    // From the keyboard: the button goes away, the focus goes to the form it opened...
    await page.getByRole('button', { name: 'Zaak oppakken', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(focusedText(page)).resolves.toBe('Zaak oppakken');
    await check('case-claim-form');
    // ...and back to the button when the form is cancelled.
    await page.getByRole('button', { name: 'Annuleren' }).click();
    await expect(focusedText(page)).resolves.toBe('Zaak oppakken');
    await expect(focused(page).getAttribute('data-command')).resolves.toBe('ClaimCase');
  }, 60_000);

  it('names each missing field in a summary that takes the focus and links to the field', async () => {
    const { page, check } = portal;
    await page.getByRole('button', { name: 'Aanbod afwijzen', exact: true }).click();
    await expect(focusedText(page)).resolves.toBe('Aanbod afwijzen');
    const form = page.locator('form.portal-command-form');
    await form.getByRole('button', { name: 'Aanbod afwijzen', exact: true }).click();
    const summary = page.locator('.portal-error-summary');
    await summary.getByRole('link', { name: 'Vul “Reden” in.' }).waitFor();
    await expect(focusedClass(page)).resolves.toContain('portal-error-summary');
    await check('case-decline-form-errors');
    await summary.getByRole('link', { name: 'Vul “Reden” in.' }).click();
    await expect(focusedLabel(page)).resolves.toBe('Reden');
  }, 60_000);

  it('confirms a declined offer and leads back to the worklist instead of showing "not found"', async () => {
    const { page, check } = portal;
    const form = page.locator('form.portal-command-form');
    await form.getByLabel('Reden').fill('Wij hebben deze maand geen ruimte voor nieuwe cliënten.');
    await form.getByRole('button', { name: 'Aanbod afwijzen', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Vastgelegd: Aanbod afgewezen' }).waitFor();
    await expect(page.getByText('Niet gevonden').count()).resolves.toBe(0);
    await expect(focusedText(page)).resolves.toBe('Vastgelegd: Aanbod afgewezen');
    await check('case-offer-declined');
    await page.getByRole('link', { name: 'Terug naar uw werklijst' }).click();
    const offers = page.getByRole('region', { name: 'Aan ons aangeboden zaken' });
    await offers.getByText('Er zijn geen zaken aan u aangeboden.').waitFor();
  }, 60_000);

  it('sums up what is missing in a referral, each item linked to its field', async () => {
    const { page, signInAs, check } = portal;
    await signInAs('smi-officer-utrecht');
    await page.getByRole('link', { name: 'Gezin doorverwijzen' }).click();
    await page.getByRole('button', { name: 'Doorverwijzen', exact: true }).click();
    const summary = page.locator('.portal-error-summary');
    const name = summary.getByRole('link', { name: 'Ouder 1, Naam: Vul de naam in.' });
    await name.waitFor();
    await summary.getByRole('link', { name: 'Kind 1, BSN: Vul het BSN in.' }).waitFor();
    await expect(focusedClass(page)).resolves.toContain('portal-error-summary');
    await check('referral-errors');
    await name.click();
    await expect(focusedLabel(page)).resolves.toBe('Naam');
  }, 60_000);

  it('opens the inbox from its address without first saying the page does not exist', async () => {
    const { page, platform, check } = portal;
    // The question whether the platform has an inbox takes a second to answer.
    let held = 0;
    await page.route('**/graphql', async (route) => {
      if (route.request().postData()?.includes('InboxCount') && held++ === 0) {
        await new Promise((resolve) => setTimeout(resolve, 1_500));
      }
      await route.continue();
    });
    await page.goto(`${platform.url}/berichten`);
    await page.getByText('Bezig met laden…').first().waitFor();
    await expect(page.getByText('Pagina niet gevonden').count()).resolves.toBe(0);
    await page.getByRole('heading', { level: 1, name: 'Berichten' }).waitFor();
    await page.unroute('**/graphql');
    await check('inbox-officer');
  }, 60_000);

  it('says so in words when a page does not exist, with the way back', async () => {
    const { page, platform, check } = portal;
    await page.goto(`${platform.url}/bestaat-niet`);
    await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
    await page.getByRole('link', { name: 'Naar uw werklijst' }).waitFor();
    await check('not-found');
  }, 60_000);
});
