import type { StoredIntent } from '../../outbox/storedIntent';
import type { LookupAddress } from 'node:dns';
import {
  addressAllowed,
  callbackUrlProblems,
  isPublicAddress,
  type CallbackAddressPolicy,
} from './callbackAddressPolicy';
import { guardedLookup } from './guardedLookup';
import { notificationCloudEvent } from './notificationCloudEvent';
import { filterProblems, matches } from './webhookSubscriptions';

const english = async (problems: Promise<Array<{ field: string; reason: { en: string } }>>) =>
  (await problems).map((problem) => problem.reason.en);

const noFilters = { eventTypes: [], rules: [], municipalities: [], caseIds: [] };

const intent: StoredIntent = {
  id: 'kot-decided:evt-1:GM0344/smi-officer/u-officer-utrecht',
  rule: 'kot-decided',
  caseId: '0192a6c4-1b2c-7d3e-8f40-5a6b7c8d9e0f',
  municipality: 'GM0344',
  recipient: { organisation: 'GM0344', role: 'smi-officer', personId: 'u-officer-utrecht' },
  eventId: 'evt-1',
  eventType: 'KotRejected',
  deadline: null,
  date: null,
  params: { caseId: '0192a6c4-1b2c-7d3e-8f40-5a6b7c8d9e0f', outcome: 'rejected' },
  createdAt: new Date('2024-04-30T11:00:00Z'),
  traceparent: null,
};

describe('webhook callback URLs', () => {
  const noDns = async () => {
    throw new Error('no DNS in unit tests');
  };

  it('are refused when not a URL or not http(s), with the reason', async () => {
    expect(await english(callbackUrlProblems('not a url', 'any'))).toEqual([
      '"not a url" is not a valid URL',
    ]);
    expect(await english(callbackUrlProblems('ftp://127.0.0.1/x', 'any'))).toEqual([
      'must use http or https, not ftp',
    ]);
  });

  it('may only point at loopback when the policy says so (tests)', async () => {
    expect(await callbackUrlProblems('http://127.0.0.1:8080/hook', 'loopback-only')).toEqual([]);
    expect(await callbackUrlProblems('http://[::1]:8080/hook', 'loopback-only')).toEqual([]);
    expect(
      await english(callbackUrlProblems('https://partner.example/hook', 'loopback-only')),
    ).toEqual(['host partner.example is not a loopback address (only loopback is allowed here)']);
  });

  it('may not point into private or loopback ranges in production', async () => {
    const resolve = async (host: string) =>
      host === 'intranet.example' ? ['10.1.2.3'] : ['93.184.215.14'];
    expect(await callbackUrlProblems('http://127.0.0.1/hook', 'public-only', noDns)).toHaveLength(
      1,
    );
    expect(
      await callbackUrlProblems('http://169.254.169.254/latest', 'public-only', noDns),
    ).toHaveLength(1);
    expect(
      await english(callbackUrlProblems('https://intranet.example/hook', 'public-only', resolve)),
    ).toEqual(['host intranet.example resolves to a non-public address (10.1.2.3)']);
    expect(
      await callbackUrlProblems('https://partner.example/hook', 'public-only', resolve),
    ).toEqual([]);
  });
});

