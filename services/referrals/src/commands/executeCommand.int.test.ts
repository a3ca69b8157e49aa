import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import {
  CommandRefused,
  caseStreamId,
  personalFields,
  type Actor,
  type RefusalKind,
} from '@kot/domain';
import { actors, openReferral } from '@kot/domain/testing';
import { syntheticBsn } from '@kot/domain';
import {
  WrongExpectedRevisionError,
  createSqlKeyStore,
  openEventStore,
  protectPersonalData,
  type EventStore,
} from '@kot/eventstore';
import { ConflictError, createLogger, newId } from '@kot/platform';
import type { CommandRequest } from './commandRequest';
import { createCommandExecutor, type CommandExecutorDeps } from './executeCommand';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const logger = createLogger({
  service: 'test',
  level: 'silent',
  destination: new Writable({ write: (_c, _e, done) => done() }),
});

let dataDir: string;
let rawStore: EventStore;
let store: EventStore;
const clock = () => new Date('2024-03-01T11:00:00.000Z');

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'referrals-execute-'));
  const opened = await openEventStore({ kind: 'pglite', dataDir });
  rawStore = opened.store;
  const keyStore = await createSqlKeyStore(opened.database!, { masterKey: Buffer.alloc(32, 1) });
  store = protectPersonalData(rawStore, { keyStore, personalFields });
});

afterAll(async () => {
  await store?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const executorWith = (overrides: Partial<CommandExecutorDeps> = {}) =>
  createCommandExecutor({ store, clock, newId, logger, retryDelayMs: () => 1, ...overrides });

const offerToBewind = (caseId: string): CommandRequest => ({
  type: 'OfferCase',
  caseId,
  to: { organisation: 'org-bewind-horizon', role: 'bewindvoerder' },
});
const claim = (caseId: string): CommandRequest => ({
  type: 'ClaimCase',
  caseId,
  mandate: {
    type: 'court-bewind',
    partnerIds: ['p1', 'p2'],
    reference: 'C/16/100001 / BW RK 22-1',
    validFrom: '2023-01-01',
  },
});

async function referredCase(): Promise<string> {
  const caseId = newId();
  await executorWith()(openReferral({ caseId }), actors.officer);
  return caseId;
}

async function refusalOf(promise: Promise<unknown>): Promise<CommandRefused> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CommandRefused) return error;
    throw error;
  }
  throw new Error('expected the command to be refused');
}

describe('executing a command', () => {
  it('appends the events the domain decided, with who, why and when in the metadata', async () => {
    const caseId = newId();
    const commandId = newId();
    const result = await executorWith()(openReferral({ caseId }), actors.officer, {
      commandId,
      correlationId: 'corr-42',
    });

    expect(result).toMatchObject({
      caseId,
      commandId,
      revision: 0,
      events: [{ type: 'ReferralOpened', revision: 0, eventId: expect.stringMatching(UUID_V7) }],
      status: 'referred',
      nextStep: { responsible: { organisation: 'GM0344' } },
    });
    const [event] = await store.readStream(caseStreamId(caseId));
    expect(event).toMatchObject({
      eventId: result.events[0]?.eventId,
      type: 'ReferralOpened',
      schemaVersion: 1,
      position: result.position,
      metadata: {
        actor: { id: actors.officer.id, role: 'smi-officer', organisation: 'GM0344' },
        commandId,
        correlationId: 'corr-42',
        causationId: commandId,
        occurredAt: '2024-03-01T11:00:00.000Z',
        handledAt: '2024-03-01T11:00:00.000Z',
      },
    });
    expect(event?.data['caseId']).toBe(caseId);
  });

  it('stores when a back-dated step happened (the start of its day in Amsterdam) beside when it was recorded', async () => {
    const caseId = newId();
    await executorWith()(openReferral({ caseId, referredOn: '2024-02-26' }), actors.officer);
    const [event] = await store.readStream(caseStreamId(caseId));
    expect(event?.metadata).toMatchObject({
      occurredAt: '2024-02-25T23:00:00.000Z',
      handledAt: '2024-03-01T11:00:00.000Z',
    });
  });

  it('never stores the family’s BSNs and names in clear text', async () => {
    const caseId = newId();
    const referral = openReferral({ caseId });
    await executorWith()(referral, actors.officer);
    const raw = JSON.stringify(await rawStore.readStream(caseStreamId(caseId)));
    for (const partner of referral.household.partners) {
      expect(raw).not.toContain(partner.bsn);
      expect(raw).not.toContain(partner.name);
    }
  });

  it('gives a new referral a case id when the caller leaves it out', async () => {
    const { caseId: _omitted, ...withoutCaseId } = openReferral();
    const result = await executorWith()(withoutCaseId, actors.officer);
    expect(result.caseId).toMatch(UUID_V7);
    expect(result.status).toBe('referred');
  });

  it('reads a case id in capitals as the same case', async () => {
    const caseId = await referredCase();
    const result = await executorWith()(offerToBewind(caseId.toUpperCase()), actors.officer);
    expect(result.caseId).toBe(caseId);
    expect(result.revision).toBe(1);
  });
});

