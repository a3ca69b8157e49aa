import { openReferral } from '../testing';
import { caseCommandTypes, type CaseCommand } from './commands';
import { fieldName, hasFieldName } from './fieldNames';
import { CommandRefused } from './refusal';
import { validateCommand } from './validation';

/** The fields an input check names when it refuses this command. */
function refusedFields(command: unknown): string[] {
  try {
    validateCommand(command as CaseCommand);
  } catch (error) {
    if (error instanceof CommandRefused) return error.fields.map((f) => f.field);
    throw error;
  }
  return [];
}

describe('field names in refusals', () => {
  it('name a field by its place in the family: the parent or child it belongs to, counted from 1', () => {
    expect(fieldName('household.partners[1].bsn')).toEqual({
      nl: 'BSN van ouder 2',
      en: 'BSN of parent 2',
    });
    expect(fieldName('children[0].childcare.lrkNumber').nl).toBe(
      'LRK-nummer van de opvang van kind 1',
    );
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'name a field called %s like any unknown field (fuzz counterexample: a 500 for a top-level __proto__ key)',
    (key) => {
      expect(fieldName(key)).toEqual({ nl: `veld ${key}`, en: `field ${key}` });
      expect(hasFieldName(key)).toBe(false);
    },
  );

  it('exist in words for every field the input checks can refuse', () => {
    const everything = { type: 'x', caseId: 'not-a-case', smiPeriod: {}, to: {}, mandate: {} };
    const broken = openReferral();
    broken.household.partners = [
      { wlzIndication: { kind: 'x', validFrom: 'x', validTo: 'x' } } as never,
      null as never,
    ];
    broken.children = [
      { childcare: { lrkNumber: 'x', hoursPerMonth: 0, hourlyRateCents: 0 } } as never,
      null as never,
    ];
    const fields = new Set([
      ...caseCommandTypes.flatMap((type) => refusedFields({ ...everything, type })),
      ...refusedFields(broken),
      ...refusedFields({ ...openReferral(), household: { composition: 'x', partners: [] } }),
      ...refusedFields({ ...openReferral(), household: undefined, children: [] }),
      ...refusedFields({ type: 'ClaimCase', caseId: 'x' }),
    ]);
    expect(fields.size).toBeGreaterThan(40);
    expect([...fields].filter((field) => !hasFieldName(field))).toEqual([]);
  });
});
