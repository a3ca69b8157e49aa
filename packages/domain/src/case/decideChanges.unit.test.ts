import { actors, at, caseId, child, given, journey, story, type Step } from '../testing';
import { syntheticBsn } from '../identifiers';
import { TOESLAGEN } from '../parties';
import type { CaseCommand } from './commands';
import type { CaseEvent } from './events';
import { eligibility } from './eligibility';
import { handleCommand } from './handleCommand';
import { reclaimRisk } from './householdChanges';
import { nextStep } from './nextStep';
import { personalFields } from './personalFields';
import { foldCase } from './state';

const s: Record<string, Step> = journey;
/** Granted from 1 April 2024, SMI aligned: the family lives on KOT. */
const granted = (): CaseEvent[] =>
  story([
    s.open!,
    s.offer!,
    s.claim!,
    s.request!,
    s.register!,
    s.confirm!,
    s.forms!,
    s.submit!,
    s.receive!,
    s.grant!,
    [{ type: 'EndSmi', caseId, lastDay: '2024-03-31' }, at('2024-05-02', actors.officer)],
  ]);
const partnerStopsWorking: CaseCommand = {
  type: 'RecordHouseholdChange',
  caseId,
  changeKind: 'partner-work',
  partnerId: 'p2',
  workStatus: 'none',
  effectiveFrom: '2024-06-01',
};
const withChange = (): CaseEvent[] => [
  ...granted(),
  {
    type: 'HouseholdChangeRecorded',
    schemaVersion: 1,
    data: {
      changeKind: 'partner-work',
      partnerId: 'p2',
      workStatus: 'none',
      changeId: 'change-1',
      effectiveFrom: '2024-06-01',
      recordedOn: '2024-06-10',
    },
  },
];

