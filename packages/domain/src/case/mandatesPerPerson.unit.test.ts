// A mandate belongs to the person it was given to (and to the partners who gave it): a colleague
// of the same office cannot use a personal one, a court's authority comes only with the court's
// reference and for the persons it named, and an expired mandate stops acting and hands the step
// to the officer. Seed 000 (step 4, p. 2; "niet alle professionals zijn bevoegd", p. 12).
import {
  actors,
  at,
  caseId,
  given,
  journey as s,
  openReferral,
  story,
  type Step,
} from '../testing';
import type { Mandate } from './mandate';
import { nextStep } from './nextStep';
import { foldCase } from './state';

const digid = (by: Step[1], extra: Partial<Mandate> = {}): Step => [
  {
    type: 'ClaimCase',
    caseId,
    mandate: {
      type: 'digid-machtiging',
      partnerIds: ['p1', 'p2'],
      validFrom: '2024-03-01',
      ...extra,
    },
  },
  by,
];
const claimedWithDigid = (extra: Partial<Mandate> = {}) =>
  story([s.open, s.offer, digid(at('2024-03-07', actors.bewindvoerder), extra)]);
const court = (mandate: Partial<Mandate>): Mandate => ({
  type: 'court-bewind',
  partnerIds: ['p1', 'p2'],
  reference: 'C/16/200002 / BW RK 23-4',
  validFrom: '2022-01-01',
  ...mandate,
});

