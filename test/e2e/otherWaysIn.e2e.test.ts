// Issue 11, other ways in: a professional signals a family without an SMI period, the signalling
// supporter takes it up, and the case goes the same way as a referral; the indication is looked up
// by Toeslagen's desk; the call's day is the application date.
import { earliestKotStart } from '@kot/domain';
import { bringTo } from './applicationSteps';
import { courtBewind, day, family } from './families';
import { overHttp, type OverHttp } from './overHttp';
import { describeOnEachEngine } from './platformUnderTest';

describeOnEachEngine('other ways in: a signal without SMI', (platform) => {
  let http: OverHttp;
  beforeAll(() => {
    http = overHttp(platform());
  });

  it('lets Toeslagen’s desk signal a family; the municipality owns it and nobody is asked to secure funding never promised', async () => {
    const f = family();
    const { smiPeriod: _none, referredOn: _day, ...signal } = f.referral;
    const answer = await http.command('toeslagen-officer', 'SignalFamily', signal);
    expect(answer.data?.result).toMatchObject({
      status: 'REFERRED',
      nextStep: {
        action: 'OFFER_TO_SUPPORTER',
        responsible: { organisation: 'GM0344', role: 'SMI_OFFICER' },
      },
    });
  });

  it('lets the bewindvoerder who signalled take the case up without an offer and request KOT; Toeslagen looks the indication up', async () => {
    const f = family();
    const { smiPeriod: _none, referredOn: _day, ...signal } = f.referral;
    const signalled = await http.command('bewindvoerder', 'SignalFamily', signal);
    expect(signalled.data?.result.status).toBe('REFERRED');
    const claimed = await http.command('bewindvoerder', 'ClaimCase', {
      caseId: f.caseId,
      mandate: courtBewind,
    });
    expect(claimed.data?.result.nextStep?.action).toBe('REQUEST_KOT');
    await http.command('bewindvoerder', 'RequestKot', { caseId: f.caseId, channel: 'PHONE' });
    const registered = await http.command('toeslagen-officer', 'RegisterWlzRequest', {
      caseId: f.caseId,
    });
    expect(registered.data?.result.nextStep).toMatchObject({
      action: 'CONFIRM_INDICATION',
      responsible: { organisation: 'DienstToeslagen', role: 'TOESLAGEN_OFFICER' },
    });
    const confirmed = await http.command('toeslagen-officer', 'ConfirmWlzIndication', {
      caseId: f.caseId,
      partnerId: 'p1',
      kind: 'PERMANENT',
      validFrom: '2019-06-01',
    });
    expect(confirmed.data?.result.status).toBe('FORMS_PENDING');
  });

  it('counts the allowance from the day the family called, before the case reached the platform, not from the forms', async () => {
    const f = family();
    await bringTo(http, f, 'ClaimCase');
    const calledOn = day(-40);
    const earliest = earliestKotStart(calledOn);
    const send = (who: Parameters<OverHttp['command']>[0], type: string, input: object) =>
      http.command(who, type as never, { caseId: f.caseId, ...input });
    await send('bewindvoerder', 'RequestKot', { channel: 'PHONE', requestedOn: calledOn });
    await send('toeslagen-officer', 'RegisterWlzRequest', {});
    await send('toeslagen-officer', 'ConfirmWlzIndication', {
      partnerId: 'p1',
      kind: 'PERMANENT',
      validFrom: '2019-06-01',
    });
    await send('toeslagen-officer', 'SendApplicationForms', {});
    await send('bewindvoerder', 'SubmitApplication', {
      requestedStart: earliest,
      signedByBothPartners: true,
    });
    await send('toeslagen-officer', 'RecordApplicationReceived', {});
    const tooEarly = await send('toeslagen-officer', 'GrantKot', {
      grantedFrom: earliestKotStart(day(-70)),
    });
    expect(tooEarly.errors[0]?.message).toMatch(`application made on ${calledOn}`);
    const granted = await send('toeslagen-officer', 'GrantKot', { grantedFrom: earliest });
    expect(granted.data?.result.status).toBe('GRANTED');
  });
});