describe('a refused command', () => {
  const cases: Array<
    [RefusalKind, () => Promise<{ caseId: string; command: CommandRequest; actor: Actor }>]
  > = [
    [
      'forbidden',
      async () => {
        const caseId = await referredCase();
        return { caseId, command: offerToBewind(caseId), actor: actors.auditor };
      },
    ],
    [
      'invalid-input',
      async () => {
        const caseId = await referredCase();
        return {
          caseId,
          command: {
            ...offerToBewind(caseId),
            to: { organisation: '', role: 'auditor' },
          } as CommandRequest,
          actor: actors.officer,
        };
      },
    ],
    [
      'wrong-state',
      async () => {
        const caseId = await referredCase();
        return { caseId, command: openReferral({ caseId }), actor: actors.officer };
      },
    ],
    [
      'not-found',
      async () => {
        const caseId = newId();
        return { caseId, command: claim(caseId), actor: actors.bewindvoerder };
      },
    ],
  ];

  it.each(cases)('appends nothing when it is %s', async (kind, arrange) => {
    const { caseId, command, actor } = await arrange();
    const before = await store.readStream(caseStreamId(caseId));
    const refusal = await refusalOf(executorWith()(command, actor));
    expect(refusal.kind).toBe(kind);
    expect(refusal.reason.nl.length).toBeGreaterThan(0);
    expect(await store.readStream(caseStreamId(caseId))).toEqual(before);
  });

  it('says "not found" to someone who may not see the case, in the very words it uses for a case that does not exist', async () => {
    const caseId = await referredCase();
    const existing = await refusalOf(
      executorWith()({ type: 'ExtendSmi', caseId, until: '2024-09-30' }, actors.otherOfficer),
    );
    const missing = await refusalOf(
      executorWith()(
        { type: 'ExtendSmi', caseId: newId(), until: '2024-09-30' },
        actors.otherOfficer,
      ),
    );
    expect(existing.kind).toBe('not-found');
    expect(existing.reason).toEqual(missing.reason);
    // A supporter the case was not offered to cannot tell either.
    const notOffered = await refusalOf(executorWith()(claim(caseId), actors.bewindvoerder));
    expect(notOffered.reason).toEqual(missing.reason);
  });

  it('says "forbidden" only to someone who can see the case but may not do this', async () => {
    const caseId = await referredCase();
    await executorWith()(offerToBewind(caseId), actors.officer);
    const teamLead = { ...actors.officer, id: 'u-lead-utrecht', role: 'smi-team-lead' } as Actor;
    for (const [actor, command] of [
      [teamLead, { type: 'ExtendSmi', caseId, until: '2024-09-30' }],
      [actors.bewindvoerder, { type: 'RequestKot', caseId, channel: 'phone' }],
    ] as Array<[Actor, CommandRequest]>) {
      expect((await refusalOf(executorWith()(command, actor))).kind).toBe('forbidden');
    }
  });

  it.each([
    ['commandId', { commandId: `grant-${syntheticBsn(11)}` }],
    ['correlationId', { correlationId: `case-of-${syntheticBsn(11)}` }],
  ])('refuses a %s that may hold a BSN, before touching the store', async (field, options) => {
    const readStream = jest.fn();
    const execute = executorWith({ store: { ...store, readStream } });
    const refusal = await refusalOf(execute(claim(newId()), actors.bewindvoerder, options));
    expect(refusal.kind).toBe('invalid-input');
    expect(refusal.fields).toEqual([{ field, reason: expect.anything() }]);
    expect(JSON.stringify(refusal)).not.toContain(syntheticBsn(11));
    expect(readStream).not.toHaveBeenCalled();
  });

  it('appends nothing for an invalid new referral either', async () => {
    const caseId = newId();
    const referral = openReferral({ caseId });
    referral.household.partners[0]!.bsn = '123456789';
    const refusal = await refusalOf(executorWith()(referral, actors.officer));
    expect(refusal.kind).toBe('invalid-input');
    expect(refusal.fields.map((f) => f.field)).toContain('household.partners[0].bsn');
    expect(await store.readStream(caseStreamId(caseId))).toEqual([]);
  });

  it('refuses a malformed case id before touching the store', async () => {
    const readStream = jest.fn();
    const execute = executorWith({ store: { ...store, readStream } });
    const refusal = await refusalOf(
      execute({ ...claim('x'), caseId: '../other' }, actors.bewindvoerder),
    );
    expect(refusal.fields).toEqual([{ field: 'caseId', reason: expect.anything() }]);
    expect(readStream).not.toHaveBeenCalled();
  });
});