describe('mandates per person', () => {
  it('lets the person the DigiD mandate was given to apply, and refuses a colleague of the same office', () => {
    given(...claimedWithDigid())
      .when(
        { type: 'RequestKot', caseId, channel: 'phone' },
        at('2024-03-11', actors.bewindvoerder),
      )
      .thenEmits(([requested]) => expect(requested?.type).toBe('KotRequested'));
    given(...claimedWithDigid())
      .when(
        { type: 'RequestKot', caseId, channel: 'phone' },
        at('2024-03-11', actors.bewindColleague),
      )
      .thenRefuses(
        'forbidden',
        /given personally to Marieke Brandsma; a colleague of the same office cannot use it/,
      );
  });

  it('lets the colleague take the case over by recording their own mandate, after which they may apply', () => {
    const own: Step = [
      {
        type: 'RecordMandate',
        caseId,
        mandate: { type: 'written-volmacht', partnerIds: ['p1', 'p2'], validFrom: '2024-03-08' },
      },
      at('2024-03-08', actors.bewindColleague),
    ];
    const events = story([s.open, s.offer, digid(at('2024-03-07', actors.bewindvoerder)), own]);
    expect(foldCase(events).claim?.by.personId).toBe(actors.bewindColleague.id);
    given(...events)
      .when(
        { type: 'RequestKot', caseId, channel: 'phone' },
        at('2024-03-11', actors.bewindColleague),
      )
      .thenEmits(([requested]) => expect(requested?.type).toBe('KotRequested'));
    // The first holder's personal mandate went with the claim: they may no longer apply.
    given(...events)
      .when(
        { type: 'RequestKot', caseId, channel: 'phone' },
        at('2024-03-11', actors.bewindvoerder),
      )
      .thenRefuses('forbidden', /given personally to Tarik Ouali/);
  });

  it('lets a colleague stand in where no mandate is needed: the check and giving the case back', () => {
    given(...claimedWithDigid())
      .when({ type: 'CheckEligibility', caseId }, at('2024-03-08', actors.bewindColleague))
      .thenEmits(([checked]) => expect(checked?.type).toBe('EligibilityChecked'));
    given(...claimedWithDigid())
      .when(
        { type: 'ReleaseClaim', caseId, reason: 'Collega is langdurig ziek' },
        at('2024-03-08', actors.bewindColleague),
      )
      .thenEmits(([released]) => expect(released?.type).toBe('ClaimReleased'));
  });

  it('lets a colleague of the office a court appointed act on its bewind', () => {
    const claimed = story([
      s.open,
      s.offer,
      [{ type: 'ClaimCase', caseId, mandate: court({}) }, at('2024-03-07', actors.bewindvoerder)],
    ]);
    given(...claimed)
      .when(
        { type: 'RequestKot', caseId, channel: 'phone' },
        at('2024-03-11', actors.bewindColleague),
      )
      .thenEmits(([requested]) => expect(requested?.type).toBe('KotRequested'));
  });

  it("refuses a court bewind without the court's reference or without the persons it names", () => {
    const offered = story([s.open, s.offer]);
    given(...offered)
      .when(
        {
          type: 'ClaimCase',
          caseId,
          mandate: { type: 'court-bewind', partnerIds: ['p1'], validFrom: '2022-01-01' },
        },
        at('2024-03-07', actors.bewindvoerder),
      )
      .thenRefuses(
        'invalid-input',
        /reference \(case number\) of the court's ruling/,
        'mandate.reference',
      );
    given(...offered)
      .when(
        {
          type: 'ClaimCase',
          caseId,
          mandate: { type: 'court-bewind', reference: 'C/16/1', validFrom: '2022-01-01' },
        },
        at('2024-03-07', actors.bewindvoerder),
      )
      .thenRefuses(
        'invalid-input',
        /parents the court placed under the measure/,
        'mandate.partnerIds',
      );
  });

  it('lets a bewind over one parent apply only once the other parent consented', () => {
    const overOne = (consentOf?: string[]) =>
      story([
        s.open,
        s.offer,
        [
          {
            type: 'ClaimCase',
            caseId,
            mandate: court({ partnerIds: ['p1'], ...(consentOf ? { consentOf } : {}) }),
          },
          at('2024-03-07', actors.bewindvoerder),
        ],
      ]);
    given(...overOne())
      .when(
        { type: 'RequestKot', caseId, channel: 'phone' },
        at('2024-03-11', actors.bewindvoerder),
      )
      .thenRefuses('forbidden', /no valid mandate to apply/);
    expect(nextStep(foldCase(overOne()), '2024-03-11T10:00:00Z')?.action).toBe('arrange-mandate');
    given(...overOne(['p2']))
      .when(
        { type: 'RequestKot', caseId, channel: 'phone' },
        at('2024-03-11', actors.bewindvoerder),
      )
      .thenEmits(([requested]) => expect(requested?.type).toBe('KotRequested'));
  });

  it('refuses a supporter who may only signal a court measure for themselves', () => {
    const offeredToSupporter = story([
      [openReferral(), at('2024-03-04', actors.officer)],
      [
        {
          type: 'OfferCase',
          caseId,
          to: { organisation: 'org-mee-vallei', role: 'client-supporter' },
        },
        at('2024-03-05', actors.officer),
      ],
      [
        { type: 'ClaimCase', caseId, mandate: { type: 'none', validFrom: '2024-03-06' } },
        at('2024-03-06', actors.clientSupporter),
      ],
    ]);
    given(...offeredToSupporter)
      .when(
        { type: 'RecordMandate', caseId, mandate: court({}) },
        at('2024-03-07', actors.clientSupporter),
      )
      .thenRefuses('invalid-input', /only a bewindvoerder can record this measure/, 'mandate.type');
    // What the family gives the supporter themselves is theirs to record.
    given(...offeredToSupporter)
      .when(
        {
          type: 'RecordMandate',
          caseId,
          mandate: { type: 'digid-machtiging', partnerIds: ['p1', 'p2'], validFrom: '2024-03-07' },
        },
        at('2024-03-07', actors.clientSupporter),
      )
      .thenEmits(([recorded]) => expect(recorded?.type).toBe('MandateRecorded'));
  });

  it('stops an expired mandate from sending documents, names the expiry, and hands the step to the officer', () => {
    const lapsing = story([
      s.open,
      s.offer,
      digid(at('2024-03-07', actors.bewindvoerder), { validUntil: '2024-03-20' }),
      s.request,
      s.register,
      [
        { type: 'ReportWlzIndicationNotFound', caseId, partnerId: 'p1', reason: 'Niet gevonden' },
        at('2024-03-15', actors.toeslagen),
      ],
    ]);
    given(...lapsing)
      .when(
        {
          type: 'SubmitCizDecisionCopy',
          caseId,
          partnerId: 'p1',
          kind: 'permanent',
          validFrom: '2019-06-01',
        },
        at('2024-03-22', actors.bewindvoerder),
      )
      .thenRefuses(
        'forbidden',
        /mandate expired on 2024-03-20.*The step is now with the SMI officer/,
      );
    expect(nextStep(foldCase(lapsing), '2024-03-18T10:00:00Z')).toMatchObject({
      action: 'send-ciz-decision',
      responsible: { personId: actors.bewindvoerder.id },
    });
    expect(nextStep(foldCase(lapsing), '2024-03-22T10:00:00Z')).toMatchObject({
      action: 'arrange-mandate',
      responsible: { organisation: 'GM0344', role: 'smi-officer' },
      since: '2024-03-21',
      escalateTo: { role: 'smi-team-lead' },
      description: { en: expect.stringMatching(/expired on 2024-03-20/) },
    });
  });
});
