// The README's walk-through (docs/walkthrough.graphql) must work exactly as written: each operation
// is sent over HTTP with the token of the role the file names for it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPlatform, type RunningPlatform } from '@kot/all-in-one';

const document = readFileSync(join(__dirname, '../../docs/walkthrough.graphql'), 'utf8');
const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
// The walk-through's dates were written for this day; the clock is pinned so it keeps passing.
const writtenOn = new Date('2026-11-23T10:00:00Z');

/** An operation's answer, checked field by field with toMatchObject. */
type Answer = { [field: string]: unknown; items?: Array<{ caseId: string }> };

const steps: Array<[operation: string, role: string]> = [
  ['Refer', 'smi-officer-utrecht'],
  ['Offer', 'smi-officer-utrecht'],
  ['MyWork', 'bewindvoerder'],
  ['Claim', 'bewindvoerder'],
  ['Request', 'bewindvoerder'],
  ['Register', 'toeslagen-officer'],
  ['Confirm', 'toeslagen-officer'],
  ['Forms', 'toeslagen-officer'],
  ['Submit', 'bewindvoerder'],
  ['Receive', 'toeslagen-officer'],
  ['Grant', 'toeslagen-officer'],
  ['EndSmiTooEarly', 'smi-officer-utrecht'],
  ['EndSmi', 'smi-officer-utrecht'],
  ['Case', 'bewindvoerder'],
  ['Audit', 'auditor'],
];

describe('the README walk-through', () => {
  it('is listed in the README in the order it runs, each operation with its role', () => {
    const rows = [...readme.matchAll(/^\| (\d+)\s+\| `(\w+)`\s+\| `([\w-]+)`/gm)].map(
      ([, number, operation, role]) => [Number(number), operation, role],
    );
    expect(rows).toEqual(steps.map(([operation, role], index) => [index + 1, operation, role]));
    for (const [operation] of steps) {
      expect(document).toMatch(new RegExp(`^(query|mutation) ${operation} \\{`, 'm'));
    }
  });

  let platform: RunningPlatform;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kot-walkthrough-'));
    platform = await startPlatform({
      env: { DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' },
      clock: () => writtenOn,
      seedDemo: false,
    });
  });
  afterAll(async () => {
    await platform?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const send = async (operationName: string, role: string) => {
    const response = await fetch(`${platform.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${platform.tokens[role]}`,
      },
      body: JSON.stringify({ query: document, operationName }),
    });
    return (await response.json()) as {
      data?: Record<string, Answer>;
      errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
    };
  };

  it('takes one family from referral to KOT granted, SMI ended without a gap and the history verified', async () => {
    const answers: Record<string, Awaited<ReturnType<typeof send>>> = {};
    for (const [operation, role] of steps) {
      answers[operation] = await send(operation, role);
      if (operation !== 'EndSmiTooEarly')
        expect({ operation, errors: answers[operation]?.errors }).toEqual({
          operation,
          errors: undefined,
        });
      if (['Offer', 'Grant', 'EndSmi'].includes(operation))
        await platform.projections.whenCaughtUp();
    }
    expect(answers['Refer']?.data?.['openReferral']).toMatchObject({
      status: 'REFERRED',
      nextStep: { action: 'OFFER_TO_SUPPORTER' },
    });
    expect(answers['MyWork']?.data?.['worklist']?.items?.map((item) => item.caseId)).toContain(
      '0193c0de-0aaa-7000-8000-00000000000a',
    );
    expect(answers['Grant']?.data?.['grantKot']).toMatchObject({
      status: 'GRANTED',
      nextStep: { action: 'ALIGN_SMI', responsible: { role: 'SMI_OFFICER' } },
    });
    const refusal = answers['EndSmiTooEarly']?.errors?.[0];
    expect(refusal?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(refusal)).toContain('acceptGapReason');
    expect(answers['Case']?.data?.['case']).toMatchObject({
      status: 'granted',
      nextStep: {
        action: 'confirm-decision-received',
        responsible: { organisation: 'org-bewind-horizon' },
      },
      fundingCoverage: { fundedToday: true, gapDays: 0 },
      eligibility: { verdict: 'yes' },
    });
    expect(answers['Audit']?.data?.['verifyIntegrity']).toEqual({ valid: true, eventCount: 11 });
    const history = answers['Audit']?.data?.['caseHistory'] as unknown as Array<{ type: string }>;
    const caseEvents = history.filter((entry) => !entry.type.startsWith('Notification'));
    expect(caseEvents).toHaveLength(11);
    // Beside the case's events, the history records who was notified (delivery runs on its own).
    expect(history.some((entry) => entry.type === 'NotificationDelivered')).toBe(true);
  });
});