describe('a change of circumstances', () => {
  it('is recorded by the supporter with its effective date', () => {
    given(...granted())
      .when(partnerStopsWorking, at('2024-06-10', actors.bewindvoerder))
      .then([
        {
          type: 'HouseholdChangeRecorded',
          schemaVersion: 1,
          data: {
            changeKind: 'partner-work',
            partnerId: 'p2',
            workStatus: 'none',
            changeId: 'change-1',
            effectiveFrom: '2024-06-01',
            recordedOn: '2024-06-10',
          },
        },
      ]);
  });

  it('keeps only the fields its kind uses, whatever else a form sent', () => {
    given(...granted())
      .when(
        {
          type: 'RecordHouseholdChange',
          caseId,
          changeKind: 'indication-ended',
          partnerId: 'p1',
          workStatus: 'employed',
          effectiveFrom: '2024-09-01',
        },
        at('2024-06-10', actors.household),
      )
      .thenEmits((events) =>
        expect(events[0]?.data).toEqual({
          changeKind: 'indication-ended',
          partnerId: 'p1',
          changeId: 'change-1',
          effectiveFrom: '2024-09-01',
          recordedOn: '2024-06-10',
        }),
      );
  });

  it('re-evaluates eligibility from its effective date, not before', () => {
    const state = foldCase(withChange());
    expect(eligibility(state, '2024-05-31').verdict).toBe('yes');
    expect(eligibility(state, '2024-06-01').verdict).toBe('no');
    expect(
      eligibility(state, '2024-06-01').conditions.find((c) => c.code === 'partner-works')?.met,
    ).toBe(false);
  });

  it('makes passing it to Toeslagen the claimant’s step while KOT runs, and shows the reclaim risk', () => {
    const state = foldCase(withChange());
    expect(nextStep(state, '2024-06-10T12:00:00Z')).toMatchObject({
      action: 'pass-change-to-toeslagen',
      responsible: { organisation: 'org-bewind-horizon', role: 'bewindvoerder' },
      since: '2024-06-10',
      due: '2024-06-29',
    });
    expect(reclaimRisk(state)).toEqual({ since: '2024-06-01', changeIds: ['change-1'] });
  });

  it('is passed on by the household itself when nobody may act for it', () => {
    const events = withChange();
    given(...events)
      .when(
        { type: 'PassChangeToToeslagen', caseId, changeId: 'change-1' },
        at('2024-06-12', actors.household),
      )
      .then([
        {
          type: 'ChangePassedToToeslagen',
          schemaVersion: 1,
          data: { changeId: 'change-1', passedOn: '2024-06-12' },
        },
      ]);
  });

  it('moves from the claimant to Toeslagen once passed on, and ends the reclaim risk', () => {
    const passed: CaseEvent = {
      type: 'ChangePassedToToeslagen',
      schemaVersion: 1,
      data: { changeId: 'change-1', passedOn: '2024-06-12' },
    };
    const state = foldCase([...withChange(), passed]);
    expect(reclaimRisk(state)).toBeNull();
    expect(nextStep(state, '2024-06-12T12:00:00Z')).toMatchObject({
      action: 'process-change',
      responsible: { organisation: TOESLAGEN, role: 'toeslagen-officer' },
      due: '2024-08-07',
    });
    given(...withChange(), passed)
      .when(
        { type: 'RecordChangeProcessed', caseId, changeId: 'change-1' },
        at('2024-06-20', actors.toeslagen),
      )
      .then([
        {
          type: 'HouseholdChangeProcessed',
          schemaVersion: 1,
          data: { changeId: 'change-1', processedOn: '2024-06-20' },
        },
      ]);
  });

  it('cannot be passed on twice, and a change that is no one’s is refused with the field', () => {
    const passed: CaseEvent = {
      type: 'ChangePassedToToeslagen',
      schemaVersion: 1,
      data: { changeId: 'change-1', passedOn: '2024-06-12' },
    };
    given(...withChange(), passed)
      .when(
        { type: 'PassChangeToToeslagen', caseId, changeId: 'change-1' },
        at('2024-06-13', actors.bewindvoerder),
      )
      .thenRefuses('wrong-state', /none not yet passed on while the allowance is paid/);
    given(...withChange())
      .when(
        { type: 'PassChangeToToeslagen', caseId, changeId: 'change-9' },
        at('2024-06-13', actors.bewindvoerder),
      )
      .thenRefuses('invalid-input', /not a change of this case/, 'changeId');
  });

  it('may not be passed on by a supporter who does not hold the case', () => {
    given(...withChange())
      .when(
        { type: 'PassChangeToToeslagen', caseId, changeId: 'change-1' },
        at('2024-06-13', actors.clientSupporter),
      )
      .thenRefuses('forbidden', /may apply for the family may pass a change/);
  });

  it('may not be passed on by a claimant whose mandate expired, and says when it expired', () => {
    const before = withChange();
    const lapsing = handleCommand(
      {
        type: 'RecordMandate',
        caseId,
        mandate: {
          type: 'court-bewind',
          partnerIds: ['p1', 'p2'],
          reference: 'C/16/100001 / BW RK 22-1',
          validFrom: '2022-01-01',
          validUntil: '2024-06-11',
        },
      },
      foldCase(before),
      at('2024-06-10', actors.bewindvoerder),
    );
    given(...before, ...lapsing)
      .when(
        { type: 'PassChangeToToeslagen', caseId, changeId: 'change-1' },
        at('2024-06-13', actors.bewindvoerder),
      )
      .thenRefuses('forbidden', /expired on 2024-06-11/);
  });

  it('adds a child whose name and BSN are personal data, and refuses a child already on the case', () => {
    expect(personalFields('HouseholdChangeRecorded', 1)).toEqual([
      'child.name',
      'child.bsn',
      'child.birthDate',
    ]);
    given(...granted())
      .when(
        {
          type: 'RecordHouseholdChange',
          caseId,
          changeKind: 'child-added',
          effectiveFrom: '2024-06-01',
          child: child({ childId: 'c1', bsn: syntheticBsn(21) }),
        },
        at('2024-06-10', actors.household),
      )
      .thenRefuses('invalid-input', /already on the case/, 'child.childId');
  });

  it('refuses a separation where there are no two partners any more', () => {
    const events = [
      ...granted(),
      {
        type: 'HouseholdChangeRecorded',
        schemaVersion: 1,
        data: {
          changeKind: 'separation',
          partnerId: 'p2',
          changeId: 'change-1',
          effectiveFrom: '2024-07-01',
          recordedOn: '2024-06-10',
        },
      } as CaseEvent,
    ];
    const state = foldCase(events);
    expect(eligibility(state, '2024-07-01').conditions[0]).toMatchObject({
      code: 'partner-pair',
      met: false,
    });
    given(...events)
      .when(
        {
          type: 'RecordHouseholdChange',
          caseId,
          changeKind: 'separation',
          partnerId: 'p1',
          effectiveFrom: '2024-08-01',
        },
        at('2024-06-11', actors.officer),
      )
      .thenRefuses('wrong-state', /no longer has two partners/);
  });

  it('ends the indication the allowance rests on from its date', () => {
    const events = [
      ...granted(),
      {
        type: 'HouseholdChangeRecorded',
        schemaVersion: 1,
        data: {
          changeKind: 'indication-ended',
          partnerId: 'p1',
          changeId: 'change-1',
          effectiveFrom: '2024-09-01',
          recordedOn: '2024-06-10',
        },
      } as CaseEvent,
    ];
    const state = foldCase(events);
    expect(eligibility(state, '2024-08-31').verdict).toBe('yes');
    expect(eligibility(state, '2024-09-01').verdict).toBe('no');
  });
});

