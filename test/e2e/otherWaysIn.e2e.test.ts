// Issue 11, other ways in: a professional signals a family without an SMI period, the signalling
// supporter takes it up, and the case goes the same way as a referral; the indication is looked up
// by Toeslagen's desk; the call's day is the application date.
import { family, courtBewind } from './families';
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
});
