import {
  actors,
  at,
  journey as s,
  openReferral,
  story,
  untilDecision,
  type Step,
} from '../testing';
import { stepsAtTurn } from './atTurn';
import { foldCase } from './state';

const noon = (day: string) => `${day}T11:00:00.000Z`;
const through = (...steps: Step[]) => foldCase(story(steps));

describe('who is at turn on a case', () => {
  it('is the supporter an offer waits for, not the officer who made it', () => {
    const steps = stepsAtTurn(through(s.open, s.offer), noon('2024-03-12'));
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({
      action: 'claim-or-decline-offer',
      responsible: { organisation: 'org-bewind-horizon', role: 'bewindvoerder' },
      escalateTo: { organisation: 'GM0344', role: 'smi-officer' },
    });
  });

  it('is the owner of the next step alone on an ordinary step', () => {
    const steps = stepsAtTurn(through(s.open, s.offer, s.claim), noon('2024-03-12'));
    expect(steps.map((step) => step.action)).toEqual(['request-kot']);
  });

  it('is the municipality first and Toeslagen beside it when SMI ran out during the decision', () => {
    const opened = untilDecision.map((name) =>
      name === 'open'
        ? ([
            openReferral({ smiPeriod: { from: '2024-01-01', to: '2024-04-15' } }),
            at('2024-03-04', actors.officer),
          ] as Step)
        : s[name],
    );
    const steps = stepsAtTurn(foldCase(story(opened)), noon('2024-04-20'));
    expect(steps.map((step) => [step.action, step.responsible.organisation])).toEqual([
      ['secure-funding', 'GM0344'],
      ['decide-application', 'DienstToeslagen'],
    ]);
  });

  it('is nobody on a withdrawn case', () => {
    expect(stepsAtTurn(through(s.open, s.withdraw), noon('2024-03-12'))).toEqual([]);
  });
});
