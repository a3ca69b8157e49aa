import { foldCase, handleCommand, initialState, personalFields, type CaseEvent } from '@kot/domain';
import { actors, at, openReferral } from '@kot/domain/testing';
import { withoutPersonalData } from './withoutPersonalData';

const referral = (): CaseEvent =>
  handleCommand(openReferral(), initialState(), at('2024-03-04', actors.officer))[0]!;

describe('withoutPersonalData', () => {
  it('removes every field the domain marks as personal and keeps the rest', () => {
    const event = referral();
    const redacted = withoutPersonalData(event);
    const json = JSON.stringify(redacted);
    expect(personalFields('ReferralOpened', 1).length).toBeGreaterThan(0);
    for (const secret of ['Ruud Verbeek', 'Daan Verbeek', '1988-04-12'])
      expect(json).not.toContain(secret);
    const state = foldCase([redacted]);
    expect(
      state.household?.partners.map((p) => [p.name, p.bsn, p.birthDate, p.workStatus]),
    ).toEqual([
      [null, null, null, 'none'],
      [null, null, null, 'employed'],
    ]);
    expect(state.children[0]).toMatchObject({
      name: null,
      bsn: null,
      livesAtHome: true,
      childcare: { hoursPerMonth: 80 },
    });
    expect(state.municipality).toBe('GM0344');
  });

  it('leaves the original event untouched', () => {
    const event = referral();
    const copy = JSON.parse(JSON.stringify(event));
    withoutPersonalData(event);
    expect(event).toEqual(copy);
  });

  it('returns events without personal fields as they are', () => {
    const event: CaseEvent = {
      type: 'WlzRequestRegistered',
      schemaVersion: 1,
      data: { registeredOn: '2024-03-14' },
    };
    expect(withoutPersonalData(event)).toBe(event);
  });

  it('clears free-text reasons, which may describe the family', () => {
    const event: CaseEvent = {
      type: 'KotRejected',
      schemaVersion: 1,
      data: {
        decidedOn: '2024-04-01',
        reason: 'single-parent',
        explanation: 'Mevrouw woont alleen.',
      },
    };
    expect(withoutPersonalData(event).data).toEqual({
      decidedOn: '2024-04-01',
      reason: 'single-parent',
      explanation: null,
    });
  });
});
