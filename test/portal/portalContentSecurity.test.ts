// The portal works under its Content-Security-Policy: signing in, working a case, the referral
// form, the audit view and the report raise no CSP violation in the browser, while an injected
// inline script is refused (so the check below can see a violation when there is one).
import type { Page } from 'playwright-core';
import { describeInBrowser, usePortal } from './portalHarness';

/** The demo case offered to Bewindvoering Horizon (see services/all-in-one seedDemoCases). */
const offeredCase = '0193c0de-0001-7000-8000-000000000001';

// In-page code as text: this workspace compiles without the DOM library.
const collectViolations = `
  window.cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.cspViolations.push(event.violatedDirective + ' ' + event.blockedURI);
  });`;

/** Every violation the page reported since it loaded, as "directive blocked-uri". */
const violationsOn = (page: Page) => page.evaluate<string[]>('window.cspViolations ?? []');

describeInBrowser('the portal under its Content-Security-Policy', () => {
  const portal = usePortal('csp');
  const consoleViolations: string[] = [];

  beforeAll(async () => {
    const { page } = portal;
    await page.addInitScript({ content: collectViolations });
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy'))
        consoleViolations.push(message.text());
    });
  });

  it('is served with the policy, no framing, no sniffing and no referrer', async () => {
    const { page, platform } = portal;
    const response = await page.goto(platform.url);
    const headers = response?.headers() ?? {};
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-powered-by']).toBeUndefined();
  }, 60_000);

  it('lets a bewindvoerder sign in and claim a case without a single violation', async () => {
    const { page, signInAs, openCase, act } = portal;
    await signInAs('bewindvoerder');
    await openCase(offeredCase);
    await act('Zaak oppakken', async (form) => {
      await form.getByLabel('Soort machtiging').selectOption('written-volmacht');
      // Both parents signed the volmacht.
      const gave = form.getByRole('group', { name: 'Wie gaf de machtiging of volmacht?' });
      for (const parent of await gave.getByRole('checkbox').all()) await parent.check();
    });
    await page.goto(`${portal.platform.url}/zaken`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await violationsOn(page)).toEqual([]);
    expect(consoleViolations).toEqual([]);
  }, 60_000);

  it('shows the referral form, the audit view and the report without a violation', async () => {
    const { page, signInAs, platform } = portal;
    await signInAs('smi-officer-utrecht');
    await page.goto(`${platform.url}/doorverwijzen`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await violationsOn(page)).toEqual([]);
    await signInAs('auditor');
    await page.goto(`${platform.url}/zaken/${offeredCase}/audit`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await violationsOn(page)).toEqual([]);
    await page.goto(`${platform.url}/rapportage`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await violationsOn(page)).toEqual([]);
    expect(consoleViolations).toEqual([]);
  }, 60_000);

  it('refuses a script injected into the page, and reports it', async () => {
    const { page } = portal;
    await page.evaluate(`{
      const script = document.createElement('script');
      script.textContent = 'window.injectedScriptRan = true;';
      document.body.append(script);
    }`);
    await expect(page.evaluate('window.injectedScriptRan ?? false')).resolves.toBe(false);
    const violations = await violationsOn(page);
    expect(violations.some((violation) => violation.startsWith('script-src'))).toBe(true);
  }, 60_000);
});
