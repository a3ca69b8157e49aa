// Synthetic case histories for the tests, built from the domain's fixtures. Each returns the
// commands with the moment and actor that send them.
import { actors, at, openReferral } from '@kot/domain/testing';
import type { Step } from './caseWriter';

const bewindOffice = {
  organisation: actors.bewindvoerder.organisation,
  role: 'bewindvoerder' as const,
  name: 'Bewind Horizon',
};

/** Referred in Utrecht (GM0344), offered to Bewind Horizon, claimed, and requested. */
export function requestedCase(caseId: string): Step[] {
  return [
    [openReferral({ caseId }), at('2024-03-04', actors.officer)],
    [{ type: 'CheckEligibility', caseId }, at('2024-03-04', actors.officer)],
    [{ type: 'OfferCase', caseId, to: bewindOffice }, at('2024-03-05', actors.officer)],
    [
      {
        type: 'ClaimCase',
        caseId,
        mandate: {
          type: 'court-bewind',
          partnerIds: ['p1', 'p2'],
          reference: 'C/16/123456',
          validFrom: '2022-01-01',
        },
      },
      at('2024-03-07', actors.bewindvoerder),
    ],
    [{ type: 'RequestKot', caseId, channel: 'phone' }, at('2024-03-11', actors.bewindvoerder)],
  ];
}

/** From referral to KOT granted and SMI ended the day before KOT starts, then closed. */
export function grantedCase(caseId: string): Step[] {
  return [
    ...requestedCase(caseId),
    [{ type: 'RegisterWlzRequest', caseId }, at('2024-03-14', actors.toeslagen)],
    [
      {
        type: 'ConfirmWlzIndication',
        caseId,
        partnerId: 'p1',
        kind: 'permanent',
        validFrom: '2019-06-01',
      },
      at('2024-03-14', actors.toeslagen),
    ],
    [{ type: 'SendApplicationForms', caseId }, at('2024-03-18', actors.toeslagen)],
    [
      {
        type: 'SubmitApplication',
        caseId,
        requestedStart: '2024-04-01',
        signedByBothPartners: true,
      },
      at('2024-03-29', actors.bewindvoerder),
    ],
    [{ type: 'RecordApplicationReceived', caseId }, at('2024-04-03', actors.toeslagen)],
    [{ type: 'GrantKot', caseId, grantedFrom: '2024-04-01' }, at('2024-04-30', actors.toeslagen)],
    [{ type: 'EndSmi', caseId, lastDay: '2024-03-31' }, at('2024-05-02', actors.officer)],
    [{ type: 'CloseCase', caseId, outcome: 'kot-granted' }, at('2024-06-10', actors.bewindvoerder)],
  ];
}

/** Zwolle (GM0193): the application is rejected, responsibility returns to the municipality. */
export function rejectedCase(caseId: string): Step[] {
  return [
    [openReferral({ caseId, municipality: 'GM0193' }), at('2024-02-01', actors.otherOfficer)],
    [
      {
        type: 'OfferCase',
        caseId,
        to: { organisation: actors.rivalBewindvoerder.organisation, role: 'bewindvoerder' },
      },
      at('2024-02-02', actors.otherOfficer),
    ],
    [
      {
        type: 'ClaimCase',
        caseId,
        mandate: {
          type: 'court-bewind',
          partnerIds: ['p1', 'p2'],
          reference: 'C/16/100001 / BW RK 22-1',
          validFrom: '2021-01-01',
        },
      },
      at('2024-02-05', actors.rivalBewindvoerder),
    ],
    [
      { type: 'RequestKot', caseId, channel: 'letter' },
      at('2024-02-06', actors.rivalBewindvoerder),
    ],
    [{ type: 'RegisterWlzRequest', caseId }, at('2024-02-12', actors.toeslagen)],
    [
      {
        type: 'ConfirmWlzIndication',
        caseId,
        partnerId: 'p1',
        kind: 'permanent',
        validFrom: '2019-06-01',
      },
      at('2024-02-12', actors.toeslagen),
    ],
    [{ type: 'SendApplicationForms', caseId }, at('2024-02-14', actors.toeslagen)],
    [
      {
        type: 'SubmitApplication',
        caseId,
        requestedStart: '2024-03-01',
        signedByBothPartners: true,
      },
      at('2024-02-26', actors.rivalBewindvoerder),
    ],
    [{ type: 'RecordApplicationReceived', caseId }, at('2024-02-28', actors.toeslagen)],
    [
      {
        type: 'RejectKot',
        caseId,
        reason: 'partner-not-working',
        explanation: 'De partner van Ruud Verbeek werkt niet.',
      },
      at('2024-03-20', actors.toeslagen),
    ],
    // The bewindvoerder confirms the rejection reached them; the way forward is theirs.
    [
      { type: 'ConfirmDecisionReceived', caseId, channel: 'berichtenbox' },
      at('2024-03-21', actors.rivalBewindvoerder),
    ],
  ];
}

/** Only offered to the client-support organisation: nobody has claimed it yet. */
export function offeredCase(caseId: string): Step[] {
  return [
    [openReferral({ caseId }), at('2024-04-02', actors.officer)],
    [
      {
        type: 'OfferCase',
        caseId,
        to: { organisation: actors.clientSupporter.organisation, role: 'client-supporter' },
      },
      at('2024-04-03', actors.officer),
    ],
  ];
}
