// Toeslagen settles a year's KOT from the case page: a family granted KOT in 2025 (seeded over
// GraphQL and the REST intake while the platform's business clock stood in 2025), the outcome
// chosen, the amount typed as people write it, confirmed, and recorded in cents.
import { caseStreamId, syntheticBsn } from '@kot/domain';
import { toApplication } from '../e2e/applicationSteps';
import { family } from '../e2e/families';
import { overHttp } from '../e2e/overHttp';
import type { PlatformUnderTest } from '../e2e/platformUnderTest';
import { describeInBrowser, usePortal } from './portalHarness';

let businessDay: string | null = '2025-03-10';
const f = family();
f.referral['smiPeriod'] = { from: '2025-02-01', to: '2025-06-30' };
f.referral['referredOn'] = '2025-03-10';

describeInBrowser('settling a year of KOT', () => {
  const portal = usePortal('settle-kot', {
    clock: () => (businessDay ? new Date(`${businessDay}T10:00:00.000Z`) : new Date()),
  });

  beforeAll(async () => {
    const http = overHttp(portal.platform as unknown as PlatformUnderTest);
    for (const step of toApplication(f)) {
      const input =
        step.command === 'SubmitApplication'
          ? { ...step.input, requestedStart: '2025-03-01' }
          : step.input;
      await http.carryOut(step.who, step.command, input, step.over);
    }
    await http.carryOut('toeslagen-officer', 'GrantKot', {
      caseId: f.caseId,
      grantedFrom: '2025-03-01',
    });
    businessDay = null;
  }, 60_000);

  it('lets a Toeslagen officer settle 2025 as a reclaim of € 315,00, confirmed first', async () => {
    const { platform } = portal;
    await portal.signInAs('toeslagen-officer');
    await portal.openCase(f.caseId);
    await portal.act(
      'Toeslag over een jaar vaststellen',
      async (form) => {
        const outcome = form.getByLabel('Uitkomst van de vaststelling');
        expect(await outcome.inputValue()).toBe('');
        expect(await form.getByLabel('Jaar').inputValue()).toBe('2025');
        await form.getByRole('button', { name: 'Controleren' }).click();
        await form.getByText('Kies de uitkomst.').first().waitFor();
        await outcome.selectOption('RECLAIM');
        await form.getByLabel(/Bedrag in euro/).fill('315,00');
      },
      'Controleren',
      'Vaststelling vastleggen',
    );
    const events = (await platform.storedEvents(caseStreamId(f.caseId))) as Array<{
      type: string;
      data: Record<string, unknown>;
    }>;
    expect(
      events.filter((event) => event.type === 'KotSettled').map((event) => event.data),
    ).toEqual([expect.objectContaining({ year: 2025, outcome: 'reclaim', amountCents: 31_500 })]);
    await portal.check('settle-kot');
  });

  it('lets the officer record a child who joined and new childcare, with the BSN checked in plain words and personal data encrypted', async () => {
    const { page, platform } = portal;
    await portal.signInAs('smi-officer-utrecht');
    await portal.openCase(f.caseId);
    const childName = 'Mila Testkind';
    await portal.act(
      'Wijziging in het gezin vastleggen',
      async (form) => {
        const kind = form.getByLabel('Wat is er veranderd');
        expect(await kind.inputValue()).toBe('');
        await kind.selectOption('child-added');
        await form.getByLabel('Ingangsdatum').fill('2026-11-01');
        await form.getByLabel('Naam van het kind').fill(childName);
        await form.getByLabel('BSN van het kind').fill('123456789');
        await form.getByLabel('Geboortedatum van het kind').fill('2026-10-20');
        await form.getByRole('button', { name: 'Wijziging vastleggen' }).click();
        await form
          .getByText(/Een BSN heeft 9 cijfers en moet door de elfproef komen/)
          .first()
          .waitFor();
        await form.getByLabel('BSN van het kind').fill(syntheticBsn(7301));
      },
      'Wijziging vastleggen',
    );
    await portal.act(
      'Wijziging in het gezin vastleggen',
      async (form) => {
        await form.getByLabel('Wat is er veranderd').selectOption('childcare');
        await form.getByLabel('Ingangsdatum').fill('2026-12-01');
        await form.getByLabel('Welk kind').selectOption('c2');
        await form.getByLabel('LRK-nummer van de opvanglocatie').fill('987654321');
        await form.getByLabel('Soort opvang').selectOption('DAYCARE');
        await form.getByLabel('Uren per maand').fill('64');
        await form.getByLabel('Uurtarief in euro').fill('9,85');
      },
      'Wijziging vastleggen',
    );
    const changes = (
      (await platform.storedEvents(caseStreamId(f.caseId))) as Array<{
        type: string;
        data: Record<string, unknown>;
      }>
    ).filter((event) => event.type === 'HouseholdChangeRecorded');
    expect(changes.map((event) => event.data['changeKind'])).toEqual(['child-added', 'childcare']);
    expect(JSON.stringify(changes[0]?.data)).not.toContain(childName);
    expect(changes[1]?.data).toMatchObject({
      childId: 'c2',
      childcare: {
        lrkNumber: '987654321',
        careType: 'daycare',
        hoursPerMonth: 64,
        hourlyRateCents: 985,
      },
    });
    expect(page.url()).toContain(f.caseId);
    await portal.check('household-change');
  });
});
