// The right to erasure over HTTP: a privacy officer erases a family's personal data, after which
// nobody reads who the family was, while the auditor still sees that, when, by whom and on which
// ground it happened; and the retention rule does the same for cases ended long enough ago.
import { bringTo } from './applicationSteps';
import { family, type Family } from './families';
import { overHttp, refusalOf, type OverHttp } from './overHttp';
import { describeOnEachEngine, storyDay, type PlatformUnderTest } from './platformUnderTest';

const caseQuery = `query Case($id: ID!) { case(id: $id) {
  status household { partners { name bsn birthDate } } children { name bsn birthDate }
  erasure { on ground }
} }`;

interface CaseAnswer {
  case: {
    status: string;
    household: { partners: Array<{ name: string; bsn: string; birthDate: string }> };
    children: Array<{ name: string; bsn: string; birthDate: string }>;
    erasure: { on: string; ground: string } | null;
  };
}

/** The family's names and BSNs, as sent in the referral. */
function personalDataOf(f: Family): string[] {
  const referral = f.referral as {
    household: { partners: Array<{ bsn: string }> };
    children: Array<{ bsn: string }>;
  };
  return [
    ...Object.values(f.names),
    ...referral.household.partners.map((p) => p.bsn),
    ...referral.children.map((c) => c.bsn),
  ];
}

async function expectNothingPersonalIn(
  platform: PlatformUnderTest,
  http: OverHttp,
  f: Family,
): Promise<void> {
  const shown = await http.query<CaseAnswer>('auditor', caseQuery, { id: f.caseId });
  const stored = JSON.stringify(await platform.storedEvents(f.caseId));
  for (const value of personalDataOf(f)) {
    expect(JSON.stringify(shown.data)).not.toContain(value);
    expect(stored).not.toContain(value);
  }
}

describeOnEachEngine('erasing a family’s personal data', (platform) => {
  let http: OverHttp;
  beforeAll(() => {
    http = overHttp(platform());
  });

  it('lets the municipality’s privacy officer erase a case: names and BSNs read as erased, the auditor sees who, when and why', async () => {
    const f = family();
    await bringTo(http, f, 'ClaimCase');
    const before = await http.query<CaseAnswer>('smi-officer-utrecht', caseQuery, { id: f.caseId });
    expect(before.data?.case.household.partners[0]?.name).toBe(f.names.withIndication);

    await http.carryOut('privacy-officer-utrecht', 'ErasePersonalData', {
      caseId: f.caseId,
      ground: 'REQUEST_OF_DATA_SUBJECT',
      reference: 'AVG-2026-041',
    });

    const after = await http.query<CaseAnswer>('smi-officer-utrecht', caseQuery, { id: f.caseId });
    expect(after.data?.case.status).toBe('claimed');
    expect(after.data?.case.erasure).toEqual({ on: storyDay, ground: 'request-of-data-subject' });
    expect(after.data?.case.household.partners.map((p) => p.name)).toEqual([
      '[REDACTED]',
      '[REDACTED]',
    ]);
    await expectNothingPersonalIn(platform(), http, f);

    const erased = (await http.history(f.caseId)).filter((e) => e.type === 'PersonalDataErased');
    expect(erased).toEqual([
      expect.objectContaining({
        actor: { id: 'u-fg-utrecht', role: 'privacy-officer', organisation: 'GM0344' },
        occurredAt: expect.stringMatching(new RegExp(`^${storyDay}`)),
      }),
    ]);
  });

  it('refuses a second erasure in words, and anyone but the privacy officer', async () => {
    const f = family();
    await bringTo(http, f, 'OpenReferral');
    const input = { caseId: f.caseId, ground: 'LEGAL_OBLIGATION' };
    const byOfficer = await http.command('smi-officer-utrecht', 'ErasePersonalData', input);
    expect(refusalOf(byOfficer).code).toBe('FORBIDDEN');
    await http.carryOut('privacy-officer-utrecht', 'ErasePersonalData', input);
    const again = await http.command('privacy-officer-utrecht', 'ErasePersonalData', input);
    expect(refusalOf(again).code).toBe('CONFLICT');
    expect(JSON.stringify(again.errors)).toMatch(/al gewist|already erased/);
  });
});

/** The history's PersonalDataErased entries once the read model shows one (bounded wait). */
async function erasedInHistory(http: OverHttp, caseId: string) {
  for (let tries = 0; tries < 200; tries++) {
    const erased = (await http.history(caseId)).filter((e) => e.type === 'PersonalDataErased');
    if (erased.length > 0) return erased;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return [];
}

// The platform's clock moves on two days after the case is withdrawn; the period is one day.
let now = new Date(`${storyDay}T11:00:00.000Z`);
describeOnEachEngine(
  'the retention rule',
  (platform) => {
    it('erases a withdrawn case once its retention period has passed, as the platform, on that ground', async () => {
      const http = overHttp(platform());
      const f = family();
      await bringTo(http, f, 'OpenReferral');
      await http.carryOut('smi-officer-utrecht', 'WithdrawCase', {
        caseId: f.caseId,
        reason: 'Gezin verhuist naar het buitenland.',
      });
      expect((await platform().runRetention()).erased).not.toContain(f.caseId);

      now = new Date(now.getTime() + 2 * 24 * 3600 * 1000);
      const round = await platform().runRetention();
      const erased = await erasedInHistory(http, f.caseId);
      expect({ failed: round.failed, erased }).toEqual({
        failed: [],
        erased: [
          expect.objectContaining({
            actor: {
              id: 'platform-retention',
              role: 'privacy-officer',
              organisation: 'KotPlatform',
            },
          }),
        ],
      });
      const shown = await http.query<CaseAnswer>('auditor', caseQuery, { id: f.caseId });
      expect(shown.data?.case.erasure?.ground).toBe('retention-period-ended');
      await expectNothingPersonalIn(platform(), http, f);
    });
  },
  { clock: () => now, env: { PERSONAL_DATA_RETENTION_DAYS: '1' } },
);
