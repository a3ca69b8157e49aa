// The case page as a caseworker's daily tool: who is at turn (as the domain says, for every
// role), one obvious next action with the rest under "Andere acties" and the end of a case set
// apart, forms whose consequential choices start empty, confirmations before steps hard to undo,
// the eligibility "no" route, Toeslagen's decision in place of the provisional check, and the
// case page right after a referral is sent.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { addDays, CIZ, dateInAmsterdam, syntheticBsn, TOESLAGEN } from '@kot/domain';
import type { NextStepView, PartyView } from '../../services/portal/src/api/caseView';
import { ownerLinesText } from '../../services/portal/src/case/ownerLine';
import { artifacts, describeInBrowser, usePortal } from './portalHarness';

/** The demo cases (services/all-in-one seedDemoCases). */
const demo = {
  offered: '0193c0de-0001-7000-8000-000000000001',
  awaitingDecision: '0193c0de-0002-7000-8000-000000000002',
  gap: '0193c0de-0003-7000-8000-000000000003',
};

const today = dateInAmsterdam(new Date().toISOString());
let nextBsn = 5100;

/** Fills the referral form for a couple with one child; `volunteering` makes the check say no. */
async function fillReferral(page: Page, name: string, volunteering: boolean) {
  await page.getByRole('link', { name: 'Gezin doorverwijzen' }).click();
  const parent1 = page.getByRole('group', { name: 'Ouder 1' });
  await parent1.getByLabel('Naam').fill(`${name} A`);
  await parent1.getByLabel('BSN').fill(syntheticBsn(nextBsn++));
  await parent1.getByLabel('Geboortedatum').fill('1990-03-04');
  await parent1.getByLabel('Wlz-indicatie', { exact: true }).selectOption('permanent');
  const parent2 = page.getByRole('group', { name: 'Ouder 2' });
  await parent2.getByLabel('Naam').fill(`${name} B`);
  await parent2.getByLabel('BSN').fill(syntheticBsn(nextBsn++));
  await parent2.getByLabel('Geboortedatum').fill('1989-05-06');
  await parent2.getByLabel('Werk').selectOption(volunteering ? 'volunteering' : 'employed');
  const child = page.getByRole('group', { name: 'Kind 1' });
  await child.getByLabel('Naam').fill(`${name} C`);
  await child.getByLabel('BSN').fill(syntheticBsn(nextBsn++));
  await child.getByLabel('Geboortedatum').fill('2022-01-10');
  await child.getByLabel('LRK-nummer van de opvanglocatie').fill('123456789');
  await child.getByLabel('Uren per maand').fill('80');
  await child.getByLabel('Uurtarief in euro').fill('9,85');
  const smi = page.getByRole('group', { name: /SMI-periode/ });
  await smi.getByLabel('Vanaf').fill(addDays(today, -30));
  await smi.getByLabel('Tot en met').fill(addDays(today, 40));
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

describeInBrowser('the case page', () => {
  const portal = usePortal('case-page');

  const ask = async <T>(key: string, query: string, variables: object = {}): Promise<T | null> => {
    const response = await fetch(`${portal.platform.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${portal.platform.tokens[key]}`,
      },
      body: JSON.stringify({ query, variables }),
    });
    return ((await response.json()) as { data: T | null }).data;
  };
  const party = 'organisation role personId name';
  const step = `action due responsible { ${party} } escalateTo { ${party} }`;
  interface Turn {
    case: {
      atTurn: NextStepView[];
      nextStep: { action: string } | null;
      referringOfficer: PartyView | null;
    } | null;
  }
  const turnOf = (key: string, caseId: string) =>
    ask<Turn>(
      key,
      `query ($id: ID!) { case(id: $id) { atTurn { ${step} } nextStep { action } referringOfficer { ${party} } } }`,
      { id: caseId },
    );
  const organisationNames = async () => {
    const users = (await (await fetch(`${portal.platform.url}/demo/users`)).json()) as Array<{
      organisation: string;
      organisationName: string;
    }>;
    const names = new Map<string, string>([
      [CIZ, 'CIZ'],
      [TOESLAGEN, 'Dienst Toeslagen'],
    ]);
    for (const user of users) names.set(user.organisation, user.organisationName);
    return (id: string) => names.get(id) ?? id;
  };
  const ownerLines = (page: Page) =>
    page.locator('.portal-turn .portal-owner-line').allTextContents();

  it('says who is at turn as the domain does, for every role on every demo case it may see', async () => {
    const { page, signInAs, openCase } = portal;
    const organisationName = await organisationNames();
    let compared = 0;
    for (const key of [
      'smi-officer-utrecht',
      'bewindvoerder',
      'toeslagen-officer',
      'ciz-assessor',
    ]) {
      await signInAs(key);
      for (const caseId of Object.values(demo)) {
        const turn = (await turnOf(key, caseId))?.case;
        if (!turn) continue;
        // The domain's next step, except that an offer is the supporter's to answer.
        const first = turn.atTurn[0];
        expect(first?.action).toBe(
          turn.nextStep?.action === 'get-case-claimed'
            ? 'claim-or-decline-offer'
            : turn.nextStep?.action,
        );
        await openCase(caseId);
        const expected = ownerLinesText(turn.atTurn, turn.referringOfficer, {
          language: 'nl',
          organisationName,
        });
        await expect(ownerLines(page)).resolves.toEqual(expected);
        // The journey names the same party at its current step.
        await page.locator('.portal-timeline__step--current .portal-owner-line').first().waitFor();
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(6);
  }, 180_000);

  it('names the supporter an offer waits for, not the officer, and who watches, in the header and the journey', async () => {
    const { page, signInAs, openCase, check } = portal;
    await signInAs('smi-officer-utrecht');
    await openCase(demo.offered);
    const [line] = await ownerLines(page);
    expect(line).toMatch(
      /^Aan zet: Bewindvoering Horizon.* \(oppakken of afwijzen\), uiterlijk \d+ \w+ \d{4} · bewaakt door /,
    );
    const current = page.locator('.portal-timeline__step--current');
    await current.getByText('Nu aan zet').waitFor();
    await expect(current.locator('.portal-owner-line').textContent()).resolves.toBe(line);
    // No internal ids and no ISO dates in the header.
    const header = (await page.locator('.portal-turn').textContent()) ?? '';
    expect(header).not.toMatch(/\d{4}-\d{2}-\d{2}|\(p\d\)/);
    await check('case-offered-officer');
  }, 60_000);

  it('shows the urgency reason, the decision instead of the check, and one obvious action with the rest tucked away', async () => {
    const { page, openCase, check, showOtherActions } = portal;
    await openCase(demo.gap);
    // Rejected after SMI ran out: the family has no funding, first on every list, and says why.
    await page
      .locator('.portal-turn--unfunded-today')
      .getByText(/geen financiering voor de opvang/)
      .waitFor();
    const decision = page.getByRole('region', { name: 'Besluit van Dienst Toeslagen' });
    await decision.getByText('Kinderopvangtoeslag afgewezen.').waitFor();
    await decision
      .getByText(/Reden: Partner werkt niet\. De partner doet vrijwilligerswerk/)
      .waitFor();
    await expect(
      page.getByRole('heading', { name: 'Recht op kinderopvangtoeslag' }).count(),
    ).resolves.toBe(0);
    // The step's own command first, as the one primary button.
    const primary = page.locator('.portal-actions button.utrecht-button--primary-action');
    await expect(primary.count()).resolves.toBe(1);
    await expect(primary.getAttribute('data-command')).resolves.toBe('ReinstateSmi');
    // Ending an SMI that already ended is not offered, nor reinstating one that still runs.
    await expect(page.locator('[data-command="EndSmi"]').count()).resolves.toBe(0);
    // The rest waits under "Andere acties"; closing and withdrawing stand apart.
    const more = page.locator('details.portal-more-actions');
    await expect(more.locator('summary').textContent()).resolves.toBe('Andere acties');
    await expect(
      more.getByRole('button', { name: 'Recht op kinderopvangtoeslag vastleggen' }).isVisible(),
    ).resolves.toBe(false);
    await showOtherActions();
    await more.getByRole('button', { name: 'Recht op kinderopvangtoeslag vastleggen' }).waitFor();
    const apart = page.locator('.portal-ending-actions');
    await apart.getByRole('button', { name: 'Zaak sluiten', exact: true }).waitFor();
    await apart.getByRole('button', { name: 'Zaak intrekken', exact: true }).waitFor();
    await check('case-gap-officer');
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({
        path: join(artifacts, `portal-case-page-${width}.png`),
        fullPage: true,
      });
      // Nothing wider than the screen: the elements that stick out, named, when something does.
      // In-page code as text: this workspace compiles without the DOM library.
      const sticking = await page.evaluate<string[]>(
        `[...document.querySelectorAll('main *')]
          .filter((element) => element.getBoundingClientRect().right > ${width} + 1)
          // What a scroll area of its own holds (the funding figure) does not widen the page.
          .filter((element) => !element.closest('.portal-coverage'))
          .map((element) => element.tagName + '.' + element.className)
          .slice(0, 8)`,
      );
      expect(sticking).toEqual([]);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 60_000);

  it('asks for a confirmation that says what will happen before a case is withdrawn or closed', async () => {
    const { page, check } = portal;
    const form = page.locator('form.portal-command-form');
    await page.getByRole('button', { name: 'Zaak intrekken', exact: true }).click();
    await form.getByRole('button', { name: 'Zaak intrekken', exact: true }).click();
    await page.locator('.portal-error-summary').getByText('Vul “Reden” in.').waitFor();
    await form.getByLabel('Reden').fill('Het gezin wil geen hulp meer.');
    await form.getByRole('button', { name: 'Zaak intrekken', exact: true }).click();
    await form.getByText(/De zaak wordt ingetrokken: het traject stopt voor iedereen/).waitFor();
    await form.getByText('Het gezin wil geen hulp meer.').waitFor();
    await check('case-withdraw-confirm');
    // Back to the form keeps what was typed; nothing was recorded.
    await form.getByRole('button', { name: 'Terug naar het formulier' }).click();
    await expect(form.getByLabel('Reden').inputValue()).resolves.toBe(
      'Het gezin wil geen hulp meer.',
    );
    await form.getByRole('button', { name: 'Annuleren' }).click();
    await expect(page.getByText('Vastgelegd:').count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Zaak sluiten', exact: true }).click();
    // No outcome is assumed for the family.
    await expect(form.getByLabel('Uitkomst').inputValue()).resolves.toBe('');
    await form.getByRole('button', { name: 'Zaak sluiten', exact: true }).click();
    await page.locator('.portal-error-summary').getByText('Kies bij “Uitkomst”.').waitFor();
    await form.getByLabel('Uitkomst').selectOption('STAYS_ON_SMI');
    await form.getByRole('button', { name: 'Zaak sluiten', exact: true }).click();
    await form.getByText(/De zaak wordt gesloten met deze uitkomst/).waitFor();
    await form.getByText('Blijft op SMI').waitFor();
    await check('case-close-confirm');
    await form.getByRole('button', { name: 'Terug naar het formulier' }).click();
    await form.getByRole('button', { name: 'Annuleren' }).click();
  }, 60_000);

  it('starts a rejection empty and shows what it will do before it is recorded', async () => {
    const { page, signInAs, openCase, check } = portal;
    await signInAs('toeslagen-officer');
    await openCase(demo.awaitingDecision);
    const primary = page.locator('.portal-actions button.utrecht-button--primary-action');
    await expect(primary.getAttribute('data-command')).resolves.toBe('GrantKot');
    await page.getByRole('button', { name: 'Afwijzen', exact: true }).click();
    const form = page.locator('form.portal-command-form');
    await expect(form.getByLabel('Reden van afwijzing').inputValue()).resolves.toBe('');
    await form.getByRole('button', { name: 'Afwijzen', exact: true }).click();
    const summary = page.locator('.portal-error-summary');
    await summary.getByText('Kies bij “Reden van afwijzing”.').waitFor();
    await summary.getByText('Vul “Toelichting voor het gezin” in.').waitFor();
    await check('case-reject-empty');
    await form.getByLabel('Reden van afwijzing').selectOption('APPLICATION_INCOMPLETE');
    await form
      .getByLabel('Toelichting voor het gezin')
      .fill('De handtekening van de partner ontbreekt.');
    await form.getByRole('button', { name: 'Afwijzen', exact: true }).click();
    await form
      .getByText(/De aanvraag wordt afgewezen\. Het gezin krijgt geen kinderopvangtoeslag/)
      .waitFor();
    await form.getByText('Aanvraag onvolledig').waitFor();
    await check('case-reject-confirm');
    await form.getByRole('button', { name: 'Terug naar het formulier' }).click();
    await form.getByRole('button', { name: 'Annuleren' }).click();
    await expect(page.getByText('Vastgelegd:').count()).resolves.toBe(0);
  }, 60_000);

  it('asks which mandate a supporter holds, and the court’s reference for a court bewind', async () => {
    const { page, signInAs, openCase, check } = portal;
    await signInAs('bewindvoerder');
    await openCase(demo.offered);
    const primary = page.locator('.portal-actions button.utrecht-button--primary-action');
    await expect(primary.getAttribute('data-command')).resolves.toBe('ClaimCase');
    await primary.click();
    const form = page.locator('form.portal-command-form');
    await expect(form.getByLabel('Soort machtiging').inputValue()).resolves.toBe('');
    await form.getByRole('button', { name: 'Zaak oppakken', exact: true }).click();
    await page.locator('.portal-error-summary').getByText('Kies bij “Soort machtiging”.').waitFor();
    await form.getByLabel('Soort machtiging').selectOption('court-bewind');
    await form.getByRole('button', { name: 'Zaak oppakken', exact: true }).click();
    await page
      .locator('.portal-error-summary')
      .getByText(/Vul het kenmerk van de uitspraak van de rechtbank in\./)
      .waitFor();
    await check('case-claim-court-reference');
    await form
      .getByLabel('Kenmerk van de rechtbank (zaaknummer van de uitspraak)')
      .fill('C/16/654321 / BW RK 26-002');
    // The court placed both parents under the bewind.
    const named = form.getByRole('group', {
      name: 'Welke ouders plaatste de rechtbank onder de maatregel?',
    });
    for (const parent of await named.getByRole('checkbox').all()) await parent.check();
    await form.getByRole('button', { name: 'Zaak oppakken', exact: true }).click();
    await page.getByText('Vastgelegd: Zaak opgepakt.').waitFor();
    // At once the supporter is at turn for the request, and its form asks how, choosing nothing.
    const [line] = await ownerLines(page);
    expect(line).toMatch(/^Aan zet: Bewindvoering Horizon.* \(kinderopvangtoeslag aanvragen\)/);
    await page
      .getByRole('button', { name: 'Aanvraag bij Toeslagen vastleggen', exact: true })
      .click();
    await expect(form.getByLabel('Hoe aangevraagd').inputValue()).resolves.toBe('');
    await form.getByRole('button', { name: 'Annuleren' }).click();
  }, 60_000);

  it('takes a "no" from the check to the family’s choice: apply anyway with a reason, confirmed', async () => {
    const { page, signInAs, act, check } = portal;
    await signInAs('smi-officer-utrecht');
    await fillReferral(page, 'Nee', true);
    await page
      .locator('aside')
      .getByText('Nee, het gezin komt via deze regeling niet in aanmerking')
      .waitFor();
    await page.getByRole('button', { name: 'Doorverwijzen', exact: true }).click();
    await page.waitForURL(/\/zaken\/[0-9a-f-]{36}$/);
    const caseId = page.url().split('/').pop() as string;
    await page
      .getByText(/^Aan zet: .*\(met het gezin beslissen\)/)
      .first()
      .waitFor();
    await page.getByText('Nee, het gezin komt via deze regeling niet in aanmerking.').waitFor();
    // The alternatives the domain names: offer anyway, or stay on SMI by closing the case.
    const stepButtons = page.locator('.portal-action-groups > .portal-action-list').first();
    await expect(stepButtons.locator('button').allTextContents()).resolves.toEqual([
      'Aanbieden aan ondersteuner',
      'Zaak sluiten',
    ]);
    await check('case-eligibility-no-officer');
    await act(
      'Aanbieden aan ondersteuner',
      async (form) => {
        await form
          .getByLabel('Ondersteuner', { exact: true })
          .selectOption('org-bewind-horizon|bewindvoerder');
      },
      'Zaak aanbieden',
    );
    await signInAs('bewindvoerder');
    await portal.openCase(caseId);
    await act('Zaak oppakken', async (form) => {
      await form.getByLabel('Soort machtiging').selectOption('written-volmacht');
      // Both parents signed the volmacht.
      const gave = form.getByRole('group', { name: 'Wie gaf de machtiging of volmacht?' });
      for (const parent of await gave.getByRole('checkbox').all()) await parent.check();
    });
    await page
      .getByText(/^Aan zet: .*\(met het gezin beslissen\)/)
      .first()
      .waitFor();
    const primary = page.locator('.portal-actions button.utrecht-button--primary-action');
    await expect(primary.getAttribute('data-command')).resolves.toBe('RequestKot');
    await primary.click();
    const form = page.locator('form.portal-command-form');
    await form.getByLabel('Hoe aangevraagd').selectOption('LETTER');
    await form
      .getByRole('button', { name: 'Aanvraag bij Toeslagen vastleggen', exact: true })
      .click();
    await page
      .locator('.portal-error-summary')
      .getByText('Vul “Reden om toch aan te vragen” in.')
      .waitFor();
    await form
      .getByLabel('Reden om toch aan te vragen')
      .fill('De partner begint volgende maand met betaald werk; het gezin wil dit laten toetsen.');
    await form
      .getByRole('button', { name: 'Aanvraag bij Toeslagen vastleggen', exact: true })
      .click();
    await form.getByText(/Het gezin voldoet volgens de controle niet aan de voorwaarden/).waitFor();
    await check('case-eligibility-no-confirm');
    await form.getByRole('button', { name: 'Ja, aanvraag bij Toeslagen vastleggen' }).click();
    await page.getByText('Vastgelegd: Kinderopvangtoeslag aangevraagd.').waitFor();
    await page
      .getByText(/^Aan zet: Dienst Toeslagen.* \(Wlz-verzoek registreren\)/)
      .first()
      .waitFor();
  }, 120_000);

  it('shows the new case within moments of sending a referral', async () => {
    const { page, signInAs } = portal;
    await signInAs('smi-officer-utrecht');
    const times: number[] = [];
    for (let round = 0; round < 5; round += 1) {
      await fillReferral(page, `Snel${round}`, false);
      const started = Date.now();
      await page.getByRole('button', { name: 'Doorverwijzen', exact: true }).click();
      await page.locator('.portal-turn .portal-owner-line').first().waitFor();
      await page.getByRole('heading', { name: 'Traject' }).waitFor();
      times.push(Date.now() - started);
    }
    console.log(
      `referral sent to case page shown: ${times.join(', ')} ms; median ${median(times)} ms`,
    );
    // The target is 500 ms on an idle machine; the bound leaves room for a loaded test run.
    expect(median(times)).toBeLessThan(1_500);
  }, 120_000);
});
