// The signal form's own checks and what it sends: no SMI period, the municipality asked first,
// every choice made on purpose.
import { syntheticBsn } from '@kot/domain';
import {
  emptySignal,
  signalInputOf,
  signalProblemsOf,
} from '../../services/portal/src/signal/signalDraft';
import type { ReferralDraft } from '../../services/portal/src/referral/referralDraft';

const filled = (): ReferralDraft => {
  const draft = emptySignal('2026-12-07');
  return {
    ...draft,
    municipality: 'GM0344',
    partners: [
      {
        ...draft.partners[0],
        name: 'Test A',
        bsn: syntheticBsn(7001),
        birthDate: '1990-01-02',
        indication: 'permanent',
      },
      {
        ...draft.partners[1],
        name: 'Test B',
        bsn: syntheticBsn(7002),
        birthDate: '1991-01-02',
        indication: 'none',
        workStatus: 'employed',
      },
    ],
    children: [
      {
        ...draft.children[0]!,
        name: 'Test C',
        bsn: syntheticBsn(7003),
        birthDate: '2022-01-10',
        lrkNumber: '123456789',
        careType: 'daycare',
        hoursPerMonth: '80',
        hourlyRate: '9,85',
      },
    ],
  };
};

describe('the signal form', () => {
  it('asks for the municipality first and for every choice, never for an SMI period', () => {
    const problems = signalProblemsOf(emptySignal('2026-12-07'));
    const paths = Object.keys(problems);
    expect(paths[0]).toBe('municipality');
    expect(problems['municipality']?.nl).toBe('Kies de gemeente.');
    expect(paths).toContain('household.partners[0].wlzIndication');
    expect(paths).toContain('children[0].childcare.careType');
    expect(paths.some((path) => path.startsWith('smiPeriod.'))).toBe(false);
    expect(problems['household.partners[0].name']?.nl).toBe('Vul de naam in.');
    expect(problems['children[0].childcare.hoursPerMonth']?.nl).toBe(
      'Vul het aantal uren per maand in.',
    );
  });

  it('asks a typed municipality code in its CBS form when there is no directory', () => {
    expect(signalProblemsOf({ ...filled(), municipality: '' }, true)['municipality']?.nl).toBe(
      'Vul de gemeentecode in.',
    );
    expect(
      signalProblemsOf({ ...filled(), municipality: 'Utrecht' }, true)['municipality']?.nl,
    ).toMatch(/^Een gemeentecode is GM met 4 cijfers/);
  });

  it('sends the chosen municipality and the household, without an SMI period', () => {
    const draft = filled();
    expect(signalProblemsOf(draft)).toEqual({});
    const input = signalInputOf(draft);
    expect(input['municipality']).toBe('GM0344');
    expect(input).not.toHaveProperty('smiPeriod');
    expect(input['household']).toMatchObject({ composition: 'PARTNERS' });
  });
});