describe('a retried command', () => {
  it('is appended once and answered the same', async () => {
    const caseId = await referredCase();
    const commandId = newId();
    const execute = executorWith();
    const first = await execute(offerToBewind(caseId), actors.officer, { commandId });
    const again = await execute(offerToBewind(caseId), actors.officer, { commandId });
    expect(again).toEqual(first);
    const types = (await store.readStream(caseStreamId(caseId))).map((e) => e.type);
    expect(types).toEqual(['ReferralOpened', 'CaseOffered']);
  });

  it('gets its original answer even after other commands changed the case', async () => {
    const caseId = await referredCase();
    const execute = executorWith();
    const first = await execute(offerToBewind(caseId), actors.officer, { commandId: 'offer-1' });
    await execute(claim(caseId), actors.bewindvoerder);
    const again = await execute(offerToBewind(caseId), actors.officer, { commandId: 'offer-1' });
    expect(again).toEqual(first);
    expect(again.status).toBe('referred');
  });

  it('opens one case, not two, when a new referral without case id is sent twice', async () => {
    const { caseId: _omitted, ...withoutCaseId } = openReferral();
    const execute = executorWith();
    const first = await execute(withoutCaseId, actors.officer, { commandId: 'referral-77' });
    const again = await execute(withoutCaseId, actors.officer, { commandId: 'referral-77' });
    expect(again).toEqual(first);
    expect(await store.readStream(caseStreamId(first.caseId))).toHaveLength(1);
  });

  it('is appended once when both tries run at the same moment, and both are answered from what was stored', async () => {
    const caseId = await referredCase();
    const metrics = { commandHandled: jest.fn(), eventsAppended: jest.fn() };
    const execute = executorWith({ metrics: metrics as unknown as CommandExecutorDeps['metrics'] });
    const results = await Promise.all([
      execute(offerToBewind(caseId), actors.officer, { commandId: 'same' }),
      execute(offerToBewind(caseId), actors.officer, { commandId: 'same' }),
    ]);
    expect(results[1]).toEqual(results[0]);
    const stored = await store.readStream(caseStreamId(caseId));
    expect(stored).toHaveLength(2);
    expect(results[0]?.events.map((event) => event.eventId)).toEqual([stored[1]?.eventId]);
    expect(metrics.commandHandled.mock.calls.map(([, outcome]) => outcome).sort()).toEqual([
      'accepted',
      'replayed',
    ]);
    expect(metrics.eventsAppended.mock.calls).toEqual([[1]]);
  });

  it('is answered the same on a later day, though the step is dated the day it was first sent', async () => {
    const caseId = await referredCase();
    const first = await executorWith()(
      { type: 'ExtendSmi', caseId, until: '2024-09-30' },
      actors.officer,
      { commandId: 'extend-1' },
    );
    const nextWeek = () => new Date('2024-03-08T09:00:00.000Z');
    const again = await executorWith({ clock: nextWeek })(
      { type: 'ExtendSmi', caseId, until: '2024-09-30' },
      actors.officer,
      { commandId: 'extend-1' },
    );
    expect(again).toEqual(first);
    expect(await store.readStream(caseStreamId(caseId))).toHaveLength(2);
  });

  it('is a conflict, appending nothing, when its key comes back with a different request', async () => {
    const caseId = await referredCase();
    const execute = executorWith();
    await execute({ type: 'ExtendSmi', caseId, until: '2024-09-30' }, actors.officer, {
      commandId: 'extend-2',
    });
    const corrected = execute({ type: 'ExtendSmi', caseId, until: '2024-10-31' }, actors.officer, {
      commandId: 'extend-2',
    });
    await expect(corrected).rejects.toBeInstanceOf(ConflictError);
    await expect(corrected).rejects.toMatchObject({
      problem: 'command-id-reused',
      reason: { en: expect.stringMatching(/already used for a different request/) },
    });
    const stored = await store.readStream(caseStreamId(caseId));
    expect(stored.map((event) => event.data['until'])).toEqual([undefined, '2024-09-30']);
  });

  it('lets only one of two different requests sent at the same moment under one key through; the other is a conflict', async () => {
    const caseId = await referredCase();
    const execute = executorWith();
    const outcomes = await Promise.allSettled(
      ['2024-09-30', '2024-10-31'].map((until) =>
        execute({ type: 'ExtendSmi', caseId, until }, actors.officer, { commandId: 'extend-3' }),
      ),
    );
    const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect([won.length, lost.length]).toEqual([1, 1]);
    expect(lost[0]?.reason).toMatchObject({ problem: 'command-id-reused' });
    expect(await store.readStream(caseStreamId(caseId))).toHaveLength(2);
  });

  it('is a conflict when its id was used for a different command on the case', async () => {
    const caseId = await referredCase();
    const execute = executorWith();
    await execute(offerToBewind(caseId), actors.officer, { commandId: 'key-1' });
    const attempt = execute({ type: 'ExtendSmi', caseId, until: '2024-09-30' }, actors.officer, {
      commandId: 'key-1',
    });
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({ problem: 'command-id-reused' });
  });
});

