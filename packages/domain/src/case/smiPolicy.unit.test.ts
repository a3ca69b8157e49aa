import { actors } from '../testing';
import { CommandRefused } from './refusal';
import {
  decideSmiPolicy,
  defaultSmiPolicy,
  extensionDue,
  foldSmiPolicy,
  maySetSmiPolicy,
  smiMaximumEnd,
  smiPolicyStreamId,
  type SetSmiPolicy,
} from './smiPolicy';

const set: SetSmiPolicy = {
  type: 'SetSmiPolicy',
  municipality: 'GM0344',
  retroactive: true,
  maximumMonths: 3,
  extensionLeadDays: 14,
};
const refusalOf = (run: () => unknown): CommandRefused | null => {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof CommandRefused) return error;
    throw error;
  }
};

describe("a municipality's SMI policy", () => {
  it('is the careful default until the municipality records one: no retroactive SMI, a year at most, four weeks notice', () => {
    expect(foldSmiPolicy('GM0344', [])).toEqual({
      municipality: 'GM0344',
      retroactive: false,
      maximumMonths: 12,
      extensionLeadDays: 28,
    });
    expect(foldSmiPolicy('GM0344', [])).toEqual(defaultSmiPolicy('GM0344'));
  });

  it('lives in a stream of its own, not in a case stream', () => {
    expect(smiPolicyStreamId('GM0344')).toBe('smi-policy-GM0344');
  });

  it('is recorded with the day it was set; the last one recorded holds', () => {
    const events = decideSmiPolicy(set, defaultSmiPolicy('GM0344'), '2026-11-23T10:00:00Z');
    expect(events).toEqual([
      {
        type: 'SmiPolicySet',
        schemaVersion: 1,
        data: {
          municipality: 'GM0344',
          retroactive: true,
          maximumMonths: 3,
          extensionLeadDays: 14,
          setOn: '2026-11-23',
        },
      },
    ]);
    expect(foldSmiPolicy('GM0344', events)).toMatchObject({ retroactive: true, maximumMonths: 3 });
  });

  it('refuses to record the policy already in force, and a policy out of bounds, naming the fields', () => {
    const same = refusalOf(() =>
      decideSmiPolicy(
        { ...set, ...defaultSmiPolicy('GM0344') },
        defaultSmiPolicy('GM0344'),
        '2026-11-23T10:00:00Z',
      ),
    );
    expect(same?.kind).toBe('wrong-state');
    const wrong = refusalOf(() =>
      decideSmiPolicy(
        { ...set, municipality: 'Utrecht', maximumMonths: 0, extensionLeadDays: -1 },
        defaultSmiPolicy('GM0344'),
        '2026-11-23T10:00:00Z',
      ),
    );
    expect(wrong?.fields.map((f) => f.field)).toEqual([
      'municipality',
      'maximumMonths',
      'extensionLeadDays',
    ]);
  });

  it("is the SMI team lead's of that municipality to set, nobody else's", () => {
    expect(maySetSmiPolicy(actors.teamLead, 'GM0344').allowed).toBe(true);
    expect(maySetSmiPolicy(actors.officer, 'GM0344')).toMatchObject({
      allowed: false,
      reason: { en: expect.stringMatching(/Only an SMI team lead of municipality GM0344/) },
    });
    expect(maySetSmiPolicy(actors.teamLead, 'GM0363').allowed).toBe(false);
  });

  it('says until when SMI may run and by when an extension must be asked', () => {
    const policy = { ...defaultSmiPolicy('GM0344'), maximumMonths: 3, extensionLeadDays: 14 };
    expect(smiMaximumEnd(policy, '2026-01-15')).toBe('2026-04-14');
    expect(smiMaximumEnd({ ...policy, maximumMonths: 12 }, '2026-03-01')).toBe('2027-02-28');
    expect(extensionDue(policy, '2026-04-14')).toBe('2026-03-31');
  });
});