describe('callback addresses', () => {
  it('count as public only outside every special-purpose range, IPv6 prefixes that lead to IPv4 included', () => {
    const notPublic = [
      '0.0.0.0',
      '10.1.2.3',
      '100.64.1.1',
      '127.0.0.1',
      '169.254.169.254',
      '172.20.0.1',
      '192.0.0.8',
      '192.0.2.5',
      '192.168.1.1',
      '198.18.0.1',
      '198.19.255.254',
      '203.0.113.9',
      '224.0.0.1',
      '255.255.255.255',
      '::',
      '::1',
      '::ffff:10.0.0.1',
      '::ffff:127.0.0.1',
      '64:ff9b::7f00:1',
      '64:ff9b:1::a00:1',
      '2002:7f00:1::',
      '2001::1',
      '2001:db8::1',
      'fd00::1',
      'fe80::1',
      'ff02::1',
    ];
    expect(notPublic.filter(isPublicAddress)).toEqual([]);
    expect(['93.184.215.14', '8.8.8.8', '2606:4700::1111'].every(isPublicAddress)).toBe(true);
  });

  it('are allowed per policy: loopback in tests and the embedded demo, never private ranges outside "any"', () => {
    const allowed = (policy: CallbackAddressPolicy) =>
      ['127.0.0.1', '::1', '10.0.0.1', '169.254.169.254', '8.8.8.8'].filter((address) =>
        addressAllowed(address, policy),
      );
    expect(allowed('loopback-only')).toEqual(['127.0.0.1', '::1']);
    expect(allowed('public-or-loopback')).toEqual(['127.0.0.1', '::1', '8.8.8.8']);
    expect(allowed('public-only')).toEqual(['8.8.8.8']);
    expect(allowed('any')).toHaveLength(5);
  });

  it('are looked up for the connection itself, which refuses a name now pointing somewhere not allowed', async () => {
    const dns: Record<string, string[]> = {
      'rebound.example': ['127.0.0.1'],
      'mixed.example': ['93.184.215.14', '10.0.0.1'],
      'partner.example': ['93.184.215.14', '2606:4700::1111'],
    };
    const lookUp = (policy: CallbackAddressPolicy, host: string, all = false) =>
      new Promise<{ code?: string; address: string | LookupAddress[] }>((resolve) =>
        guardedLookup(policy, async (name) => dns[name] ?? [])(host, { all }, (error, address) =>
          resolve({ ...(error ? { code: (error as { code?: string }).code } : {}), address }),
        ),
      );
    expect((await lookUp('public-only', 'rebound.example')).code).toBe('EBLOCKEDADDRESS');
    expect((await lookUp('public-only', 'mixed.example')).code).toBe('EBLOCKEDADDRESS');
    expect((await lookUp('loopback-only', 'partner.example')).code).toBe('EBLOCKEDADDRESS');
    expect((await lookUp('public-only', 'unknown.example')).code).toBe('ENOTFOUND');
    expect(await lookUp('public-or-loopback', 'rebound.example')).toEqual({
      address: '127.0.0.1',
    });
    expect(await lookUp('public-only', 'partner.example', true)).toEqual({
      address: [
        { address: '93.184.215.14', family: 4 },
        { address: '2606:4700::1111', family: 6 },
      ],
    });
  });
});

describe('webhook filters', () => {
  it('name unknown event types and rules, and bad municipality codes and case ids', () => {
    const problems = filterProblems({
      eventTypes: ['KotRejected', 'KotExploded'],
      rules: ['kot-decided', 'kot-maybe'],
      municipalities: ['GM0344', 'Utrecht'],
      caseIds: ['nope'],
    });
    expect(problems.map((problem) => problem.field)).toEqual([
      'eventTypes',
      'rules',
      'municipalities',
      'caseIds',
    ]);
    const [types, rules, municipalities, cases] = problems.map((problem) => problem.reason.en);
    expect(types).toMatch(/^unknown event type KotExploded; known: ReferralOpened, /);
    expect(rules).toMatch(/^unknown rule kot-maybe; known: case-offered, /);
    expect(municipalities).toBe('not a CBS municipality code (GM + 4 digits): Utrecht');
    expect(cases).toBe('not a case id: nope');
    expect(problems[0]?.reason.nl).toMatch(/^onbekend: KotExploded/);
  });

  it('match everything when empty, and each filter narrows', () => {
    expect(matches(noFilters, intent)).toBe(true);
    expect(matches({ ...noFilters, eventTypes: ['KotRejected'] }, intent)).toBe(true);
    expect(matches({ ...noFilters, eventTypes: ['KotGranted'] }, intent)).toBe(false);
    expect(matches({ ...noFilters, rules: ['decision-overdue'] }, intent)).toBe(false);
    expect(matches({ ...noFilters, municipalities: ['GM0193'] }, intent)).toBe(false);
    expect(matches({ ...noFilters, caseIds: [intent.caseId] }, intent)).toBe(true);
  });

  it('with an event type never match a deadline notification, which has no event', () => {
    expect(
      matches({ ...noFilters, eventTypes: ['KotRejected'] }, { ...intent, eventType: null }),
    ).toBe(false);
  });
});

describe('webhook bodies', () => {
  it('are CloudEvents 1.0 whose id is the notification id, without the person', () => {
    const event = notificationCloudEvent(intent);
    expect(event).toMatchObject({
      specversion: '1.0',
      id: intent.id,
      source: 'urn:nl:kot-referral:notifications',
      type: 'nl.kot-referral.kot-decided',
      subject: intent.caseId,
      time: '2024-04-30T11:00:00.000Z',
      datacontenttype: 'application/json',
      data: { rule: 'kot-decided', recipient: { organisation: 'GM0344', role: 'smi-officer' } },
    });
    expect(JSON.stringify(event)).not.toContain('u-officer-utrecht"}');
  });
});