describe('a correction of a recorded fact', () => {
  const correct: CaseCommand = {
    type: 'CorrectIndicatedPartner',
    caseId,
    partnerId: 'p2',
    reason: 'De indicatie staat op naam van de andere ouder',
  };

  it('is recorded with its reason and the partner it replaces', () => {
    given(...granted())
      .when(correct, at('2024-06-10', actors.officer))
      .then([
        {
          type: 'IndicatedPartnerCorrected',
          schemaVersion: 1,
          data: {
            partnerId: 'p2',
            previousPartnerId: 'p1',
            reason: 'De indicatie staat op naam van de andere ouder',
            correctedOn: '2024-06-10',
          },
        },
      ]);
    expect(personalFields('IndicatedPartnerCorrected', 1)).toEqual(['reason']);
  });

  it('makes eligibility unknown, not no, until Toeslagen confirms that partner in CIZ’s data; Toeslagen’s step', () => {
    const granting = granted();
    const state = foldCase([
      ...granting,
      ...handleCommand(correct, foldCase(granting), at('2024-06-10', actors.officer)),
    ]);
    // p1 (now without indication) does not work: without the correction this would be a no.
    const verdict = eligibility(state, '2024-06-10');
    expect(verdict.verdict).toBe('unknown');
    expect(verdict.conditions.find((c) => c.code === 'partner-works')?.met).toBeNull();
    expect(nextStep(state, '2024-06-10T12:00:00Z')).toMatchObject({
      action: 'check-correction',
      responsible: { organisation: TOESLAGEN, role: 'toeslagen-officer' },
      due: '2024-06-15',
    });
  });

  it('is checked when Toeslagen confirms the corrected partner, whatever the stage', () => {
    const base = [
      ...granted(),
      {
        type: 'IndicatedPartnerCorrected',
        schemaVersion: 1,
        data: {
          partnerId: 'p2',
          previousPartnerId: 'p1',
          reason: 'De indicatie staat op naam van de andere ouder',
          correctedOn: '2024-06-10',
        },
      } as CaseEvent,
    ];
    given(...base)
      .when(
        {
          type: 'ConfirmWlzIndication',
          caseId,
          partnerId: 'p2',
          kind: 'permanent',
          validFrom: '2020-01-01',
        },
        at('2024-06-12', actors.toeslagen),
      )
      .thenEmits((events) => {
        const state = foldCase([...base, ...events]);
        expect(state.corrections[0]?.checkedOn).toBe('2024-06-12');
        // p2 holds the indication, p1 does not work: now a clear no, with the reason.
        expect(eligibility(state, '2024-06-12').verdict).toBe('no');
      });
  });

  it('refuses to "correct" to the partner already recorded', () => {
    given(...granted())
      .when({ ...correct, partnerId: 'p1' } as CaseCommand, at('2024-06-10', actors.officer))
      .thenRefuses('wrong-state', /already recorded as the one with the Wlz-indication/);
  });
});

describe('the settlement after the year', () => {
  it('is Toeslagen’s step once a year of KOT ended', () => {
    const state = foldCase(granted());
    expect(nextStep(state, '2024-12-31T12:00:00Z')?.action).not.toBe('settle-kot');
    expect(nextStep(state, '2025-01-02T12:00:00Z')).toMatchObject({
      action: 'settle-kot',
      responsible: { organisation: TOESLAGEN, role: 'toeslagen-officer' },
      since: '2025-01-01',
      due: '2025-12-31',
    });
  });

  it('records an additional payment or a reclaim, once per year', () => {
    given(...granted())
      .when(
        { type: 'SettleKot', caseId, year: 2024, outcome: 'reclaim', amountCents: 31_500 },
        at('2025-03-01', actors.toeslagen),
      )
      .then([
        {
          type: 'KotSettled',
          schemaVersion: 1,
          data: { year: 2024, outcome: 'reclaim', amountCents: 31_500, settledOn: '2025-03-01' },
        },
      ]);
    const settled: CaseEvent = {
      type: 'KotSettled',
      schemaVersion: 1,
      data: { year: 2024, outcome: 'reclaim', amountCents: 31_500, settledOn: '2025-03-01' },
    };
    given(...granted(), settled)
      .when(
        { type: 'SettleKot', caseId, year: 2024, outcome: 'additional-payment', amountCents: 100 },
        at('2025-03-02', actors.toeslagen),
      )
      .thenRefuses('wrong-state', /already settled definitively/);
  });

  it('refuses a year that has not ended, and an amount that does not fit the outcome', () => {
    given(...granted())
      .when(
        { type: 'SettleKot', caseId, year: 2024, outcome: 'reclaim', amountCents: 100 },
        at('2024-12-30', actors.toeslagen),
      )
      .thenRefuses('wrong-state');
    given(...granted())
      .when(
        { type: 'SettleKot', caseId, year: 2024, outcome: 'no-difference', amountCents: 100 },
        at('2025-03-01', actors.toeslagen),
      )
      .thenRefuses('invalid-input', /no difference goes with an amount of 0/, 'amountCents');
  });

  it('is settled also after the case closed', () => {
    const events = [
      ...granted(),
      {
        type: 'CaseClosed',
        schemaVersion: 1,
        data: { closedOn: '2024-06-10', outcome: 'kot-granted' },
      } as CaseEvent,
    ];
    expect(nextStep(foldCase(events), '2025-01-05T12:00:00Z')?.action).toBe('settle-kot');
  });
});
