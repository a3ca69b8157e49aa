import { syntheticBsn } from '../identifiers';
import { actors, caseId, child, openReferral, workingPartner } from '../testing';
import type { CaseCommand } from './commands';
import { handleCommand } from './handleCommand';
import { initialState } from './state';
import { CommandRefused } from './refusal';
import { textLimits } from './inputLimits';
import { validateCommand, type ValidationContext } from './validation';

const today = '2024-03-01';

/** The fields refused, with their reasons in English; [] when the command passes. */
function refused(command: unknown, context: ValidationContext = { today }) {
  try {
    validateCommand(command as CaseCommand, context);
  } catch (error) {
    if (!(error instanceof CommandRefused)) throw error;
    return error.fields.map((f) => ({ field: f.field, reason: f.reason.en }));
  }
  return [];
}

const fieldsOf = (command: unknown, context?: ValidationContext) =>
  refused(command, context).map((problem) => problem.field);

describe('impossible data is refused at the field', () => {
  it('accepts the synthetic family as it is', () => {
    expect(refused(openReferral())).toEqual([]);
  });

  it('refuses a parent born in the future, too young or more than 100 years old', () => {
    const withParentBorn = (birthDate: string) =>
      openReferral({
        household: { composition: 'single-parent', partners: [workingPartner({ birthDate })] },
      });
    expect(refused(withParentBorn('2024-03-02'))).toEqual([
      { field: 'household.partners[0].birthDate', reason: 'is in the future' },
    ]);
    expect(refused(withParentBorn('2012-03-02'))).toEqual([
      { field: 'household.partners[0].birthDate', reason: 'a parent is at least 12 years old' },
    ]);
    expect(refused(withParentBorn('1923-03-01'))).toEqual([
      { field: 'household.partners[0].birthDate', reason: 'a parent is at most 100 years old' },
    ]);
    expect(refused(withParentBorn('2012-03-01'))).toEqual([]);
    expect(refused(withParentBorn('1923-03-02'))).toEqual([]);
  });

  it('refuses a child not yet born, or too old for childcare', () => {
    const withChildBorn = (birthDate: string) => openReferral({ children: [child({ birthDate })] });
    expect(fieldsOf(withChildBorn('2024-03-02'))).toEqual(['children[0].birthDate']);
    expect(refused(withChildBorn('2010-03-01'))).toEqual([
      { field: 'children[0].birthDate', reason: 'a child in childcare is at most 13 years old' },
    ]);
    expect(refused(withChildBorn('2010-03-02'))).toEqual([]);
    expect(refused(withChildBorn(today))).toEqual([]);
  });

  it('refuses a date in a year no business date can fall in', () => {
    expect(fieldsOf({ type: 'ExtendSmi', caseId, until: '9999-12-31' })).toEqual(['until']);
    expect(fieldsOf({ type: 'GrantKot', caseId, grantedFrom: '0001-01-01' })).toEqual([
      'grantedFrom',
    ]);
  });

  it('refuses every period that ends before it starts', () => {
    const indication = {
      kind: 'temporary' as const,
      validFrom: '2023-05-01',
      validTo: '2023-04-30',
    };
    expect(
      fieldsOf(
        openReferral({
          smiPeriod: { from: '2024-02-01', to: '2024-01-31' },
          household: {
            composition: 'single-parent',
            partners: [workingPartner({ wlzIndication: indication })],
          },
        }),
      ),
    ).toEqual(['household.partners[0].wlzIndication.validTo', 'smiPeriod.to']);
    expect(
      fieldsOf({
        type: 'ClaimCase',
        caseId,
        mandate: {
          type: 'court-bewind',
          partnerIds: ['p1', 'p2'],
          reference: 'C/16/100001 / BW RK 22-1',
          validFrom: '2024-01-02',
          validUntil: '2024-01-01',
        },
      }),
    ).toEqual(['mandate.validUntil']);
    expect(
      fieldsOf({ type: 'ConfirmWlzIndication', caseId, partnerId: 'p1', ...indication }),
    ).toEqual(['validTo']);
    expect(
      fieldsOf({
        type: 'ConfirmWlzIndication',
        caseId,
        partnerId: 'p1',
        ...indication,
        validTo: '2023-05-01',
      }),
    ).toEqual([]);
  });

  it('refuses the same BSN for two members of one household', () => {
    const shared = syntheticBsn(2);
    expect(refused(openReferral({ children: [child({ bsn: shared })] }))).toEqual([
      {
        field: 'children[0].bsn',
        reason: 'this BSN was already given for another member of the household',
      },
    ]);
    expect(
      fieldsOf(
        openReferral({
          children: [child(), child({ childId: 'c2', bsn: syntheticBsn(3) })],
        }),
      ),
    ).toEqual(['children[1].bsn']);
  });

  it('bounds every string: names, references, notes and reasons', () => {
    const long = (length: number) => 'x'.repeat(length);
    expect(
      fieldsOf(
        openReferral({
          household: {
            composition: 'single-parent',
            partners: [workingPartner({ name: long(textLimits.name + 1), partnerId: long(65) })],
          },
          children: [child({ childId: long(textLimits.reference + 1) })],
        }),
      ),
    ).toEqual([
      'household.partners[0].partnerId',
      'household.partners[0].name',
      'children[0].childId',
    ]);
    expect(
      fieldsOf({
        type: 'OfferCase',
        caseId,
        to: { organisation: long(65), role: 'bewindvoerder', name: long(201) },
        note: long(2001),
      }),
    ).toEqual(['to.organisation', 'to.name', 'note']);
    expect(fieldsOf({ type: 'WithdrawCase', caseId, reason: long(2001) })).toEqual(['reason']);
    expect(
      fieldsOf({ type: 'CloseCase', caseId, outcome: 'kot-granted', note: long(2001) }),
    ).toEqual(['note']);
    expect(
      fieldsOf({
        type: 'ReportWlzIndicationNotFound',
        caseId,
        partnerId: long(65),
        reason: 'niet gevonden',
      }),
    ).toEqual(['partnerId']);
    expect(
      fieldsOf({
        type: 'ClaimCase',
        caseId,
        mandate: {
          type: 'digid-machtiging',
          validFrom: '2024-01-01',
          partnerIds: ['p1', long(65)],
          reference: long(201),
        },
      }),
    ).toEqual(['mandate.reference', 'mandate.partnerIds[1]']);
    expect(fieldsOf(openReferral({ children: Array.from({ length: 21 }, () => child()) }))).toEqual(
      ['children'],
    );
  });

  it('refuses to offer a case to an organisation that is not in the directory', () => {
    const offer = { type: 'OfferCase', caseId, to: { organisation: 'org-nobody', role: 'mentor' } };
    const directory = new Set(['org-bewind-horizon']);
    const context = { today, isKnownOrganisation: (id: string) => directory.has(id) };
    expect(refused(offer, context)).toEqual([
      {
        field: 'to.organisation',
        reason: "this organisation is not in the platform's organisation directory",
      },
    ]);
    expect(
      refused({ ...offer, to: { organisation: 'org-bewind-horizon', role: 'mentor' } }, context),
    ).toEqual([]);
  });

  it('checks the municipality code before authorization, and never repeats what was sent', () => {
    const sent = `GM${'9'.repeat(5000)}`;
    const attempt = () =>
      handleCommand(openReferral({ municipality: sent }), initialState(), {
        actor: actors.officer,
        now: '2024-03-01T11:00:00.000Z',
      });
    expect(attempt).toThrow(CommandRefused);
    try {
      attempt();
    } catch (error) {
      const refusal = error as CommandRefused;
      expect(refusal.kind).toBe('invalid-input');
      expect(refusal.fields.map((f) => f.field)).toEqual(['municipality']);
      expect(JSON.stringify({ reason: refusal.reason, fields: refusal.fields })).not.toContain(
        '99999',
      );
    }
  });
});
