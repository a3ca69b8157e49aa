// The lists a caseworker works from every day, on a phone and on a desk: a worklist of 60 cases
// that stays compact, can be searched by name (each such search recorded) and ordered, and no page
// that scrolls sideways on a 390 px wide phone, whoever is signed in.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { syntheticBsn, type Actor } from '@kot/domain';
import { actors, child, partnerWithIndication, workingPartner } from '@kot/domain/testing';
import { artifacts, describeInBrowser, usePortal } from './portalHarness';

/** The demo case offered to Bewindvoering Horizon, and the one waiting for a decision. */
const offeredCase = '0193c0de-0001-7000-8000-000000000001';
const awaitingDecision = '0193c0de-0002-7000-8000-000000000002';

const surnames = ['Jansen', 'de Vries', 'van Dijk', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder'];
/** The one family the search must find among the 60. */
const searchedFamily = 'Zandvoort';
/** Case ids as the platform makes them: the tail (the short case number) differs case to case. */
const seededCaseId = (n: number) =>
  `0193c0de-1000-7000-8000-${createHash('sha256').update(`lists-${n}`).digest('hex').slice(0, 12)}`;

const phone = { width: 390, height: 844 };
const desk = { width: 1280, height: 800 };

// In-page code as text: this workspace compiles without the DOM library.

/** How much wider than the screen the page is (0: nothing scrolls sideways). */
const sidewaysOverflow = (page: Page) =>
  page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');

/** The elements that reach past the right edge of the screen, to say what to fix. */
const tooWide = (page: Page) =>
  page.evaluate<string[]>(`[...document.querySelectorAll('body *')]
    .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
    // What a scroll area of its own holds (the funding figure) does not widen the page.
    .filter((element) => !element.closest('.portal-coverage'))
    .slice(0, 6)
    .map(
      (element) =>
        element.tagName.toLowerCase() + '.' + (element.getAttribute('class') ?? '') +
        ' (' + Math.round(element.getBoundingClientRect().right) + ' px)',
    )`);

describeInBrowser('the lists of daily work', () => {
  const portal = usePortal('lists');
  const figures: Record<string, unknown> = {};

  afterAll(() => {
    writeFileSync(join(artifacts, 'portal-lists-figures.json'), JSON.stringify(figures, null, 2));
  });

  it('seeds 60 referrals of the Utrecht officer through the real command path', async () => {
    const { platform } = portal;
    const today = new Date().toISOString().slice(0, 10);
    const days = (n: number) =>
      new Date(Date.parse(today) + n * 86_400_000).toISOString().slice(0, 10);
    for (let n = 0; n < 60; n++) {
      const surname = n === 37 ? searchedFamily : surnames[n % surnames.length]!;
      const result = await platform.referrals.executeCommand(
        {
          type: 'OpenReferral',
          caseId: seededCaseId(n),
          municipality: 'GM0344',
          household: {
            composition: 'partners',
            partners: [
              partnerWithIndication({ name: `Sam ${surname}`, bsn: syntheticBsn(500 + 3 * n) }),
              workingPartner({ name: `Lieke ${surname}`, bsn: syntheticBsn(501 + 3 * n) }),
            ],
          },
          children: [child({ name: `Noa ${surname}`, bsn: syntheticBsn(502 + 3 * n) })],
          smiPeriod: { from: days(-60), to: days(30 + n) },
        },
        actors.officer as Actor,
      );
      expect(result).toBeDefined();
    }
    await platform.projections.whenCaughtUp();
  }, 120_000);

  it('shows a 60-case worklist compactly: 50 rows fit on two screens at 1280×800, the rest a click away', async () => {
    const { page, signInAs, check } = portal;
    await page.setViewportSize(desk);
    await signInAs('smi-officer-utrecht');
    const mine = page.getByRole('region', { name: 'Mijn volgende stappen' });
    const rows = mine.locator('tbody tr');
    await rows.nth(49).waitFor();
    const heights = await rows.evaluateAll((all) =>
      all.map((row) => row.getBoundingClientRect().height),
    );
    expect(heights).toHaveLength(50);
    const tallest = Math.max(...heights);
    const table = await mine.locator('table').boundingBox();
    figures['worklist row height at 1280 px (px)'] = {
      tallest,
      average: heights.reduce((a, b) => a + b, 0) / heights.length,
      tableHeightFor50Rows: table?.height,
    };
    await page.screenshot({
      path: join(artifacts, 'portal-lists-worklist-60-desk-first-screen.png'),
    });
    expect(tallest).toBeLessThanOrEqual(32);
    expect(table!.height).toBeLessThanOrEqual(2 * desk.height);
    // The family's name beside the short case number, for the officer who referred the family.
    await mine
      .getByRole('link', {
        name: /^Familie (Jansen|de Vries|van Dijk|Bakker|Visser|Smit|Meijer|Mulder|Zandvoort) · zaak [0-9A-F]{8}$/,
      })
      .first()
      .waitFor();
    await check('lists-worklist-60-desk');
    // The next page of the list, at the end of the first.
    await mine.getByRole('button', { name: 'Meer laden' }).click();
    await rows.nth(59).waitFor();
    expect(await rows.count()).toBeGreaterThanOrEqual(60);
  }, 90_000);

  it('orders the worklist by due date when asked, and by urgency again after', async () => {
    const { page } = portal;
    const mine = page.getByRole('region', { name: 'Mijn volgende stappen' });
    await page.getByLabel('Volgorde').selectOption('DUE');
    const dues = async () =>
      mine
        .locator('tbody tr td:nth-child(2) time')
        .evaluateAll((all) => all.map((time) => time.getAttribute('datetime') ?? ''));
    await page.waitForFunction(() => true);
    await mine.locator('tbody tr').nth(49).waitFor();
    const byDue = await dues();
    expect(byDue.length).toBe(50);
    expect(byDue).toEqual([...byDue].sort());
    // A new order starts again on the first page.
    await expect(mine.getByRole('button', { name: 'Meer laden' }).count()).resolves.toBe(1);
    await page.getByLabel('Volgorde').selectOption('URGENCY');
    await mine.locator('tbody tr').nth(49).waitFor();
  }, 60_000);

  it('finds a family by name, and the search is recorded as a read of personal data', async () => {
    const { page, platform, check } = portal;
    const mine = page.getByRole('region', { name: 'Mijn volgende stappen' });
    await page.getByLabel('Zoek op naam, BSN of zaaknummer').fill(searchedFamily.toLowerCase());
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await mine
      .getByRole('link', { name: new RegExp(`^Familie ${searchedFamily} · zaak`) })
      .waitFor();
    await expect(mine.locator('tbody tr').count()).resolves.toBe(1);
    await check('lists-worklist-search');

    const caseId = seededCaseId(37);
    const response = await fetch(`${platform.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${platform.tokens['auditor']}`,
      },
      body: JSON.stringify({
        query: `query ($id: ID!) { personalDataReads(caseId: $id) { what query actor { id } } }`,
        variables: { id: caseId },
      }),
    });
    const { data } = (await response.json()) as {
      data: { personalDataReads: Array<{ what: string; query: string; actor: { id: string } }> };
    };
    expect(data.personalDataReads).toContainEqual({
      what: 'search: name or BSN',
      query: 'worklist',
      actor: { id: actors.officer.id },
    });
    await page.getByRole('button', { name: 'Alles tonen' }).click();
    await mine.locator('tbody tr').nth(49).waitFor();
  }, 60_000);

  it('shows whose turn it is in the case list, and filters on it', async () => {
    const { page, platform, check } = portal;
    await page.goto(`${platform.url}/zaken`);
    const table = page.getByRole('table', { name: 'Zaken' });
    await table.getByRole('columnheader', { name: 'Aan zet' }).waitFor();
    await page.getByLabel('Aan zet').selectOption({ label: 'Dienst Toeslagen (demo)' });
    const rows = table.locator('tbody tr');
    await rows.first().getByText('Dienst Toeslagen (demo)').waitFor();
    const turns = await rows.evaluateAll((all) =>
      all.map((row) => row.querySelector('td:nth-child(3) strong')?.textContent ?? ''),
    );
    expect(turns.length).toBeGreaterThan(0);
    expect(new Set(turns)).toEqual(new Set(['Dienst Toeslagen (demo)']));
    await check('lists-cases-turn-toeslagen');
  }, 60_000);

  /** Every page each role reaches from the menu, and the case pages they may open. */
  const pagesOf: Record<string, string[]> = {
    'smi-officer-utrecht': [
      '/',
      '/zaken',
      `/zaken/${awaitingDecision}`,
      '/doorverwijzen',
      '/rapportage',
      '/berichten',
      '/bestaat-niet',
    ],
    bewindvoerder: [
      '/',
      '/zaken',
      `/zaken/${awaitingDecision}`,
      `/zaken/${offeredCase}`,
      '/signaleren',
      '/berichten',
    ],
    'client-supporter': ['/', '/zaken'],
    'toeslagen-officer': ['/', '/zaken', `/zaken/${awaitingDecision}`, '/berichten'],
    'ciz-assessor': ['/', '/zaken'],
    auditor: [
      '/',
      '/zaken',
      `/zaken/${awaitingDecision}`,
      `/zaken/${awaitingDecision}/audit`,
      '/rapportage',
    ],
    'privacy-officer-utrecht': ['/', '/zaken', `/zaken/${awaitingDecision}`],
  };
  const nameOf = (path: string) =>
    path === '/'
      ? 'worklist'
      : path
          .replace(/^\//, '')
          .replace(awaitingDecision, 'awaiting')
          .replace(offeredCase, 'offered')
          .replace(/\//g, '-');

  it('lets no page scroll sideways on a 390 px phone, for any role, and keeps axe at zero', async () => {
    const { page, platform, signInAs, check } = portal;
    const overflowing: string[] = [];
    const checked = new Set<string>();
    await page.setViewportSize(phone);
    await page.goto(platform.url);
    const signOut = page.getByRole('button', { name: 'Uitloggen' });
    if (await signOut.isVisible()) await signOut.click();
    await page.locator('button[data-user]').first().waitFor();
    if ((await sidewaysOverflow(page)) > 0) overflowing.push('sign-in');
    await check('lists-phone-sign-in');
    for (const [role, paths] of Object.entries(pagesOf)) {
      await page.setViewportSize(phone);
      await signInAs(role);
      for (const path of paths) {
        await page.goto(`${platform.url}${path}`);
        await page.locator('h1').first().waitFor();
        await page
          .getByText('Bezig met laden…')
          .first()
          .waitFor({ state: 'detached' })
          .catch(() => {});
        await page.waitForTimeout(300);
        const wider = await sidewaysOverflow(page);
        if (wider > 0) {
          overflowing.push(
            `${role} ${path}: ${wider} px too wide (${(await tooWide(page)).join(', ')})`,
          );
        }
        // axe and a screenshot once per kind of page (the first role that reaches it).
        const kind = nameOf(path).replace(/^zaken-(awaiting|offered)/, 'zaken-case');
        if (!checked.has(kind)) {
          checked.add(kind);
          await check(`lists-phone-${role}-${nameOf(path)}`);
        }
      }
    }
    figures['pages wider than a 390 px phone'] = overflowing;
    expect(overflowing).toEqual([]);
  }, 600_000);

  it('takes each page at 1280 px too, for the eye', async () => {
    const { page, platform, signInAs } = portal;
    const overflowing: string[] = [];
    await page.setViewportSize(desk);
    for (const role of ['smi-officer-utrecht', 'auditor']) {
      await signInAs(role);
      for (const path of pagesOf[role]!) {
        await page.goto(`${platform.url}${path}`);
        await page.locator('h1').first().waitFor();
        await page.waitForTimeout(300);
        const wider = await sidewaysOverflow(page);
        if (wider > 0) {
          overflowing.push(
            `${role} ${path}: ${wider} px too wide (${(await tooWide(page)).join(', ')})`,
          );
        }
        await page.screenshot({
          path: join(artifacts, `portal-lists-desk-${role}-${nameOf(path)}.png`),
          fullPage: true,
        });
      }
    }
    figures['pages wider than a 1280 px screen'] = overflowing;
    expect(overflowing).toEqual([]);
  }, 180_000);
});
