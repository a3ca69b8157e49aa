import { openReferral } from '@kot/domain/testing';
import { toCommand } from './toCommand';

describe('turning input into a domain command', () => {
  it('leaves out optional fields sent as null', () => {
    expect(
      toCommand('ConfirmWlzIndication', {
        caseId: 'c',
        partnerId: 'p1',
        kind: 'permanent',
        validFrom: '2019-06-01',
        validTo: null,
      }),
    ).toEqual({
      type: 'ConfirmWlzIndication',
      caseId: 'c',
      partnerId: 'p1',
      kind: 'permanent',
      validFrom: '2019-06-01',
    });
  });

  it('keeps "no indication" and "no registered childcare" as null, also when left out', () => {
    const { type: _type, ...referral } = openReferral();
    const [indicated, working] = referral.household.partners;
    const { wlzIndication: _left, ...workingWithoutIndication } = working!;
    const { childcare: _none, ...childWithoutCare } = referral.children[0]!;
    const command = toCommand('OpenReferral', {
      ...referral,
      household: { ...referral.household, partners: [indicated, workingWithoutIndication] },
      children: [childWithoutCare],
    });
    expect(command).toEqual({
      ...openReferral(),
      children: [{ ...referral.children[0], childcare: null }],
    });
  });

  it('makes plain objects of class instances, which the store would refuse', () => {
    class Input {
      caseId = 'c';
      until = '2024-09-30';
    }
    const command = toCommand('ExtendSmi', new Input());
    expect(Object.getPrototypeOf(command)).toBe(Object.prototype);
  });
});
