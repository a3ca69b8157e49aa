// Another way in: a professional who meets a family without an SMI period signals it. The form asks
// the household without the SMI period, every choice starts empty, and beside the check stand the
// organisations that help families in the chosen municipality. The case opens at the
// municipality's SMI desk; the case page says who signalled and shows the recorded check in words.
import type { Page } from 'playwright-core';
import { syntheticBsn } from '@kot/domain';
import { describeInBrowser, usePortal } from './portalHarness';

// In-page code as text: this workspace compiles without the DOM library.
const sidewaysOverflow = (page: Page) =>
  page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');

describeInBrowser('signalling a family', () => {
  const portal = usePortal('signal');

  it('lets a bewindvoerder signal a family that the Utrecht officer then finds on the worklist', async () => {
    const { page, signInAs, check, act } = portal;
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAs('bewindvoerder');
    await page.getByRole('link', { name: 'Gezin signaleren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gezin signaleren' }).waitFor();
    // Nothing is chosen for the signaller, and there is no SMI period to fill in.
    await expect(page.getByLabel('Gemeente van het gezin').inputValue()).resolves.toBe('');
    const parent1 = page.getByRole('group', { name: 'Ouder 1' });
    await expect(parent1.getByLabel('Wlz-indicatie', { exact: true }).inputValue()).resolves.toBe(
      '',
    );
    await expect(page.getByRole('group', { name: /SMI-periode/ }).count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Signaal versturen', exact: true }).click();
    const summary = page.locator('.portal-error-summary');
    await summary.getByText('Kies de gemeente.').first().waitFor();
    await expect(summary.textContent()).resolves.toContain('Vul de naam in.');
    await expect(sidewaysOverflow(page)).resolves.toBe(0);
    await check('signal-form-problems');

    // Signposting follows the municipality: the directory's coverage, by name.
    const helpers = page.getByRole('region', { name: 'Wie kan het gezin helpen' });
    await page
      .getByLabel('Gemeente van het gezin')
      .selectOption({ label: 'Gemeente Zwolle (demo)' });
    await helpers.getByText('Bewindvoering Horizon (demo)').waitFor();
    await expect(helpers.getByText('Cliëntondersteuning Vallei (demo)').count()).resolves.toBe(0);
    await page
      .getByLabel('Gemeente van het gezin')
      .selectOption({ label: 'Gemeente Utrecht (demo)' });
    await helpers.getByText('Cliëntondersteuning Vallei (demo)').waitFor();
    await helpers.getByText('Bewindvoering Horizon (demo)').waitFor();

    await parent1.getByLabel('Naam').fill('Signaal A');
    await parent1.getByLabel('BSN').fill(syntheticBsn(6101));
    await parent1.getByLabel('Geboortedatum').fill('1990-03-04');
    await parent1.getByLabel('Wlz-indicatie', { exact: true }).selectOption('permanent');
    const parent2 = page.getByRole('group', { name: 'Ouder 2' });
    await parent2.getByLabel('Naam').fill('Signaal B');
    await parent2.getByLabel('BSN').fill(syntheticBsn(6102));
    await parent2.getByLabel('Geboortedatum').fill('1989-05-06');
    await parent2.getByLabel('Wlz-indicatie', { exact: true }).selectOption('none');
    // Volunteering is not work: the check will say no, and the record will name that condition.
    await parent2.getByLabel('Werk').selectOption('volunteering');
    const child = page.getByRole('group', { name: 'Kind 1' });
    await child.getByLabel('Naam').fill('Signaal C');
    await child.getByLabel('BSN').fill(syntheticBsn(6103));
    await child.getByLabel('Geboortedatum').fill('2022-01-10');
    await child.getByLabel('LRK-nummer van de opvanglocatie').fill('123456789');
    await child.getByLabel('Soort opvang').selectOption('daycare');
    await child.getByLabel('Uren per maand').fill('80');
    await child.getByLabel('Uurtarief in euro').fill('9,85');
    await expect(sidewaysOverflow(page)).resolves.toBe(0);
    await check('signal-form-filled');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: 'Signaal versturen', exact: true }).click();

    // The new case page, read after the signal's own write.
    await page.waitForURL(/\/zaken\/[^/]+$/);
    const caseId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByRole('heading', { name: 'Betrokkenen en machtigingen' }).waitFor();
    const signalledBy = page.locator('dt', { hasText: 'Gesignaleerd door' }).locator('xpath=..');
    await expect(signalledBy.textContent()).resolves.toContain('Bewindvoering Horizon (demo)');
    const caseHelpers = page.getByRole('region', { name: 'Wie kan het gezin helpen' });
    await caseHelpers.getByText('Cliëntondersteuning Vallei (demo)').waitFor();

    // The signaller records the check; the case page shows it in words beside today's evaluation.
    await act('Recht op kinderopvangtoeslag vastleggen');
    const recorded = page.getByRole('region', { name: 'Laatste vastgelegde check' });
    await recorded.getByText(/nee, het gezin komt niet in aanmerking/).waitFor();
    await recorded.getByText('De andere partner werkt').waitFor();
    await check('signal-case-page');

    await signInAs('smi-officer-utrecht');
    await page.locator(`a[href="/zaken/${caseId}"]`).first().waitFor();
    await page.locator(`a[href="/zaken/${caseId}"]`).first().click();
    await page.getByRole('region', { name: 'Laatste vastgelegde check' }).waitFor();
    const byForOfficer = page.locator('dt', { hasText: 'Gesignaleerd door' }).locator('xpath=..');
    await expect(byForOfficer.textContent()).resolves.toContain('Bewindvoering Horizon (demo)');
    await check('signal-case-page-officer');
  }, 180_000);
});
