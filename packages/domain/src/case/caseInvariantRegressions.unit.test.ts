// Counterexamples the invariant search (caseInvariants.unit.test.ts) found on the way, each shrunk
// to a short history and kept by name: the rule it broke, and the history that broke it.
import { runHistory } from '../testing/caseInvariants';
import type { CaseHistoryPlan } from '../testing/caseArbitraries';
import { syntheticBsn } from '../identifiers';

const singleParent = (
  wlzIndication: CaseHistoryPlan['household']['partners'][number]['wlzIndication'],
): CaseHistoryPlan['household'] => ({
  composition: 'single-parent',
  partners: [
    {
      partnerId: 'p1',
      name: 'Ruud Verbeek',
      bsn: syntheticBsn(11),
      birthDate: '1988-04-12',
      wlzIndication,
      workStatus: 'none',
    },
  ],
});

const step = (days: number) => ({ days, type: 'TakeNextStep' as const, a: 0, b: 0 });

describe('histories that once broke a rule for every family', () => {
  it('after the supporter hands back a case mid-application and the officer offers it again, the officer gets it claimed instead of offering it for ever', () => {
    // Broke (4): the step stayed "offer to a supporter" after the offer, so nothing moved it on.
    runHistory({
      start: '2023-01-01',
      household: singleParent({ kind: 'temporary', validFrom: '2023-01-01' }),
      withChildcare: false,
      smi: { from: '2023-01-01', to: '2023-01-01' },
      moves: [
        step(4),
        step(0),
        step(0),
        step(4),
        { days: 0, type: 'ReleaseClaim', a: 0, b: 0 },
        step(0),
        step(0),
        step(4),
      ],
    });
  });

  it('a supporter whose mandate no longer lets them apply is asked to arrange one before returning the forms', () => {
    // Broke (4): "return the forms" stayed with a claimant who may only signal, and every
    // SubmitApplication was refused.
    runHistory({
      start: '2023-01-01',
      household: singleParent({ kind: 'permanent', validFrom: '2019-06-01' }),
      withChildcare: false,
      smi: { from: '2023-01-01', to: '2023-01-13' },
      moves: [
        step(0),
        { days: 0, type: 'TakeOffer', a: 0, b: 0 },
        step(0),
        step(0),
        step(4),
        step(4),
        { days: 4, type: 'RecordMandate', a: 0, b: 0 },
        step(0),
      ],
    });
  });

  it('a case offered to a supporter who may only signal can still be taken on: the step brings the mandate that role can have, not a court bewind', () => {
    // Broke (4) once court measures became the bewindvoerder's alone: the step offered the
    // client supporter only a claim with a court bewind, which is now refused.
    runHistory({
      start: '2023-01-01',
      household: singleParent({
        kind: 'temporary',
        validFrom: '2023-01-01',
        validTo: '2023-01-31',
      }),
      withChildcare: false,
      smi: { from: '2023-01-01', to: '2023-01-01' },
      moves: [
        { days: 0, type: 'OfferCase', a: 0, b: 691 },
        { days: 0, type: 'TakeNextStep', a: 0, b: 0 },
      ],
    });
  });

  it('a change passed on before any KOT was paid leaves Toeslagen no step it cannot take', () => {
    // Broke (4): the household passed a change on while the case was only referred; "process the
    // change" became Toeslagen's step on a case that never reached it. Only a change KOT pays
    // from can be passed on now.
    runHistory({
      start: '2023-01-01',
      household: {
        composition: 'partners',
        partners: [
          {
            partnerId: 'p1',
            name: 'Ruud Verbeek',
            bsn: syntheticBsn(11),
            birthDate: '1988-04-12',
            wlzIndication: { kind: 'permanent', validFrom: '2019-06-01' },
            workStatus: 'none',
          },
          {
            partnerId: 'p2',
            name: 'Lotte Verbeek',
            bsn: syntheticBsn(12),
            birthDate: '1990-09-30',
            wlzIndication: null,
            workStatus: 'employed',
          },
        ],
      },
      withChildcare: false,
      smi: { from: '2023-01-01', to: '2023-01-01' },
      moves: [
        { days: 4, type: 'RecordHouseholdChange', a: 0, b: 0 },
        { days: 0, type: 'PassChangeToToeslagen', a: 0, b: 0 },
        step(4),
        { days: 4, type: 'CheckEligibility', a: 0, b: 0 },
      ],
    });
  });
});