describe('two writers at the same moment', () => {
  it('lets exactly one of two bewindvoerders claim the case; the other is told why not', async () => {
    const caseId = await referredCase();
    await executorWith()(offerToBewind(caseId), actors.officer);
    const execute = executorWith();
    const outcomes = await Promise.allSettled([
      execute(claim(caseId), actors.bewindvoerder),
      execute(claim(caseId), actors.bewindColleague),
    ]);
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]?.reason).toBeInstanceOf(CommandRefused);
    expect(lost[0]?.reason).toMatchObject({
      kind: 'wrong-state',
      message: expect.stringMatching(/already taken on/),
    });
    const claims = (await store.readStream(caseStreamId(caseId))).filter(
      (e) => e.type === 'CaseClaimed',
    );
    expect(claims).toHaveLength(1);
  });

  it('decides again on the fresh case when another write got in between', async () => {
    const caseId = await referredCase();
    let interfered = false;
    const interfering: EventStore = {
      ...store,
      append: async (streamId, events, options) => {
        if (!interfered) {
          interfered = true;
          await executorWith()({ type: 'ExtendSmi', caseId, until: '2024-09-30' }, actors.officer);
        }
        return store.append(streamId, events, options);
      },
    };
    const result = await executorWith({ store: interfering })(
      offerToBewind(caseId),
      actors.officer,
    );
    expect(result.revision).toBe(2);
    const types = (await store.readStream(caseStreamId(caseId))).map((e) => e.type);
    expect(types).toEqual(['ReferralOpened', 'SmiExtended', 'CaseOffered']);
  });

  it('gives up with CONFLICT after a bounded number of tries, having appended nothing', async () => {
    const caseId = await referredCase();
    const append = jest.fn(async () => {
      throw new WrongExpectedRevisionError(caseStreamId(caseId), 0, 1);
    });
    const execute = executorWith({ store: { ...store, append }, maxAttempts: 3 });
    await expect(execute(offerToBewind(caseId), actors.officer)).rejects.toMatchObject({
      problem: 'concurrent-update',
    });
    expect(append).toHaveBeenCalledTimes(3);
    expect(await store.readStream(caseStreamId(caseId))).toHaveLength(1);
  });
});

describe('erasing a case', () => {
  const erase = (caseId: string): CommandRequest => ({
    type: 'ErasePersonalData',
    caseId,
    ground: 'request-of-data-subject',
  });
  const protectedStore = () => store as EventStore & { forget(streamId: string): Promise<void> };

  it('destroys the case key right after PersonalDataErased is stored, so names read as redacted', async () => {
    const caseId = await referredCase();
    const forgotten: string[] = [];
    const execute = executorWith({
      forget: async (streamId) => {
        forgotten.push(streamId);
        await protectedStore().forget(streamId);
      },
    });
    const result = await execute(erase(caseId), actors.privacyOfficer);
    expect(result.events.map((e) => e.type)).toEqual(['PersonalDataErased']);
    expect(forgotten).toEqual([caseStreamId(caseId)]);
    const [opened] = await store.readStream(caseStreamId(caseId));
    expect(JSON.stringify(opened?.data)).not.toContain(syntheticBsn(1));
    expect(JSON.stringify(opened?.data)).toContain('[REDACTED]');
  });

  it('appends nothing when the store cannot forget: an erasure on record means the data is gone', async () => {
    const caseId = await referredCase();
    const before = (await store.readStream(caseStreamId(caseId))).length;
    await expect(executorWith()(erase(caseId), actors.privacyOfficer)).rejects.toThrow(
      /needs the key store/,
    );
    expect(await store.readStream(caseStreamId(caseId))).toHaveLength(before);
  });

  it('finishes an erasure whose key survived (a crash in between) when it is asked again', async () => {
    const caseId = await referredCase();
    const forgotten: string[] = [];
    await executorWith({ forget: async () => undefined })(erase(caseId), actors.privacyOfficer);
    const again = executorWith({ forget: async (streamId) => void forgotten.push(streamId) });
    const refusal = await refusalOf(again(erase(caseId), actors.privacyOfficer));
    expect(refusal.kind).toBe('wrong-state');
    expect(forgotten).toEqual([caseStreamId(caseId)]);
  });
});
