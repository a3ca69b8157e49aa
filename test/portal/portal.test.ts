// The portal in a real browser: an officer refers a family, a bewindvoerder takes it on, CIZ
// confirms, Toeslagen rejects, the officer finds the case back on the worklist and cannot end SMI
// without accepting the gap, and an auditor slides back in time. Every page passes axe.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startPlatform, type RunningPlatform } from '@kot/all-in-one';
import { addDays, dateInAmsterdam, syntheticBsn } from '@kot/domain';
import { axeResults, seriousViolations } from './accessibility';
import { buildPortal } from './buildPortal';
import {
  chromiumAvailable,
  chromiumPath,
  launchPortalBrowser,
  type PortalBrowser,
} from './portalBrowser';

const artifacts = join(__dirname, '../artifacts');

if (!chromiumAvailable) {
  console.warn(
    `SKIPPED portal browser tests: no Chromium at ${chromiumPath} (apt-get install -y chromium).`,
  );
}
const describeInBrowser = chromiumAvailable ? describe : describe.skip;

describeInBrowser('the portal in a browser', () => {
  let platform: RunningPlatform;
  let browser: PortalBrowser;
  let page: Page;
  let dataDir: string;
  let caseId = '';
  const today = dateInAmsterdam(new Date().toISOString());

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    buildPortal();
    dataDir = mkdtempSync(join(tmpdir(), 'kot-portal-'));
    platform = await startPlatform({
      env: { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
      seedDemo: true,
    });
    browser = await launchPortalBrowser();
    page = browser.page;
    page.setDefaultTimeout(15_000);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    writeFileSync(join(artifacts, 'portal-axe.json'), JSON.stringify(axeResults, null, 2));
  });

  const check = async (name: string) => {
    await page.screenshot({ path: join(artifacts, `portal-${name}.png`), fullPage: true });
    expect(await seriousViolations(page, name)).toEqual([]);
  };

  const signInAs = async (key: string) => {
    await page.goto(platform.url);
    const signOut = page.getByRole('button', { name: 'Uitloggen' });
    if (await signOut.isVisible()) await signOut.click();
    await page.locator(`button[data-user="${key}"]`).click();
    await page.getByRole('heading', { level: 1, name: 'Werklijst' }).waitFor();
  };

  const openCase = async () => {
    await page.goto(`${platform.url}/zaken/${caseId}`);
    await page.getByRole('heading', { name: 'Wat u nu kunt doen' }).waitFor();
  };

  /** Opens an action by its button, lets `fill` complete the form, sends it, waits for the receipt. */
  const act = async (
    action: string,
    fill: (form: ReturnType<Page['locator']>) => Promise<void> = async () => {},
    submit = action,
  ) => {
    await page.getByRole('button', { name: action, exact: true }).click();
    const form = page.locator('form.portal-command-form');
    await fill(form);
    await form.getByRole('button', { name: submit, exact: true }).click();
    await page.getByText('Vastgelegd:').waitFor();
  };

  it('lets a demo user sign in from a list, and passes axe on the sign-in page', async () => {
    await page.goto(platform.url);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await page.locator('button[data-user="smi-officer-utrecht"]').waitFor();
    await check('sign-in');
    await page.locator('button[data-user="smi-officer-utrecht"]').click();
    await page.getByRole('heading', { level: 1, name: 'Werklijst' }).waitFor();
    await page.getByRole('heading', { name: 'Mijn volgende stappen' }).waitFor();
    await page.locator('table').first().waitFor();
    await check('worklist-officer');
  }, 60_000);

  it('shows the eligibility pre-check live while an officer refers a family, and opens the case', async () => {
    await page.getByRole('link', { name: 'Gezin doorverwijzen' }).click();
    const parent1 = page.getByRole('group', { name: 'Ouder 1' });
    await parent1.getByLabel('Naam').fill('Sanne Visser');
    await parent1.getByLabel('BSN').fill(syntheticBsn(4101));
    await parent1.getByLabel('Geboortedatum').fill('1990-03-04');
    await parent1.getByLabel('Wlz-indicatie', { exact: true }).selectOption('permanent');
    const parent2 = page.getByRole('group', { name: 'Ouder 2' });
    await parent2.getByLabel('Naam').fill('Daan Visser');
    await parent2.getByLabel('BSN').fill(syntheticBsn(4102));
    await parent2.getByLabel('Geboortedatum').fill('1989-05-06');
    const precheck = page.locator('aside');
    await precheck.getByText('Geen thuiswonend kind in betaalde kinderopvang').waitFor();
    const child = page.getByRole('group', { name: 'Kind 1' });
    await child.getByLabel('Naam').fill('Lotte Visser');
    await child.getByLabel('BSN').fill(syntheticBsn(4103));
    await child.getByLabel('Geboortedatum').fill('2022-01-10');
    await child.getByLabel('LRK-nummer van de opvanglocatie').fill('123456789');
    await child.getByLabel('Uren per maand').fill('80');
    await child.getByLabel('Uurtarief in euro').fill('9,85');
    await precheck.getByText('Nog niet bekend').waitFor();
    await parent2.getByLabel('Werk').selectOption('volunteering');
    await precheck.getByText('Nee, het gezin komt via deze regeling niet in aanmerking').waitFor();
    await precheck.getByText('vrijwilligerswerk en dagbesteding tellen niet').waitFor();
    await parent2.getByLabel('Werk').selectOption('employed');
    const smi = page.getByRole('group', { name: /SMI-periode/ });
    await smi.getByLabel('Vanaf').fill(addDays(today, -30));
    await smi.getByLabel('Tot en met').fill(addDays(today, 20));
    await precheck.getByText('Ja, het gezin komt waarschijnlijk in aanmerking').waitFor();
    await check('referral-form');
    await page.getByRole('button', { name: 'Doorverwijzen', exact: true }).click();
    await page.waitForURL(/\/zaken\/[0-9a-f-]{36}$/);
    caseId = page.url().split('/').pop() as string;
    await page.getByRole('heading', { name: 'Traject' }).waitFor();
  }, 60_000);

  it('lets the officer offer the case to the bewindvoerder office', async () => {
    await act('Aanbieden aan ondersteuner', async () => {}, 'Zaak aanbieden');
    await page.getByText('Zaak aangeboden').waitFor();
    await check('case-officer-offered');
  }, 60_000);

  it('shows the offer to the bewindvoerder, who takes the case on with a mandate and requests KOT', async () => {
    await signInAs('bewindvoerder');
    const offered = page.getByRole('region', { name: 'Aan ons aangeboden zaken' });
    await offered.locator(`a[href="/zaken/${caseId}"]`).click();
    await page.getByRole('heading', { name: 'Wat u nu kunt doen' }).waitFor();
    // Only what a bewindvoerder may do on an offered case: no officer or desk actions.
    const actions = await page.locator('.portal-action-list button').allTextContents();
    expect(actions.sort()).toEqual(['Aanbod afwijzen', 'Zaak oppakken']);
    await check('case-supporter-offered');
    await act('Zaak oppakken', async (form) => {
      await form
        .getByLabel('Kenmerk (uitspraaknummer of machtigingscode)')
        .fill('C/16/123456 / BW RK 24-001');
    });
    await page.getByText('Mag namens het gezin aanvragen.').waitFor();
    await act('Aanvraag bij Toeslagen vastleggen');
  }, 60_000);

  it('takes the case through the Toeslagen and CIZ desks to a rejection', async () => {
    await signInAs('toeslagen-officer');
    await page.locator(`a[href="/zaken/${caseId}"]`).first().waitFor();
    await check('worklist-toeslagen');
    await openCase();
    await act('Wlz-verzoek registreren');

    await signInAs('ciz-assessor');
    await page.locator(`a[href="/zaken/${caseId}"]`).first().waitFor();
    await openCase();
    await act('Wlz-indicatie bevestigen', async (form) => {
      await form.getByLabel('Geldig vanaf').fill('2020-01-01');
    });
    await check('case-ciz');

    await signInAs('toeslagen-officer');
    await openCase();
    await act('Formulieren verstuurd');

    await signInAs('bewindvoerder');
    await openCase();
    await act('Aanvraag ingediend', async (form) => {
      await form.getByLabel('Beide partners hebben getekend').check();
    });

    await signInAs('toeslagen-officer');
    await openCase();
    await act('Ontvangst registreren');
    await act('Afwijzen', async (form) => {
      await form.getByLabel('Reden van afwijzing').selectOption('PARTNER_NOT_WORKING');
      await form
        .getByLabel('Toelichting voor het gezin')
        .fill('Het werk van de partner is niet aangetoond.');
    });
    await page.locator('.utrecht-status-badge').getByText('Afgewezen').waitFor();
  }, 120_000);

  it('puts the rejected case back on the officer worklist and refuses to end SMI without accepting the gap', async () => {
    await signInAs('smi-officer-utrecht');
    const mine = page.getByRole('region', { name: 'Mijn volgende stappen' });
    const row = mine.locator('tr', { has: page.locator(`a[href="/zaken/${caseId}"]`) });
    await row.getByText('SMI voortzetten').waitFor();
    await row.locator(`a[href="/zaken/${caseId}"]`).click();
    await page.getByRole('heading', { name: 'Wat u nu kunt doen' }).waitFor();
    await page.getByRole('button', { name: 'SMI beëindigen', exact: true }).click();
    await page.getByText('Let op: voor').waitFor();
    await page
      .locator('form.portal-command-form')
      .getByRole('button', { name: 'SMI beëindigen', exact: true })
      .click();
    await page.getByText('SMI is niet beëindigd').waitFor();
    await page.getByText('het gezin zou dan geen vergoeding voor de opvang hebben').waitFor();
    await check('case-officer-gap-refused');
    // Nothing was recorded: the timeline and SMI period are unchanged.
    await expect(page.getByText('Vastgelegd:').count()).resolves.toBe(0);
    await page
      .getByLabel('Ik accepteer het gat, omdat…')
      .fill('Gezin stopt met de opvang; afgestemd met de bewindvoerder.');
    await page.getByRole('button', { name: 'SMI beëindigen en gat accepteren' }).click();
    await page.getByText('Bevestig dat u dit begrijpt.').waitFor();
    await page.getByLabel(/Ik begrijp dat het gezin vanaf/).check();
    await page.getByRole('button', { name: 'SMI beëindigen en gat accepteren' }).click();
    await page.getByText('Vastgelegd: Gat in financiering geaccepteerd, SMI beëindigd.').waitFor();
    // The gap starts tomorrow: the coming days show as at risk, in the picture and in words.
    await page
      .getByRole('cell', { name: /zonder SMI of toeslag \(komend\)/ })
      .first()
      .waitFor();
    await check('case-officer-gap-accepted');
  }, 60_000);

  it('shows the inbox when the platform has one, and hides it when not', async () => {
    const inbox = page.getByRole('link', { name: /^Berichten/ });
    if ((await inbox.count()) === 0) {
      console.warn(
        'The platform has no inbox yet (services/notifications): the inbox page is hidden.',
      );
      return;
    }
    await inbox.click();
    await page.getByRole('heading', { level: 1, name: 'Berichten' }).waitFor();
    await page.locator('.portal-inbox, main p').first().waitFor();
    await check('inbox');
  }, 60_000);

  it('lets an auditor see the history, slide back in time, check integrity and read the report', async () => {
    await signInAs('auditor');
    await page.goto(`${platform.url}/zaken/${caseId}/audit`);
    await page.getByText('In orde: de hashketen').waitFor();
    await page.getByRole('cell', { name: 'Doorverwijzing geopend' }).waitFor();
    await page
      .getByRole('heading', { name: /Op dat moment/ })
      .getByText('Afgewezen')
      .waitFor();
    const slider = page.getByRole('slider');
    await slider.focus();
    await page.keyboard.press('Home');
    await page
      .getByRole('heading', { name: /Op dat moment/ })
      .getByText('Doorverwezen, nog niet opgepakt')
      .waitFor();
    await page.getByText('1 gebeurtenissen meegeteld').waitFor();
    await check('audit-time-travel');
    await page.getByRole('link', { name: 'Rapportage' }).click();
    await page.getByRole('heading', { name: 'Van doorverwijzing tot besluit' }).waitFor();
    await check('report');
    await page.getByRole('link', { name: 'Zaken', exact: true }).click();
    await page.locator(`a[href="/zaken/${caseId}"]`).waitFor();
    await check('case-list-auditor');
  }, 60_000);

  it('switches to English and back', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Cases', exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.goto(`${platform.url}/zaken/${caseId}`);
    await page.getByRole('heading', { name: 'Funding of the childcare' }).waitFor();
    await check('case-auditor-english');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { name: 'Financiering van de opvang' }).waitFor();
  }, 60_000);
});
