// The portal in a real browser: an officer refers a family, a bewindvoerder takes it on, CIZ
// confirms, Toeslagen rejects, the officer finds the case back on the worklist and cannot end SMI
// without accepting the gap, and an auditor slides back in time. Every page passes axe.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, dateInAmsterdam, syntheticBsn } from '@kot/domain';
import { artifacts, describeInBrowser, eventually, usePortal } from './portalHarness';

/** The timeline right after a step: the step just done reads "done", nothing reads "not needed". */
async function expectStepDone(page: import('playwright-core').Page, label: string) {
  const step = page.locator('.portal-timeline__step', { hasText: label });
  await expect(step.getAttribute('class')).resolves.toContain('portal-timeline__step--done');
  await expect(step.locator('.portal-timeline__state').textContent()).resolves.toBe('Afgerond');
  await expect(page.locator('.portal-timeline__step--skipped').count()).resolves.toBe(0);
}

describeInBrowser('the portal in a browser', () => {
  const portal = usePortal('journey');
  let caseId = '';
  const today = dateInAmsterdam(new Date().toISOString());

  /** Asks the platform's GraphQL API directly, as the demo user `key`. */
  const ask = async <T>(key: string, query: string, variables: object = {}): Promise<T> => {
    const response = await fetch(`${portal.platform.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${portal.platform.tokens[key]}`,
      },
      body: JSON.stringify({ query, variables }),
    });
    return ((await response.json()) as { data: T }).data;
  };
  /** The personal-data reads the platform recorded for the case, as an auditor would ask them. */
  const personalDataReads = async (): Promise<unknown[]> =>
    (
      await ask<{ personalDataReads: unknown[] }>(
        'auditor',
        'query ($id: ID!) { personalDataReads(caseId: $id) { what query } }',
        { id: caseId },
      )
    ).personalDataReads;

  it('lets a demo user sign in from a list, and passes axe on the sign-in page', async () => {
    const { page, platform, check } = portal;
    await page.goto(platform.url);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await page.locator('button[data-user="smi-officer-utrecht"]').waitFor();
    await check('sign-in');
    await page.locator('button[data-user="smi-officer-utrecht"]').click();
    await page.getByRole('heading', { level: 1, name: 'Werklijst' }).waitFor();
    await page.getByRole('heading', { name: 'Mijn volgende stappen' }).waitFor();
    await page.locator('table').first().waitFor();
    // The role reads as the role's name, not as a lowercased code.
    await page.getByText('Uw rol: SMI-consulent, Gemeente Utrecht (demo).').waitFor();
    await check('worklist-officer');
  }, 60_000);

  it('shows the eligibility pre-check live while an officer refers a family, and opens the case', async () => {
    const { page, check } = portal;
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
    // Both partners' names, joined as Dutch joins them.
    await page.getByText('Sanne Visser en Daan Visser').waitFor();
  }, 60_000);

  it('lets the officer offer the case to the bewindvoerder office', async () => {
    const { page, act, check } = portal;
    await act(
      'Aanbieden aan ondersteuner',
      async (form) => {
        await form
          .getByLabel('Ondersteuner', { exact: true })
          .selectOption('org-bewind-horizon|bewindvoerder');
      },
      'Zaak aanbieden',
    );
    await page.getByText('Zaak aangeboden').waitFor();
    await check('case-officer-offered');
  }, 60_000);

  it('shows the offer to the bewindvoerder, who takes the case on and sees each step done at once', async () => {
    const { page, signInAs, act, check } = portal;
    await signInAs('bewindvoerder');
    const offered = page.getByRole('region', { name: 'Aan ons aangeboden zaken' });
    await offered.locator(`a[href="/zaken/${caseId}"]`).click();
    await page.getByRole('heading', { name: 'Wat u nu kunt doen' }).waitFor();
    // Only what a bewindvoerder may do on an offered case: no officer or desk actions; the
    // eligibility check is open to every professional who sees the case.
    const actions = await page.locator('.portal-action-list button').allTextContents();
    expect(actions.sort()).toEqual([
      'Aanbod afwijzen',
      'Recht op kinderopvangtoeslag vastleggen',
      'Zaak oppakken',
    ]);
    await check('case-supporter-offered');
    await act('Zaak oppakken', async (form) => {
      await form.getByLabel('Soort machtiging').selectOption('court-bewind');
      await form
        .getByLabel('Kenmerk van de rechtbank (zaaknummer van de uitspraak)')
        .fill('C/16/123456 / BW RK 24-001');
      // The court placed both parents under the bewind.
      const named = form.getByRole('group', {
        name: 'Welke ouders plaatste de rechtbank onder de maatregel?',
      });
      for (const parent of await named.getByRole('checkbox').all()) await parent.check();
    });
    await page.getByText('Mag namens het gezin aanvragen.').waitFor();
    await expectStepDone(page, 'Opgepakt door een ondersteuner');
    await act('Aanvraag bij Toeslagen vastleggen', async (form) => {
      await form.getByLabel('Hoe aangevraagd').selectOption('PHONE');
    });
    await expectStepDone(page, 'Aangevraagd bij Dienst Toeslagen');
  }, 60_000);

  it('takes the case through the Toeslagen and CIZ desks to a rejection', async () => {
    const { page, signInAs, openCase, act, check } = portal;
    await signInAs('toeslagen-officer');
    await page.locator(`a[href="/zaken/${caseId}"]`).first().waitFor();
    await check('worklist-toeslagen');
    await openCase(caseId);
    await act('Wlz-verzoek registreren');
    await expectStepDone(page, 'Wlz-verzoek geregistreerd door Toeslagen');

    await act('Wlz-indicatie bevestigen', async (form) => {
      await form.getByLabel('Soort indicatie').selectOption('PERMANENT');
      await form.getByLabel('Geldig vanaf').fill('2020-01-01');
    });
    await expectStepDone(page, 'Wlz-indicatie bevestigd door Toeslagen');
    await act('Formulieren verstuurd');

    await signInAs('bewindvoerder');
    await openCase(caseId);
    await act('Aanvraag ingediend', async (form) => {
      await form.getByLabel('Beide partners hebben getekend').check();
    });
    await expectStepDone(page, 'Aanvraag ingevuld, getekend en teruggestuurd');

    await signInAs('toeslagen-officer');
    await openCase(caseId);
    await act('Ontvangst registreren');
    await act(
      'Afwijzen',
      async (form) => {
        await form.getByLabel('Reden van afwijzing').selectOption('PARTNER_NOT_WORKING');
        await form
          .getByLabel('Toelichting voor het gezin')
          .fill('Het werk van de partner is niet aangetoond.');
      },
      'Afwijzen',
      'Ja, afwijzen',
    );
    await page.locator('.utrecht-status-badge').getByText('Afgewezen').waitFor();
    await expectStepDone(page, 'Besluit van Dienst Toeslagen');
  }, 120_000);

  it('puts the rejected case back on the officer worklist and refuses to end SMI without accepting the gap', async () => {
    const { page, signInAs, check } = portal;
    await signInAs('smi-officer-utrecht');
    const mine = page.getByRole('region', { name: 'Mijn volgende stappen' });
    const row = mine.locator('tr', { has: page.locator(`a[href="/zaken/${caseId}"]`) });
    await row.getByText('SMI voortzetten').waitFor();
    await row.locator(`a[href="/zaken/${caseId}"]`).click();
    await page.getByRole('heading', { name: 'Wat u nu kunt doen' }).waitFor();
    await portal.showOtherActions();
    await page.getByRole('button', { name: 'SMI beëindigen', exact: true }).click();
    const form = page.locator('form.portal-command-form');
    const lastDay = form.getByLabel('Laatste dag SMI');
    // Not today: the SMI runs until its own end, and that is what the form proposes.
    await expect(lastDay.inputValue()).resolves.toBe(addDays(today, 20));
    await lastDay.fill(today);
    await page.getByText('Let op: voor').waitFor();
    await form.getByRole('button', { name: 'SMI beëindigen', exact: true }).click();
    await page.getByText('het gezin zou dan geen vergoeding voor de opvang hebben').waitFor();
    // The domain's date, in words: tomorrow, written out.
    const tomorrowInWords = new Intl.DateTimeFormat('nl-NL', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${addDays(today, 1)}T00:00:00Z`));
    await page.getByText(`op ${tomorrowInWords} is er geen kinderopvangtoeslag`).waitFor();
    await check('case-officer-gap-refused');
    // Nothing was recorded: no receipt.
    await expect(page.getByText('Vastgelegd:').count()).resolves.toBe(0);
    // Another day: the refusal was about the old one, so it and the acceptance go.
    await lastDay.fill(addDays(today, 1));
    await expect(page.getByText('Of: het gat toch accepteren').count()).resolves.toBe(0);
    await expect(page.getByText(/SMI is niet beëindigd/).count()).resolves.toBe(0);
    await lastDay.fill(today);
    await form.getByRole('button', { name: 'SMI beëindigen', exact: true }).click();
    // One panel with both ways forward, and the keyboard is taken to it.
    const panel = page.locator('.portal-gap-panel');
    await panel.getByText('Of: het gat toch accepteren').waitFor();
    await expect(page.locator(':focus').textContent()).resolves.toBe(
      'SMI is niet beëindigd: kies hoe het verder gaat',
    );
    await panel.getByRole('button', { name: 'SMI verlengen', exact: true }).waitFor();
    await expect(
      panel.getByRole('button', { name: 'SMI verlengen' }).getAttribute('class'),
    ).resolves.toContain('primary-action');
    await page.getByLabel('Ik accepteer het gat, omdat…').fill('Te kort');
    await page.getByRole('button', { name: 'SMI beëindigen en gat accepteren' }).click();
    const summary = page.locator('.portal-error-summary');
    await summary.getByText('Geef een reden van minstens 10 tekens.').waitFor();
    await summary.getByText('Bevestig dat u dit begrijpt.').waitFor();
    await page
      .getByLabel('Ik accepteer het gat, omdat…')
      .fill('Gezin stopt met de opvang; afgestemd met de bewindvoerder.');
    await page.getByLabel(/Ik begrijp dat het gezin vanaf/).check();
    await page.getByRole('button', { name: 'SMI beëindigen en gat accepteren' }).click();
    await page.getByText('Vastgelegd: Gat in financiering geaccepteerd, SMI beëindigd.').waitFor();
    // The gap starts tomorrow and is accepted: shown apart from unaccepted gaps, with the reason.
    const accepted = page.getByRole('row', { name: /Gat geaccepteerd/ });
    await accepted
      .getByRole('cell', { name: /Gezin stopt met de opvang; afgestemd met de bewindvoerder/ })
      .waitFor();
    await accepted.getByRole('cell', { name: 'tot de financiering weer begint' }).waitFor();
    await expect(page.getByRole('cell', { name: /niet geaccepteerd/ }).count()).resolves.toBe(0);
    await expect(page.locator('.portal-coverage__accepted').count()).resolves.toBe(1);
    await expect(page.locator('.portal-coverage__gap').count()).resolves.toBe(0);
    await expectStepDone(page, 'Besluit van Dienst Toeslagen');
    await check('case-officer-gap-accepted');
    // Printed for the family's file: the case and who printed it, without menus or actions.
    await page.emulateMedia({ media: 'print' });
    await page.getByText(/^Afgedrukt op .+ door .+\(Gemeente Utrecht \(demo\)\)\./).waitFor();
    await expect(
      page.getByRole('heading', { name: 'Wat u nu kunt doen' }).isVisible(),
    ).resolves.toBe(false);
    await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()).resolves.toBe(
      false,
    );
    await expect(
      page.getByRole('heading', { name: 'Financiering van de opvang' }).isVisible(),
    ).resolves.toBe(true);
    // Who is at turn is on paper too.
    await expect(
      page.locator('.portal-turn .portal-owner-line').first().textContent(),
    ).resolves.toMatch(/^Aan zet: .+ · bewaakt door /);
    await page.pdf({ path: join(artifacts, 'portal-case-print.pdf'), format: 'A4' });
    await page.screenshot({ path: join(artifacts, 'portal-case-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('heading', { name: 'Wat u nu kunt doen' }).waitFor();
  }, 60_000);

  it('shows the inbox, and a message marked read lowers the unread count at once', async () => {
    const { page, platform, check } = portal;
    const inbox = page.getByRole('link', { name: /^Berichten/ });
    const unread = async () =>
      Number((await inbox.locator('.utrecht-number-badge').textContent())?.match(/\d+/)?.[0] ?? 0);
    // The last steps' messages may still be on their way: count once the platform has handled
    // every event and the officer's unread count held still for a second.
    await platform.notifications.catchUp();
    const serverUnread = async () =>
      (
        await ask<{ inbox: { unreadCount: number } }>(
          'smi-officer-utrecht',
          'query { inbox(unreadOnly: true, first: 1) { unreadCount } }',
        )
      ).inbox.unreadCount;
    const [, settled] = await eventually(
      async () => {
        const first = await serverUnread();
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        return [first, await serverUnread()] as const;
      },
      ([first, second]) => first === second,
      20_000,
    );
    await page.reload();
    const before = await eventually(unread, (count) => count === settled);
    expect(before).toBe(settled);
    expect(before).toBeGreaterThan(0);
    await inbox.click();
    await page.getByRole('heading', { level: 1, name: 'Berichten' }).waitFor();
    await page.locator('.portal-inbox').first().waitFor();
    await check('inbox');
    const markButtons = page.getByRole('button', { name: /^Markeer als gelezen: / });
    const unmarked = await markButtons.count();
    await markButtons.first().click();
    // The list itself shows the message as read at once, not only the count in the menu.
    await expect(
      eventually(
        () => markButtons.count(),
        (n) => n === unmarked - 1,
      ),
    ).resolves.toBe(unmarked - 1);
    await expect(eventually(unread, (count) => count === before - 1)).resolves.toBe(before - 1);
  }, 60_000);

  it('lets an auditor see the history, slide back in time without reading personal data, check integrity and read the report', async () => {
    const { page, platform, signInAs, check } = portal;
    await signInAs('auditor');
    await page.goto(`${platform.url}/zaken/${caseId}/audit`);
    await page.getByText('In orde: de hashketen').waitFor();
    await page.getByRole('cell', { name: 'Doorverwijzing geopend' }).waitFor();
    // The history opens on the case's own steps; the deliveries of notifications come on request.
    await expect(
      page.getByRole('radio', { name: /^Alleen stappen in de zaak/ }).isChecked(),
    ).resolves.toBe(true);
    await expect(page.getByRole('cell', { name: /^Melding bezorgd/ }).count()).resolves.toBe(0);
    await page.getByRole('radio', { name: /^Alles/ }).check();
    // Who did it, in words: the role and the organisation's name, not an account id alone.
    await page
      .getByRole('cell', { name: /^Bewindvoerder/ })
      .first()
      .waitFor();
    await page.getByRole('cell', { name: 'Bewindvoering Horizon (demo)' }).first().waitFor();
    // The deliveries apart from the steps, each row keeping its number in the whole history.
    const rows = page
      .getByRole('table', { name: /in volgorde van vastleggen$/ })
      .locator('tbody tr');
    const allRows = await rows.count();
    await page.getByRole('radio', { name: /^Alleen bezorging van meldingen/ }).check();
    await page
      .getByRole('cell', { name: /^Melding bezorgd/ })
      .first()
      .waitFor();
    await expect(page.getByRole('cell', { name: 'Doorverwijzing geopend' }).count()).resolves.toBe(
      0,
    );
    const deliveryRows = await rows.count();
    expect(deliveryRows).toBeGreaterThan(0);
    await page.getByRole('radio', { name: /^Alleen stappen in de zaak/ }).check();
    await page.getByRole('cell', { name: 'Doorverwijzing geopend' }).waitFor();
    await expect(page.getByRole('cell', { name: /^Melding bezorgd/ }).count()).resolves.toBe(0);
    const stepRows = await rows.count();
    expect(stepRows + deliveryRows).toBe(allRows);
    // The file follows the filter shown: the steps only, each keeping its number in the history.
    const [stepsDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `De ${stepRows} getoonde regels downloaden (CSV)` }).click(),
    ]);
    const stepsCsv = readFileSync((await stepsDownload.path())!, 'utf8');
    expect(stepsCsv.trimEnd().split('\r\n')).toHaveLength(stepRows + 1);
    expect(stepsCsv).not.toContain(';NotificationDelivered;');
    await page.getByRole('radio', { name: /^Alles/ }).check();
    // The whole history as a file for the auditor's own tools.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Alle ${allRows} regels downloaden (CSV)` }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^zaak-[0-9A-F]{8}-geschiedenis\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(allRows + 1);
    expect(lines[0]).toMatch(/^Nr;Gebeurtenis;Type;Rol;Account;Organisatie;Gebeurd op \(UTC\);/);
    expect(lines[1]).toMatch(
      /^1;Doorverwijzing geopend;ReferralOpened;SMI-consulent;u-officer-utrecht;Gemeente Utrecht \(demo\);/,
    );
    expect(csv).not.toContain('Sanne Visser');
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
    await page.getByText('1 gebeurtenis meegeteld.').waitFor();
    await page.keyboard.press('ArrowRight');
    await page.getByText('2 gebeurtenissen meegeteld.').waitFor();
    // The slider showed no names, and asked for none: nothing was recorded as read.
    await expect(page.getByText('Sanne Visser').count()).resolves.toBe(0);
    await expect(personalDataReads()).resolves.toEqual([]);
    await check('audit-time-travel');
    await page.getByRole('button', { name: 'Persoonsgegevens tonen (wordt vastgelegd)' }).click();
    await page.getByText(/Sanne Visser — BSN/).waitFor();
    const reads = await eventually(personalDataReads, (found) => found.length > 0);
    expect(reads).toEqual(expect.arrayContaining([expect.objectContaining({ query: 'caseAsOf' })]));
    await page.getByRole('link', { name: 'Rapportage' }).click();
    await page.getByRole('heading', { name: 'Van doorverwijzing tot besluit' }).waitFor();
    await check('report');
    await page.getByRole('link', { name: 'Zaken', exact: true }).click();
    await page.locator(`a[href="/zaken/${caseId}"]`).waitFor();
    await check('case-list-auditor');
  }, 60_000);

  it('shows the main pages in English, and switches back', async () => {
    const { page, platform, signInAs, check } = portal;
    await signInAs('smi-officer-utrecht');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Worklist' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByText('Your role: SMI officer, Gemeente Utrecht (demo).').waitFor();
    await check('worklist-officer-english');
    await page.goto(`${platform.url}/zaken/${caseId}`);
    await page.getByRole('heading', { name: 'Funding of the childcare' }).waitFor();
    await page.getByText('Sanne Visser and Daan Visser').waitFor();
    await page.getByRole('row', { name: /Gap accepted/ }).waitFor();
    await check('case-officer-english');
    await page.getByRole('link', { name: 'Refer a family' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Refer a family to the childcare allowance' })
      .waitFor();
    await check('referral-english');
    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    await page.locator(`a[href="/zaken/${caseId}"]`).waitFor();
    await check('case-list-english');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zaken' }).waitFor();
  }, 60_000);

  // Last: after it nobody reads who the family was.
  it('lets the privacy officer erase the family’s personal data, and only that', async () => {
    const { page, signInAs, openCase, act, check } = portal;
    await signInAs('privacy-officer-utrecht');
    await openCase(caseId);
    const actions = await page.locator('.portal-action-list button').allTextContents();
    expect(actions).toEqual(['Persoonsgegevens wissen']);
    await act('Persoonsgegevens wissen', async (form) => {
      await form.getByLabel('Grond').selectOption('REQUEST_OF_DATA_SUBJECT');
      await form.getByLabel('Kenmerk van het verzoek (optioneel)').fill('AVG-2026-041');
      await check('case-privacy-officer-erase');
    });
    await page.getByText('Vastgelegd: Persoonsgegevens gewist.').waitFor();
    const shown = await ask<{ case: { household: { partners: Array<{ name: string }> } } }>(
      'auditor',
      'query ($id: ID!) { case(id: $id) { household { partners { name } } } }',
      { id: caseId },
    );
    const names = shown.case.household.partners.map((partner) => partner.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((name) => name === '[REDACTED]')).toBe(true);
  }, 60_000);
});
