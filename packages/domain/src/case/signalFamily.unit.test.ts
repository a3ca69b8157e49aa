// Another way in: a professional signals a family without an SMI period; the municipality owns it
// and it follows the same journey.
import { actors, at, caseId, given, openReferral, story, type Step } from '../testing';
import { caseAccessOf, may, mayView } from './authorization';
import type { Actor } from '../parties';
import type { CaseCommand } from './commands';
import { fundingCoverage } from './fundingCoverage';
import { nextStep } from './nextStep';
import { foldCase } from './state';

const signal = (actor: Actor = actors.bewindvoerder, signalledOn?: string): Step => [
  {
    type: 'SignalFamily',
    caseId,
    municipality: 'GM0344',
    household: openReferral().household,
    children: openReferral().children,
    ...(signalledOn ? { signalledOn } : {}),
  } as CaseCommand,
  at('2024-03-04', actor),
];
const municipalityDesk = { organisation: 'GM0344', role: 'smi-officer' };

describe('a family signalled by a professional, without SMI', () => {
  it('records the signal with who signalled it, and gives the case to the municipality', () => {
    given()
      .when(...signal(actors.toeslagen))
      .thenEmits(([signalled]) =>
        expect(signalled).toMatchObject({
          type: 'FamilySignalled',
          data: {
            municipality: 'GM0344',
            signalledOn: '2024-03-04',
            signalledBy: { organisation: 'DienstToeslagen', role: 'toeslagen-officer' },
          },
        }),
      );
    const state = foldCase(story([signal(actors.toeslagen)]));
    expect(state.status).toBe('referred');
    expect(state.smi).toEqual([]);
    expect(nextStep(state, '2024-03-05T10:00:00Z')).toMatchObject({
      action: 'offer-to-supporter',
      responsible: municipalityDesk,
      due: '2024-03-11',
    });
  });

  it('lets every professional signal, but not the family itself, an auditor or a privacy officer', () => {
    const fresh = foldCase([]);
    const now = '2024-03-04T10:00:00Z';
    for (const actor of [
      actors.officer,
      actors.otherOfficer,
      actors.bewindvoerder,
      actors.toeslagen,
      actors.ciz,
    ]) {
      expect(may(actor, signal(actor)[0], fresh, now).allowed).toBe(true);
    }
    for (const actor of [actors.household, actors.auditor, actors.privacyOfficer]) {
      expect(may(actor, signal(actor)[0], fresh, now)).toMatchObject({
        allowed: false,
        reason: { en: expect.stringMatching(/Only a professional|auditors|privacy officer/i) },
      });
    }
  });

  it('refuses a signal dated in the future, and a second signal for the same case', () => {
    given()
      .when(...signal(actors.bewindvoerder, '2024-03-05'))
      .thenRefuses('invalid-input', /in the future/, 'signalledOn');
    given(...story([signal()]))
      .when(...signal())
      .thenRefuses('wrong-state', /already exists/);
  });

  it('lets the supporter who signalled take the case up without an offer; another supporter needs one', () => {
    const claim: CaseCommand = {
      type: 'ClaimCase',
      caseId,
      mandate: {
        type: 'court-bewind',
        partnerIds: ['p1', 'p2'],
        reference: 'C/16/100003 / BW RK 23-4',
        validFrom: '2022-01-01',
      },
    };
    given(...story([signal()]))
      .when(claim, at('2024-03-05', actors.bewindColleague))
      .thenEmits(([claimed]) => expect(claimed?.type).toBe('CaseClaimed'));
    given(...story([signal()]))
      .when(claim, at('2024-03-05', actors.rivalBewindvoerder))
      .thenRefuses('forbidden', /not offered to you/);
  });

  it('shows the signaller what became of the signal, not who the family is; and lets them run and read the check', () => {
    const state = foldCase(story([signal(actors.toeslagen)]));
    expect(mayView(actors.toeslagen, caseAccessOf(state))).toBe('summary');
    expect(mayView(actors.rivalBewindvoerder, caseAccessOf(state))).toBe('none');
    given(...story([signal(actors.toeslagen)]))
      .when({ type: 'CheckEligibility', caseId }, at('2024-03-04', actors.toeslagen))
      .thenEmits(([checked]) =>
        expect(checked).toMatchObject({ type: 'EligibilityChecked', data: { verdict: 'yes' } }),
      );
  });

  it('asks nobody to secure funding that was never promised, until KOT first funds the family', () => {
    const steps: Step[] = [
      signal(),
      [
        {
          type: 'ClaimCase',
          caseId,
          mandate: {
            type: 'court-bewind',
            partnerIds: ['p1', 'p2'],
            reference: 'C/16/100003 / BW RK 23-4',
            validFrom: '2022-01-01',
          },
        },
        at('2024-03-05', actors.bewindvoerder),
      ],
      [{ type: 'RequestKot', caseId, channel: 'phone' }, at('2024-03-06', actors.bewindvoerder)],
      [{ type: 'RegisterWlzRequest', caseId }, at('2024-03-07', actors.toeslagen)],
      [
        {
          type: 'ConfirmWlzIndication',
          caseId,
          partnerId: 'p1',
          kind: 'permanent',
          validFrom: '2019-06-01',
        },
        at('2024-03-07', actors.toeslagen),
      ],
      [{ type: 'SendApplicationForms', caseId }, at('2024-03-08', actors.toeslagen)],
      [
        {
          type: 'SubmitApplication',
          caseId,
          requestedStart: '2024-01-01',
          signedByBothPartners: true,
        },
        at('2024-03-20', actors.bewindvoerder),
      ],
      [{ type: 'RecordApplicationReceived', caseId }, at('2024-03-22', actors.toeslagen)],
    ];
    const waiting = foldCase(story(steps));
    const coverage = fundingCoverage(waiting, '2024-04-01T10:00:00Z');
    expect(coverage).toMatchObject({ fundedToday: false, gaps: [], daysAtRisk: 0 });
    expect(nextStep(waiting, '2024-04-01T10:00:00Z')?.action).toBe('decide-application');

    const rejected = foldCase(
      story([
        ...steps,
        [
          {
            type: 'RejectKot',
            caseId,
            reason: 'partner-not-working',
            explanation: 'De partner werkt niet.',
          },
          at('2024-04-10', actors.toeslagen),
        ],
        [
          { type: 'ConfirmDecisionReceived', caseId, channel: 'berichtenbox' },
          at('2024-04-10', actors.bewindvoerder),
        ],
      ]),
    );
    // No SMI to continue: the supporter and the family decide on an objection or a new request.
    expect(nextStep(rejected, '2024-04-11T10:00:00Z')?.action).toBe('reapply-or-object');

    const grantedThenStopped = foldCase(
      story([
        ...steps,
        [
          { type: 'GrantKot', caseId, grantedFrom: '2024-01-01' },
          at('2024-04-10', actors.toeslagen),
        ],
        [
          {
            type: 'StopKot',
            caseId,
            stoppedFrom: '2024-06-01',
            setToZero: true,
            reason: 'Partner werkt niet meer',
          },
          at('2024-06-03', actors.toeslagen),
        ],
      ]),
    );
    // Once KOT funded the family, a day it no longer does is the municipality's, as for a referral.
    expect(fundingCoverage(grantedThenStopped, '2024-06-04T10:00:00Z').gaps[0]).toMatchObject({
      from: '2024-06-01',
      accepted: false,
    });
    expect(nextStep(grantedThenStopped, '2024-06-04T10:00:00Z')).toMatchObject({
      action: 'secure-funding',
      responsible: municipalityDesk,
      due: '2024-06-02',
    });
  });
});
