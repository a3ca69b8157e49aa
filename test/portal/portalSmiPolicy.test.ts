// The SMI team lead's policy page: what is in force (the default at first), a change chosen,
// confirmed and recorded, and a case's next step that follows the new policy at once.
import { describeInBrowser, usePortal } from './portalHarness';

/** The demo case whose KOT was rejected after SMI ended: its next step follows `retroactive`. */
const gapCase = '0193c0de-0003-7000-8000-000000000003';
const phone = { width: 390, height: 844 };

describeInBrowser('the SMI policy page', () => {
  const portal = usePortal('smi-policy');

  it('shows the team lead the default, records a confirmed change, and the case page follows it', async () => {
    const { page } = portal;
    // Before: the default grants no SMI for days past, and the officer's advice says so.
    await portal.signInAs('smi-officer-utrecht');
    await portal.openCase(gapCase);
    await page
      .getByText(/kent SMI niet met terugwerkende kracht toe/)
      .first()
      .waitFor();

    await portal.signInAs('smi-team-lead-utrecht');
    await page.getByRole('link', { name: 'SMI-beleid' }).click();
    await page.getByRole('heading', { level: 1, name: /SMI-beleid/ }).waitFor();
    const inForce = page.locator('dl.portal-policy');
    await expect(inForce.textContent()).resolves.toContain('standaardbeleid');
    await expect(inForce.textContent()).resolves.toContain('28 dagen voor het einde');

    // Retroactive SMI starts unchosen: checking without a choice names it.
    const yes = page.getByRole('radio', { name: 'Ja' });
    const no = page.getByRole('radio', { name: 'Nee' });
    expect(await yes.isChecked()).toBe(false);
    expect(await no.isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.getByText('Kies ja of nee.').first().waitFor();

    await yes.check();
    await page.getByLabel(/Maximale duur in maanden/).fill('9');
    await page.getByLabel(/Verlenging aanvragen, dagen/).fill('42');
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page
      .getByText(/Met terugwerkende kracht: ja\. Maximaal 9 maanden\. Verlenging 42 dagen/)
      .waitFor();
    await portal.check('smi-policy-confirm');
    await page.getByRole('button', { name: 'Beleid vastleggen' }).click();
    await page.getByText('Het SMI-beleid is vastgelegd.').waitFor();
    await page.getByText('door u-lead-utrecht op').waitFor();
    const after = (await inForce.textContent()) ?? '';
    expect(after).toContain('Met terugwerkende krachtja');
    expect(after).toContain('9 maanden');
    expect(after).toContain('42 dagen voor het einde');
    expect(after).not.toContain('standaardbeleid');

    await page.setViewportSize(phone);
    await expect(
      page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'),
    ).resolves.toBeLessThanOrEqual(0);
    await portal.check('smi-policy');
    await page.setViewportSize({ width: 1280, height: 900 });

    // After: the officer's advice follows the municipality's new policy at once.
    await portal.signInAs('smi-officer-utrecht');
    await portal.openCase(gapCase);
    await page
      .getByText(/zet de SMI weer in vanaf/)
      .first()
      .waitFor();
    expect(await page.getByText(/kent SMI niet met terugwerkende kracht toe/).count()).toBe(0);
  });

  it('offers the page to the team lead only', async () => {
    const { page } = portal;
    await portal.signInAs('smi-officer-utrecht');
    expect(await page.getByRole('link', { name: 'SMI-beleid' }).count()).toBe(0);
  });
});
