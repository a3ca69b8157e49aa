import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { smiPolicyStreamId, type Actor } from '@kot/domain';
import { actors } from '@kot/domain/testing';
import { openEventStore, type EventStore } from '@kot/eventstore';
import {
  createAuthenticator,
  createLogger,
  issueToken,
  startHttpServer,
  type RunningServer,
} from '@kot/platform';
import { Writable } from 'node:stream';
import { createReferralsService, type ReferralsService } from '../createReferralsService';

const secret = 'a-demo-secret-that-is-long-enough-for-hs256';
const otherLead: Actor = {
  id: 'u-lead-zwolle',
  role: 'smi-team-lead',
  organisation: 'GM0193',
  name: 'Lotte Bakker',
};
let dataDir: string;
let store: EventStore;
let service: ReferralsService;
let running: RunningServer;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'referrals-policy-'));
  store = (await openEventStore({ kind: 'pglite', dataDir })).store;
  service = await createReferralsService({
    store,
    authenticate: createAuthenticator({
      kind: 'hs256',
      secret,
      issuer: 'kot-platform',
      audience: 'kot-platform',
    }),
    logger: createLogger({
      service: 'referrals',
      level: 'error',
      destination: new Writable({ write: (_chunk, _encoding, done) => done() }),
    }),
    clock: () => new Date('2024-03-01T11:00:00.000Z'),
  });
  running = await startHttpServer(service.app, { port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await running?.close();
  await service?.close();
  await store?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function setPolicy(body: unknown, actor?: Actor) {
  const token = actor ? await issueToken(secret, actor, '10m') : undefined;
  const response = await fetch(`${running.url}/commands/SetSmiPolicy`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: (await response.json()) as Record<string, unknown>,
  };
}

const policy = (municipality: string, maximumMonths = 6) => ({
  municipality,
  retroactive: true,
  maximumMonths,
  extensionLeadDays: 42,
});

const recorded = async (municipality: string) =>
  (await store.readStream(smiPolicyStreamId(municipality))).map((event) => event.data);

describe('the SMI policy over REST', () => {
  it('records the team lead’s first policy with 201 and a change with 200', async () => {
    const first = await setPolicy(policy('GM0344'), actors.teamLead);
    expect(first).toMatchObject({ status: 201, body: policy('GM0344') });

    const change = await setPolicy(policy('GM0344', 9), actors.teamLead);
    expect(change).toMatchObject({ status: 200, body: policy('GM0344', 9) });
    expect(await recorded('GM0344')).toEqual([
      { ...policy('GM0344'), setOn: '2024-03-01' },
      { ...policy('GM0344', 9), setOn: '2024-03-01' },
    ]);
  });

  it('answers 403 in words to an officer and to another municipality’s lead, and records nothing', async () => {
    for (const actor of [actors.officer, otherLead]) {
      const refused = await setPolicy(policy('GM0599'), actor);
      expect(refused.status).toBe(403);
      expect(refused.type).toContain('application/problem+json');
      expect(refused.body).toMatchObject({
        code: 'FORBIDDEN',
        reason: {
          nl: 'Alleen een teamleider SMI van gemeente GM0599 mag het SMI-beleid vastleggen.',
          en: 'Only an SMI team lead of municipality GM0599 may record its SMI policy.',
        },
      });
    }
    expect(await recorded('GM0599')).toEqual([]);
  });

  it('answers 400 naming each wrong value, the shape’s and the domain’s, and records nothing', async () => {
    const lead: Actor = { ...otherLead };
    const wrongType = await setPolicy(
      { ...policy('GM0193'), retroactive: 'soms', colour: 'blue' },
      lead,
    );
    expect(wrongType.status).toBe(400);
    expect((wrongType.body['errors'] as Array<{ field: string }>).map((e) => e.field)).toEqual(
      expect.arrayContaining(['retroactive', 'colour']),
    );

    const outOfRange = await setPolicy(
      { ...policy('GM0193'), maximumMonths: 0, extensionLeadDays: 400 },
      lead,
    );
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body['errors']).toEqual([
      {
        field: 'maximumMonths',
        reason: {
          nl: 'een heel aantal maanden, 1 tot 60',
          en: 'a whole number of months, 1 to 60',
        },
      },
      {
        field: 'extensionLeadDays',
        reason: { nl: 'een heel aantal dagen, 0 tot 180', en: 'a whole number of days, 0 to 180' },
      },
    ]);
    expect(await recorded('GM0193')).toEqual([]);
  });

  it('answers 401 without a token and 409 for the policy already in force', async () => {
    expect((await setPolicy(policy('GM0344', 9))).status).toBe(401);
    const same = await setPolicy(policy('GM0344', 9), actors.teamLead);
    expect(same).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
    expect(await recorded('GM0344')).toHaveLength(2);
  });
});
