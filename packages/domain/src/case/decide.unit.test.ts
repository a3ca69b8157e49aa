import { actors, at, caseId, given, openReferral, story } from '../testing';
import type { CaseCommand } from './commands';
import type { CommandContext } from './decide';
import { applicationDate, earliestKotStart } from './eligibility';
import type { CaseEvent } from './events';
import { fundingCoverage } from './fundingCoverage';
import { handleCommand } from './handleCommand';
import { CommandRefused } from './refusal';
import { foldCase } from './state';

/** The refusal a command meets; fails the test when it is not refused. */
function refusalOf(run: () => unknown): CommandRefused {
  try {
    run();
  } catch (error) {
    if (error instanceof CommandRefused) return error;
    throw error;
  }
  throw new Error('The command was not refused');
}

/** The events one more command adds to a history, through the whole decider. */
const decideFor = (history: CaseEvent[], command: CaseCommand, ctx: CommandContext) =>
  handleCommand(command, foldCase(history), ctx);

// Histories built by running the real commands, so every fixture is a state the platform can reach.
const referred = () => story([[openReferral(), at('2024-03-04', actors.officer)]]);
const upTo = (extra: Array<[CaseCommand, ReturnType<typeof at>]>): CaseEvent[] =>
  story([
    [openReferral(), at('2024-03-04', actors.officer)],
    [
      {
        type: 'OfferCase',
        caseId,
        to: { organisation: 'org-bewind-horizon', role: 'bewindvoerder' },
      },
      at('2024-03-05', actors.officer),
    ],
    ...extra,
  ]);
const claim: [CaseCommand, ReturnType<typeof at>] = [
  {
    type: 'ClaimCase',
    caseId,
    mandate: {
      type: 'court-bewind',
      partnerIds: ['p1', 'p2'],
      reference: 'C/16/100001 / BW RK 22-1',
      validFrom: '2022-01-01',
    },
  },
  at('2024-03-07', actors.bewindvoerder),
];
const request: [CaseCommand, ReturnType<typeof at>] = [
  { type: 'RequestKot', caseId, channel: 'phone' },
  at('2024-03-11', actors.bewindvoerder),
];
const register: [CaseCommand, ReturnType<typeof at>] = [
  { type: 'RegisterWlzRequest', caseId },
  at('2024-03-14', actors.toeslagen),
];
const confirm: [CaseCommand, ReturnType<typeof at>] = [
  {
    type: 'ConfirmWlzIndication',
    caseId,
    partnerId: 'p1',
    kind: 'permanent',
    validFrom: '2019-06-01',
  },
  at('2024-03-14', actors.toeslagen),
];
const sendForms: [CaseCommand, ReturnType<typeof at>] = [
  { type: 'SendApplicationForms', caseId },
  at('2024-03-18', actors.toeslagen),
];
const submit: [CaseCommand, ReturnType<typeof at>] = [
  { type: 'SubmitApplication', caseId, requestedStart: '2024-04-01', signedByBothPartners: true },
  at('2024-03-29', actors.bewindvoerder),
];
const receive: [CaseCommand, ReturnType<typeof at>] = [
  { type: 'RecordApplicationReceived', caseId },
  at('2024-04-03', actors.toeslagen),
];
const grant: [CaseCommand, ReturnType<typeof at>] = [
  { type: 'GrantKot', caseId, grantedFrom: '2024-04-01' },
  at('2024-04-30', actors.toeslagen),
];
const reject: [CaseCommand, ReturnType<typeof at>] = [
  {
    type: 'RejectKot',
    caseId,
    reason: 'partner-not-working',
    explanation: 'De partner werkt niet.',
  },
  at('2024-04-30', actors.toeslagen),
];
const offered = () => upTo([]);
const claimed = () => upTo([claim]);
const requested = () => upTo([claim, request]);
const awaitingCiz = () => upTo([claim, request, register]);
const formsPending = () => upTo([claim, request, register, confirm]);
const formsSent = () => upTo([claim, request, register, confirm, sendForms]);
const submitted = () => upTo([claim, request, register, confirm, sendForms, submit]);
const awaitingDecision = () =>
  upTo([claim, request, register, confirm, sendForms, submit, receive]);
const granted = () => upTo([claim, request, register, confirm, sendForms, submit, receive, grant]);
const rejected = () =>
  upTo([claim, request, register, confirm, sendForms, submit, receive, reject]);

describe('opening a referral', () => {
  it('records the household, the children, the SMI period and the referring officer', () => {
    given()
      .when(openReferral(), at('2024-03-04', actors.officer))
      .thenEmits(([opened]) => {
        expect(opened?.type).toBe('ReferralOpened');
        expect(opened?.data).toMatchObject({
          caseId,
          municipality: 'GM0344',
          referredOn: '2024-03-04',
          smiPeriod: { from: '2024-01-01', to: '2024-06-30' },
          referringOfficer: {
            organisation: 'GM0344',
            role: 'smi-officer',
            personId: actors.officer.id,
          },
        });
      });
  });

  it('refuses an officer of another municipality', () => {
    given()
      .when(openReferral(), at('2024-03-04', actors.otherOfficer))
      .thenRefuses('forbidden', /GM0344/);
  });

  it('refuses a supporter, CIZ, Toeslagen and an auditor', () => {
    for (const actor of [actors.bewindvoerder, actors.ciz, actors.toeslagen, actors.auditor]) {
      given().when(openReferral(), at('2024-03-04', actor)).thenRefuses('forbidden');
    }
  });

  it('refuses a BSN that fails the 11-proof, naming the field', () => {
    const command = openReferral();
    command.children[0]!.bsn = '123456789';
    given()
      .when(command, at('2024-03-04', actors.officer))
      .thenRefuses('invalid-input', /elfproef/, 'children[0].bsn');
  });

  it('refuses 000000000 as a BSN', () => {
    const command = openReferral();
    command.household.partners[1]!.bsn = '000000000';
    given()
      .when(command, at('2024-03-04', actors.officer))
      .thenRefuses('invalid-input', undefined, 'household.partners[1].bsn');
  });

  it('refuses a malformed LRK number, SMI period and partner count at once, naming each field', () => {
    const command = openReferral({ smiPeriod: { from: '2024-06-30', to: '2024-01-01' } });
    command.children[0]!.childcare!.lrkNumber = 'LRK-12';
    command.household.partners.pop();
    for (const field of ['smiPeriod.to', 'children[0].childcare.lrkNumber', 'household.partners']) {
      given()
        .when(command, at('2024-03-04', actors.officer))
        .thenRefuses('invalid-input', undefined, field);
    }
  });

  it('refuses a partner without a stated indication, a child without stated childcare, and empty list items', () => {
    const missing = openReferral();
    delete (missing.household.partners[0] as { wlzIndication?: unknown }).wlzIndication;
    delete (missing.children[0] as { childcare?: unknown }).childcare;
    given()
      .when(missing, at('2024-03-04', actors.officer))
      .thenRefuses('invalid-input', undefined, 'household.partners[0].wlzIndication');
    given()
      .when(missing, at('2024-03-04', actors.officer))
      .thenRefuses('invalid-input', undefined, 'children[0].childcare');
    const holes = openReferral({ children: [null as never] });
    holes.household.partners[1] = null as never;
    given()
      .when(holes, at('2024-03-04', actors.officer))
      .thenRefuses('invalid-input', undefined, 'children[0]');
    given()
      .when(holes, at('2024-03-04', actors.officer))
      .thenRefuses('invalid-input', undefined, 'household.partners[1]');
  });

  it('refuses to open the same case twice', () => {
    given(...referred())
      .when(openReferral(), at('2024-03-05', actors.officer))
      .thenRefuses('wrong-state', /already exists/);
  });

  it('refuses a referral dated in the future', () => {
    given()
      .when(openReferral({ referredOn: '2024-03-10' }), at('2024-03-04', actors.officer))
      .thenRefuses('invalid-input', /future/, 'referredOn');
  });
});

describe('pre-check, offering and claiming', () => {
  it('records the eligibility verdict with the unmet and unknown conditions', () => {
    given(...referred())
      .when({ type: 'CheckEligibility', caseId }, at('2024-03-04', actors.officer))
      .then([
        {
          type: 'EligibilityChecked',
          schemaVersion: 1,
          data: { checkedOn: '2024-03-04', verdict: 'yes', unmet: [], unknown: [] },
        },
      ]);
  });

  it('records the pre-check as unknown once the indication was not found in CIZ’s data, until a copy of its decision comes', () => {
    const notFound = upTo([
      claim,
      request,
      register,
      [
        {
          type: 'ReportWlzIndicationNotFound',
          caseId,
          partnerId: 'p1',
          reason: 'Geen indicatie op BSN gevonden',
        },
        at('2024-03-14', actors.toeslagen),
      ],
    ]);
    given(...notFound)
      .when({ type: 'CheckEligibility', caseId }, at('2024-03-15', actors.officer))
      .thenEmits(([checked]) =>
        expect(checked?.data).toMatchObject({ verdict: 'unknown', unknown: ['indication-counts'] }),
      );
    const copied = [
      ...notFound,
      ...decideFor(
        notFound,
        {
          type: 'SubmitCizDecisionCopy',
          caseId,
          partnerId: 'p1',
          kind: 'permanent',
          validFrom: '2019-06-01',
        },
        at('2024-03-20', actors.bewindvoerder),
      ),
    ];
    given(...copied)
      .when({ type: 'CheckEligibility', caseId }, at('2024-03-20', actors.officer))
      .thenEmits(([checked]) => expect(checked?.data).toMatchObject({ verdict: 'yes' }));
  });

  it('offers the case to a supporter organisation', () => {
    given(...referred())
      .when(
        {
          type: 'OfferCase',
          caseId,
          to: { organisation: 'org-bewind-horizon', role: 'bewindvoerder' },
        },
        at('2024-03-05', actors.officer),
      )
      .then([
        {
          type: 'CaseOffered',
          schemaVersion: 1,
          data: {
            to: { organisation: 'org-bewind-horizon', role: 'bewindvoerder' },
            offeredOn: '2024-03-05',
          },
        },
      ]);
  });

  it('refuses offering to a non-supporter role', () => {
    given(...referred())
      .when(
        { type: 'OfferCase', caseId, to: { organisation: 'CIZ', role: 'ciz-assessor' } },
        at('2024-03-05', actors.officer),
      )
      .thenRefuses('invalid-input', undefined, 'to.role');
  });

  it('refuses offering the same case twice to the same supporter', () => {
    given(...offered())
      .when(
        {
          type: 'OfferCase',
          caseId,
          to: { organisation: 'org-bewind-horizon', role: 'bewindvoerder' },
        },
        at('2024-03-06', actors.officer),
      )
      .thenRefuses('wrong-state', /already offered/);
  });

  it('refuses offering a case someone already holds', () => {
    given(...claimed())
      .when(
        {
          type: 'OfferCase',
          caseId,
          to: { organisation: 'org-mee-vallei', role: 'client-supporter' },
        },
        at('2024-03-08', actors.officer),
      )
      .thenRefuses('wrong-state', /release it first/);
  });

  it('lets the offered supporter decline with a reason', () => {
    given(...offered())
      .when(
        { type: 'DeclineOffer', caseId, reason: 'Geen capaciteit deze maand' },
        at('2024-03-06', actors.bewindvoerder),
      )
      .thenEmits(([declined]) => expect(declined?.type).toBe('OfferDeclined'));
  });

  it('refuses a decline by someone the case was not offered to', () => {
    given(...offered())
      .when(
        { type: 'DeclineOffer', caseId, reason: 'Niet voor ons' },
        at('2024-03-06', actors.clientSupporter),
      )
      .thenRefuses('forbidden', /not offered to you/);
  });

  it('lets the offered bewindvoerder claim with mandate evidence', () => {
    given(...offered())
      .when(claim[0], claim[1])
      .thenEmits(([claimed]) => {
        expect(claimed).toMatchObject({
          type: 'CaseClaimed',
          data: {
            by: { organisation: 'org-bewind-horizon', personId: actors.bewindvoerder.id },
            mandate: { type: 'court-bewind' },
            claimedOn: '2024-03-07',
          },
        });
      });
  });

  it('refuses a claim by a supporter the case was not offered to', () => {
    given(...offered())
      .when(claim[0], at('2024-03-07', actors.rivalBewindvoerder))
      .thenRefuses('forbidden', /not offered to you/);
  });

  it('refuses a second claim: whoever comes second is told who holds it', () => {
    given(...claimed())
      .when(claim[0], at('2024-03-07', actors.bewindColleague))
      .thenRefuses('wrong-state', /already taken on/);
  });

  it('lets the household claim its own case without an offer', () => {
    given(...referred())
      .when(
        { type: 'ClaimCase', caseId, mandate: { type: 'none', validFrom: '2024-03-01' } },
        at('2024-03-06', actors.household),
      )
      .thenEmits(([claimed]) => expect(claimed?.type).toBe('CaseClaimed'));
  });

  it('refuses an expired mandate and a DigiD mandate without partners', () => {
    given(...offered())
      .when(
        {
          type: 'ClaimCase',
          caseId,
          mandate: {
            type: 'written-volmacht',
            partnerIds: ['p1', 'p2'],
            validFrom: '2023-01-01',
            validUntil: '2024-01-01',
          },
        },
        at('2024-03-07', actors.bewindvoerder),
      )
      .thenRefuses('invalid-input', /expired/, 'mandate.validUntil');
    given(...offered())
      .when(
        {
          type: 'ClaimCase',
          caseId,
          mandate: { type: 'digid-machtiging', validFrom: '2024-01-01' },
        },
        at('2024-03-07', actors.bewindvoerder),
      )
      .thenRefuses('invalid-input', undefined, 'mandate.partnerIds');
  });

  it('refuses a mandate naming a partner who is not in the household', () => {
    given(...offered())
      .when(
        {
          type: 'ClaimCase',
          caseId,
          mandate: { type: 'digid-machtiging', partnerIds: ['p9'], validFrom: '2024-01-01' },
        },
        at('2024-03-07', actors.bewindvoerder),
      )
      .thenRefuses('invalid-input', undefined, 'partnerId');
  });

  it('lets a colleague of the claimant record their own mandate, taking the case over with it, but not another office', () => {
    given(...claimed())
      .when(
        {
          type: 'RecordMandate',
          caseId,
          mandate: { type: 'written-volmacht', partnerIds: ['p1', 'p2'], validFrom: '2024-03-01' },
        },
        at('2024-03-08', actors.bewindColleague),
      )
      .thenEmits(([recorded]) =>
        expect(recorded).toMatchObject({
          type: 'MandateRecorded',
          data: { by: { personId: actors.bewindColleague.id } },
        }),
      );
    given(...claimed())
      .when(
        {
          type: 'RecordMandate',
          caseId,
          mandate: { type: 'written-volmacht', partnerIds: ['p1', 'p2'], validFrom: '2024-03-01' },
        },
        at('2024-03-08', actors.rivalBewindvoerder),
      )
      .thenRefuses('forbidden');
  });

  it('refuses recording an expired mandate, as it refuses claiming with one', () => {
    given(...claimed())
      .when(
        {
          type: 'RecordMandate',
          caseId,
          mandate: {
            type: 'written-volmacht',
            partnerIds: ['p1', 'p2'],
            validFrom: '2023-01-01',
            validUntil: '2024-03-01',
          },
        },
        at('2024-03-08', actors.bewindvoerder),
      )
      .thenRefuses('invalid-input', /expired on 2024-03-01/, 'mandate.validUntil');
  });

  it('lets the claimant release the case with a reason', () => {
    given(...claimed())
      .when(
        { type: 'ReleaseClaim', caseId, reason: 'Bewind beëindigd' },
        at('2024-03-09', actors.bewindvoerder),
      )
      .thenEmits(([released]) => expect(released?.type).toBe('ClaimReleased'));
  });

  it('lets the referring officer and the SMI team lead take a case back from a silent supporter, recording who and why', () => {
    for (const actor of [actors.officer, actors.teamLead]) {
      given(...claimed())
        .when(
          {
            type: 'ReleaseClaim',
            caseId,
            reason: 'Bewindvoerder reageert al vier weken niet',
          },
          at('2024-04-10', actor),
        )
        .then([
          {
            type: 'ClaimReleased',
            schemaVersion: 1,
            data: {
              by: {
                organisation: 'GM0344',
                role: actor.role,
                personId: actor.id,
                name: actor.name,
              },
              releasedOn: '2024-04-10',
              reason: 'Bewindvoerder reageert al vier weken niet',
            },
          },
        ]);
    }
  });

  it('returns a case taken back by the officer to the officer, who can offer it again', () => {
    const takenBack = [
      ...claimed(),
      ...decideFor(
        claimed(),
        { type: 'ReleaseClaim', caseId, reason: 'Bewindvoerder reageert niet' },
        at('2024-04-10', actors.officer),
      ),
    ];
    expect(foldCase(takenBack)).toMatchObject({ status: 'referred', claim: null, offer: null });
    given(...takenBack)
      .when(
        {
          type: 'OfferCase',
          caseId,
          to: { organisation: 'org-mee-vallei', role: 'client-supporter' },
        },
        at('2024-04-11', actors.officer),
      )
      .thenEmits(([offer]) => expect(offer?.type).toBe('CaseOffered'));
  });

  it('refuses a release by another office or another municipality', () => {
    for (const actor of [actors.rivalBewindvoerder, actors.otherOfficer, actors.toeslagen]) {
      given(...claimed())
        .when(
          { type: 'ReleaseClaim', caseId, reason: 'Niet meer bereikbaar' },
          at('2024-04-10', actor),
        )
        .thenRefuses('forbidden', /SMI officer or team lead/);
    }
  });

  it('refuses a release without a reason', () => {
    given(...claimed())
      .when({ type: 'ReleaseClaim', caseId, reason: '' }, at('2024-03-09', actors.bewindvoerder))
      .thenRefuses('invalid-input', undefined, 'reason');
  });
});

describe('the application at Toeslagen and CIZ', () => {
  it('lets the claimant with an applying mandate request KOT by phone', () => {
    given(...claimed())
      .when(request[0], request[1])
      .then([
        {
          type: 'KotRequested',
          schemaVersion: 1,
          data: { channel: 'phone', requestedOn: '2024-03-11' },
        },
      ]);
  });

  it('refuses a request by a supporter who may only signal', () => {
    const signalOnly = story([
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
        { type: 'ClaimCase', caseId, mandate: { type: 'none', validFrom: '2024-03-01' } },
        at('2024-03-06', actors.clientSupporter),
      ],
    ]);
    given(...signalOnly)
      .when(request[0], at('2024-03-07', actors.clientSupporter))
      .thenRefuses('forbidden', /only signal/);
  });

  it('refuses a second request', () => {
    given(...requested())
      .when(request[0], at('2024-03-12', actors.bewindvoerder))
      .thenRefuses('wrong-state', /already been requested/);
  });

  it('lets Toeslagen register the Wlz request, also when the supporter reached the desk directly', () => {
    given(...requested())
      .when(register[0], register[1])
      .then([
        { type: 'WlzRequestRegistered', schemaVersion: 1, data: { registeredOn: '2024-03-14' } },
      ]);
    given(...claimed())
      .when(register[0], register[1])
      .thenEmits((events) =>
        expect(events.map((e) => e.type)).toEqual(['KotRequested', 'WlzRequestRegistered']),
      );
  });

  it('refuses to register a direct call as a request while whoever holds the case may only signal', () => {
    const signalOnly = story([
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
        { type: 'ClaimCase', caseId, mandate: { type: 'none', validFrom: '2024-03-01' } },
        at('2024-03-06', actors.clientSupporter),
      ],
    ]);
    given(...signalOnly)
      .when(register[0], register[1])
      .thenRefuses('forbidden', /may only signal for the family, not apply/);
  });

  it('registers a direct call from the household that took on its own case without a mandate', () => {
    const ownCase = story([
      [openReferral(), at('2024-03-04', actors.officer)],
      [
        { type: 'ClaimCase', caseId, mandate: { type: 'none', validFrom: '2024-03-01' } },
        at('2024-03-06', actors.household),
      ],
    ]);
    given(...ownCase)
      .when(register[0], register[1])
      .thenEmits((events) =>
        expect(events.map((e) => e.type)).toEqual(['KotRequested', 'WlzRequestRegistered']),
      );
  });

  it('refuses registration by anyone but Toeslagen', () => {
    given(...requested())
      .when(register[0], at('2024-03-14', actors.bewindvoerder))
      .thenRefuses('forbidden', /Toeslagen/);
  });

  it('lets CIZ confirm the indication of a partner in the household', () => {
    given(...awaitingCiz())
      .when(confirm[0], confirm[1])
      .then([
        {
          type: 'WlzIndicationConfirmed',
          schemaVersion: 1,
          data: {
            partnerId: 'p1',
            kind: 'permanent',
            validFrom: '2019-06-01',
            confirmedOn: '2024-03-14',
          },
        },
      ]);
  });

  it('refuses a confirmation by CIZ (Toeslagen looks it up in its view of CIZ’s data), for an unknown partner, or of a temporary indication without end date', () => {
    given(...awaitingCiz())
      .when(confirm[0], at('2024-03-14', actors.ciz))
      .thenRefuses('forbidden', /Only Dienst Toeslagen/);
    given(...awaitingCiz())
      .when(
        {
          type: 'ConfirmWlzIndication',
          caseId,
          partnerId: 'p7',
          kind: 'permanent',
          validFrom: '2019-06-01',
        },
        confirm[1],
      )
      .thenRefuses('invalid-input', undefined, 'partnerId');
    given(...awaitingCiz())
      .when(
        {
          type: 'ConfirmWlzIndication',
          caseId,
          partnerId: 'p1',
          kind: 'temporary',
          validFrom: '2023-06-01',
        },
        confirm[1],
      )
      .thenRefuses('invalid-input', undefined, 'validTo');
  });

  it('refuses a confirmation before Toeslagen registered the Wlz request', () => {
    given(...requested())
      .when(confirm[0], confirm[1])
      .thenRefuses('wrong-state', /no Wlz request to check/);
  });

  it('refuses Toeslagen any step on a case that has not reached it, as it cannot see the case yet', () => {
    given(...offered())
      .when(sendForms[0], sendForms[1])
      .thenRefuses('forbidden', /not \(yet\) been brought to Dienst Toeslagen/);
    given(...offered())
      .when(grant[0], grant[1])
      .thenRefuses('forbidden', /not \(yet\) been brought to Dienst Toeslagen/);
  });

  it('lets CIZ report the indication not found, after which the supporter sends the decision copy', () => {
    const notFound = upTo([
      claim,
      request,
      register,
      [
        {
          type: 'ReportWlzIndicationNotFound',
          caseId,
          partnerId: 'p1',
          reason: 'Geen indicatie op BSN gevonden',
        },
        at('2024-03-14', actors.toeslagen),
      ],
    ]);
    expect(notFound.at(-1)?.type).toBe('WlzIndicationNotFound');
    given(...notFound)
      .when(
        {
          type: 'SubmitCizDecisionCopy',
          caseId,
          partnerId: 'p1',
          kind: 'permanent',
          validFrom: '2019-06-01',
        },
        at('2024-03-20', actors.bewindvoerder),
      )
      .thenEmits(([copy]) => expect(copy?.type).toBe('CizDecisionCopySubmitted'));
    given(...notFound)
      .when(
        {
          type: 'SubmitCizDecisionCopy',
          caseId,
          partnerId: 'p1',
          kind: 'permanent',
          validFrom: '2019-06-01',
        },
        at('2024-03-20', actors.officer),
      )
      .thenRefuses('forbidden');
  });

  it('refuses a decision copy when CIZ found the indication', () => {
    given(...formsPending())
      .when(
        {
          type: 'SubmitCizDecisionCopy',
          caseId,
          partnerId: 'p1',
          kind: 'permanent',
          validFrom: '2019-06-01',
        },
        at('2024-03-20', actors.bewindvoerder),
      )
      .thenRefuses('wrong-state');
  });

  it('lets Toeslagen send the forms only once the indication is shown', () => {
    given(...formsPending())
      .when(sendForms[0], sendForms[1])
      .then([{ type: 'ApplicationFormsSent', schemaVersion: 1, data: { sentOn: '2024-03-18' } }]);
    given(...awaitingCiz())
      .when(sendForms[0], sendForms[1])
      .thenRefuses('wrong-state');
  });

  it('records the signed application as posted, even with a start before the earliest possible', () => {
    given(...formsSent())
      .when(submit[0], submit[1])
      .then([
        {
          type: 'ApplicationSubmitted',
          schemaVersion: 1,
          data: {
            submittedOn: '2024-03-29',
            requestedStart: '2024-04-01',
            signedByBothPartners: true,
          },
        },
      ]);
    // The forms are in the post: the earliest start is checked when Toeslagen decides.
    given(...formsSent())
      .when(
        {
          type: 'SubmitApplication',
          caseId,
          requestedStart: '2023-11-30',
          signedByBothPartners: true,
        },
        submit[1],
      )
      .thenEmits(([submitted]) =>
        expect(submitted?.data).toMatchObject({ requestedStart: '2023-11-30' }),
      );
  });

  it('refuses an application not signed by both partners', () => {
    given(...formsSent())
      .when(
        {
          type: 'SubmitApplication',
          caseId,
          requestedStart: '2024-04-01',
          signedByBothPartners: false,
        },
        submit[1],
      )
      .thenRefuses('invalid-input', /both partners/, 'signedByBothPartners');
  });

  it('refuses a step dated before the step it follows', () => {
    given(...requested())
      .when({ type: 'RegisterWlzRequest', caseId, registeredOn: '2024-03-08' }, register[1])
      .thenRefuses('invalid-input', /previous step/, 'registeredOn');
    given(...formsPending())
      .when({ type: 'SendApplicationForms', caseId, sentOn: '2024-03-13' }, sendForms[1])
      .thenRefuses('invalid-input', /2024-03-14/, 'sentOn');
  });

  it('registers receipt, not before it was sent', () => {
    given(...submitted())
      .when(receive[0], receive[1])
      .then([
        { type: 'ApplicationReceived', schemaVersion: 1, data: { receivedOn: '2024-04-03' } },
      ]);
    given(...submitted())
      .when({ type: 'RecordApplicationReceived', caseId, receivedOn: '2024-03-20' }, receive[1])
      .thenRefuses('invalid-input', undefined, 'receivedOn');
  });
});

describe('decisions, changes and objections', () => {
  it('grants KOT from a date no earlier than the application allows', () => {
    given(...awaitingDecision())
      .when(grant[0], grant[1])
      .then([
        {
          type: 'KotGranted',
          schemaVersion: 1,
          data: { decidedOn: '2024-04-30', grantedFrom: '2024-04-01' },
        },
      ]);
    given(...awaitingDecision())
      .when({ type: 'GrantKot', caseId, grantedFrom: '2023-11-30' }, grant[1])
      .thenRefuses('invalid-input', /earliest start/, 'grantedFrom');
  });

  it('counts the earliest start from the registered request (the call), not from the posting or the receipt of the forms', () => {
    // Called on 11 March (registered on 14 March), forms received on 3 April: 1 December.
    given(...awaitingDecision())
      .when({ type: 'GrantKot', caseId, grantedFrom: '2023-11-01' }, grant[1])
      .thenRefuses(
        'invalid-input',
        /before the earliest start for an application made on 2024-03-11 \(2023-12-01\)/,
        'grantedFrom',
      );
    given(...awaitingDecision())
      .when({ type: 'GrantKot', caseId, grantedFrom: '2023-12-01' }, grant[1])
      .thenEmits(([granted]) => expect(granted?.type).toBe('KotGranted'));
  });

  it('takes a request the family made before the case reached the platform, and counts from that day', () => {
    // The family called BelastingTelefoon on 20 February, before the referral of 4 March.
    const calledEarly: [CaseCommand, CommandContext] = [
      { type: 'RequestKot', caseId, channel: 'phone', requestedOn: '2024-02-20' },
      request[1],
    ];
    given(...upTo([claim, calledEarly]))
      .when(register[0], register[1])
      .thenEmits(([registered]) =>
        expect(registered).toMatchObject({ data: { registeredOn: '2024-03-14' } }),
      );
    const state = foldCase(upTo([claim, calledEarly, register]));
    expect(applicationDate(state)).toBe('2024-02-20');
    expect(earliestKotStart(applicationDate(state)!, null)).toBe('2023-11-01');
    given(...upTo([claim]))
      .when({ type: 'RequestKot', caseId, channel: 'phone', requestedOn: '2024-03-20' }, request[1])
      .thenRefuses('invalid-input', /in the future/, 'requestedOn');
  });

  it('counts a letter from the day Toeslagen registered it, and a new application after a rejection from its own request', () => {
    const byLetter = foldCase(
      upTo([
        claim,
        [{ type: 'RequestKot', caseId, channel: 'letter', requestedOn: '2024-03-08' }, request[1]],
        register,
      ]),
    );
    expect(applicationDate(byLetter)).toBe('2024-03-14');
    given(...rejected())
      .when(
        { type: 'RequestKot', caseId, channel: 'phone', requestedOn: '2024-04-01' },
        at('2024-05-02', actors.bewindvoerder),
      )
      .thenRefuses('invalid-input', /previous step/, 'requestedOn');
  });

  it('rejects KOT with a reason code and an explanation', () => {
    given(...awaitingDecision())
      .when(reject[0], reject[1])
      .then([
        {
          type: 'KotRejected',
          schemaVersion: 1,
          data: {
            decidedOn: '2024-04-30',
            reason: 'partner-not-working',
            explanation: 'De partner werkt niet.',
          },
        },
      ]);
    given(...awaitingDecision())
      .when({ type: 'RejectKot', caseId, reason: 'because' as never, explanation: 'x' }, reject[1])
      .thenRefuses('invalid-input', undefined, 'reason');
  });

  it('refuses a decision before the application is received, and a decision in the future', () => {
    given(...submitted())
      .when(grant[0], grant[1])
      .thenRefuses('wrong-state', /No application awaits/);
    given(...awaitingDecision())
      .when(
        { type: 'GrantKot', caseId, grantedFrom: '2024-04-01', decidedOn: '2024-05-30' },
        grant[1],
      )
      .thenRefuses('invalid-input', /future/);
  });

  it('changes and stops a granted KOT', () => {
    given(...granted())
      .when(
        { type: 'ChangeKot', caseId, changedFrom: '2024-06-01', reason: 'Meer uren opvang' },
        at('2024-05-20', actors.toeslagen),
      )
      .thenEmits(([changed]) => expect(changed?.type).toBe('KotChanged'));
    given(...granted())
      .when(
        {
          type: 'StopKot',
          caseId,
          stoppedFrom: '2024-07-01',
          setToZero: true,
          reason: 'Onjuist LRK-nummer',
        },
        at('2024-06-20', actors.toeslagen),
      )
      .then([
        {
          type: 'KotStopped',
          schemaVersion: 1,
          data: {
            stoppedFrom: '2024-07-01',
            decidedOn: '2024-06-20',
            setToZero: true,
            reason: 'Onjuist LRK-nummer',
          },
        },
      ]);
  });

  it('refuses changing or stopping a KOT that does not run', () => {
    given(...rejected())
      .when(
        {
          type: 'StopKot',
          caseId,
          stoppedFrom: '2024-07-01',
          setToZero: false,
          reason: 'Test reden',
        },
        at('2024-06-20', actors.toeslagen),
      )
      .thenRefuses('wrong-state');
    given(...rejected())
      .when(
        { type: 'ChangeKot', caseId, changedFrom: '2024-07-01', reason: 'Test reden' },
        at('2024-06-20', actors.toeslagen),
      )
      .thenRefuses('wrong-state');
  });

  it('takes an objection within six weeks of the rejection and refuses one after', () => {
    given(...rejected())
      .when(
        { type: 'FileObjection', caseId, grounds: 'De partner volgt een traject naar werk.' },
        at('2024-06-10', actors.bewindvoerder),
      )
      .then([
        {
          type: 'ObjectionFiled',
          schemaVersion: 1,
          data: {
            filedOn: '2024-06-10',
            against: 'rejection',
            grounds: 'De partner volgt een traject naar werk.',
          },
        },
      ]);
    given(...rejected())
      .when(
        { type: 'FileObjection', caseId, grounds: 'De partner volgt een traject naar werk.' },
        at('2024-06-12', actors.bewindvoerder),
      )
      .thenRefuses('wrong-state', /2024-06-11/);
  });

  it('decides an objection; an upheld objection needs a start date no earlier than the application allows', () => {
    const withObjection = upTo([
      claim,
      request,
      register,
      confirm,
      sendForms,
      submit,
      receive,
      reject,
      [
        { type: 'FileObjection', caseId, grounds: 'De partner volgt een traject naar werk.' },
        at('2024-05-10', actors.bewindvoerder),
      ],
    ]);
    given(...withObjection)
      .when(
        {
          type: 'DecideObjection',
          caseId,
          upheld: true,
          grantedFrom: '2024-04-01',
          explanation: 'Traject naar werk aangetoond.',
        },
        at('2024-06-15', actors.toeslagen),
      )
      .thenEmits(([decided]) =>
        expect(decided?.data).toMatchObject({ upheld: true, grantedFrom: '2024-04-01' }),
      );
    given(...withObjection)
      .when(
        {
          type: 'DecideObjection',
          caseId,
          upheld: true,
          explanation: 'Traject naar werk aangetoond.',
        },
        at('2024-06-15', actors.toeslagen),
      )
      .thenRefuses('invalid-input', undefined, 'grantedFrom');
    given(...withObjection)
      .when(
        {
          type: 'DecideObjection',
          caseId,
          upheld: true,
          grantedFrom: '2023-11-01',
          explanation: 'Traject naar werk aangetoond.',
        },
        at('2024-06-15', actors.toeslagen),
      )
      .thenRefuses('invalid-input', /earliest start.*2024-03-11 \(2023-12-01\)/, 'grantedFrom');
    given(...rejected())
      .when(
        { type: 'DecideObjection', caseId, upheld: false, explanation: 'Geen bezwaar ingediend.' },
        at('2024-06-15', actors.toeslagen),
      )
      .thenRefuses('wrong-state', /No objection/);
    const objectionRejected = [
      ...withObjection,
      ...decideFor(
        withObjection,
        { type: 'DecideObjection', caseId, upheld: false, explanation: 'Geen traject aangetoond.' },
        at('2024-06-15', actors.toeslagen),
      ),
    ];
    given(...objectionRejected)
      .when(
        { type: 'FileObjection', caseId, grounds: 'Nogmaals: de partner volgt een traject.' },
        at('2024-06-20', actors.bewindvoerder),
      )
      .thenRefuses('wrong-state', /no decision that can still be objected to/);
  });
});

describe('applying again after a rejection or a stop', () => {
  it('lets the supporter apply again after a rejection: a new application, with the earlier decision kept', () => {
    const again = [
      ...rejected(),
      ...decideFor(rejected(), request[0], at('2024-06-20', actors.bewindvoerder)),
    ];
    expect(again.at(-1)).toMatchObject({
      type: 'KotRequested',
      data: { channel: 'phone', requestedOn: '2024-06-20' },
    });
    const state = foldCase(again);
    expect(state).toMatchObject({ status: 'requested', decision: null, application: null });
    expect(state.earlierOutcomes).toEqual([
      {
        application: {
          submittedOn: '2024-03-29',
          requestedStart: '2024-04-01',
          receivedOn: '2024-04-03',
        },
        decision: { outcome: 'rejected', decidedOn: '2024-04-30', reason: 'partner-not-working' },
        kotStop: null,
        objection: null,
      },
    ]);
    // The new application runs the whole way again, and can be objected to on its own.
    given(...again)
      .when(register[0], at('2024-06-21', actors.toeslagen))
      .then([
        { type: 'WlzRequestRegistered', schemaVersion: 1, data: { registeredOn: '2024-06-21' } },
      ]);
  });

  it('lets the supporter apply again after KOT was stopped', () => {
    const stopped = [
      ...granted(),
      ...decideFor(
        granted(),
        {
          type: 'StopKot',
          caseId,
          stoppedFrom: '2024-07-01',
          setToZero: true,
          reason: 'Opvang tijdelijk gestopt',
        },
        at('2024-06-20', actors.toeslagen),
      ),
    ];
    given(...stopped)
      .when(
        { type: 'RequestKot', caseId, channel: 'letter' },
        at('2024-09-02', actors.bewindvoerder),
      )
      .thenEmits(([requested]) => expect(requested?.type).toBe('KotRequested'));
  });

  it('refuses a new request while an objection is pending, and while KOT is granted', () => {
    const objecting = [
      ...rejected(),
      ...decideFor(
        rejected(),
        { type: 'FileObjection', caseId, grounds: 'De partner volgt een traject naar werk.' },
        at('2024-05-06', actors.bewindvoerder),
      ),
    ];
    given(...objecting)
      .when(request[0], at('2024-05-07', actors.bewindvoerder))
      .thenRefuses('wrong-state', /objection is still pending/);
    given(...granted())
      .when(request[0], at('2024-05-07', actors.bewindvoerder))
      .thenRefuses('wrong-state', /already been granted/);
  });
});

describe('SMI and the gap guard', () => {
  it('extends SMI, not to a date it already covers', () => {
    given(...referred())
      .when({ type: 'ExtendSmi', caseId, until: '2024-09-30' }, at('2024-06-01', actors.officer))
      .then([
        {
          type: 'SmiExtended',
          schemaVersion: 1,
          data: { until: '2024-09-30', decidedOn: '2024-06-01' },
        },
      ]);
    given(...referred())
      .when({ type: 'ExtendSmi', caseId, until: '2024-05-31' }, at('2024-04-01', actors.officer))
      .thenRefuses('invalid-input', /already runs until 2024-06-30/);
  });

  it('refuses ending SMI while KOT is not granted for the next day, saying why and what to do', () => {
    given(...awaitingDecision())
      .when({ type: 'EndSmi', caseId, lastDay: '2024-04-30' }, at('2024-04-15', actors.officer))
      .thenRefuses(
        'invalid-input',
        /no KOT is granted for 2024-05-01.*accept this gap explicitly/,
        'acceptGapReason',
      );
  });

  it('ends SMI with the gap accepted explicitly, recording the reason first, for the gap as it stands', () => {
    const accepted: CaseEvent[] = [
      {
        type: 'FundingGapAccepted',
        schemaVersion: 1,
        data: {
          from: '2024-05-01',
          reason: 'Gezin heeft de opvang per 1 mei opgezegd',
          acceptedOn: '2024-04-15',
        },
      },
      {
        type: 'SmiEnded',
        schemaVersion: 1,
        data: { lastDay: '2024-04-30', decidedOn: '2024-04-15' },
      },
    ];
    given(...awaitingDecision())
      .when(
        {
          type: 'EndSmi',
          caseId,
          lastDay: '2024-04-30',
          acceptGapReason: 'Gezin heeft de opvang per 1 mei opgezegd',
        },
        at('2024-04-15', actors.officer),
      )
      .then(accepted);
    // No end is known yet, but the acceptance covers only this gap: a rejection changes the
    // outlook, and the days from it on are unaccepted again until the officer accepts them anew.
    const rejectedLater = [...awaitingDecision(), ...accepted];
    const state = foldCase([
      ...rejectedLater,
      ...decideFor(rejectedLater, reject[0], at('2024-05-20', actors.toeslagen)),
    ]);
    expect(fundingCoverage(state, '2024-05-25T12:00:00Z').gaps).toEqual([
      {
        from: '2024-05-01',
        to: '2024-05-19',
        days: 19,
        accepted: true,
        acceptedReason: 'Gezin heeft de opvang per 1 mei opgezegd',
      },
      { from: '2024-05-20', to: '2024-05-25', days: 6, accepted: false, acceptedReason: null },
    ]);
  });

  it('ends SMI without asking again for a gap the officer already accepted for those days', () => {
    const gapAccepted = [
      ...awaitingDecision(),
      ...decideFor(
        awaitingDecision(),
        {
          type: 'AcceptFundingGap',
          caseId,
          from: '2024-05-01',
          reason: 'Gezin stopt in mei zelf met de opvang',
        },
        at('2024-04-10', actors.officer),
      ),
    ];
    const endSmi: CaseCommand = { type: 'EndSmi', caseId, lastDay: '2024-04-30' };
    given(...gapAccepted)
      .when(endSmi, at('2024-04-15', actors.officer))
      .then([
        {
          type: 'SmiEnded',
          schemaVersion: 1,
          data: { lastDay: '2024-04-30', decidedOn: '2024-04-15' },
        },
      ]);
    // A reason given anyway does not accept the same days twice.
    given(...gapAccepted)
      .when(
        { ...endSmi, acceptGapReason: 'Nogmaals: gezin stopt met de opvang' },
        at('2024-04-15', actors.officer),
      )
      .thenEmits((events) => expect(events.map((e) => e.type)).toEqual(['SmiEnded']));
  });

  it('asks for a reason only for the days of the gap nobody accepted yet, and accepts only those', () => {
    const partly = [
      ...awaitingDecision(),
      ...decideFor(
        awaitingDecision(),
        {
          type: 'AcceptFundingGap',
          caseId,
          from: '2024-05-01',
          to: '2024-05-10',
          reason: 'Gezin is tot 10 mei op vakantie',
        },
        at('2024-04-10', actors.officer),
      ),
    ];
    given(...partly)
      .when({ type: 'EndSmi', caseId, lastDay: '2024-04-30' }, at('2024-04-15', actors.officer))
      .thenRefuses('invalid-input', /no KOT is granted for 2024-05-11/, 'acceptGapReason');
    given(...partly)
      .when(
        {
          type: 'EndSmi',
          caseId,
          lastDay: '2024-04-30',
          acceptGapReason: 'Gezin zegt de opvang daarna op',
        },
        at('2024-04-15', actors.officer),
      )
      .thenEmits(([accepted]) =>
        expect(accepted).toMatchObject({
          type: 'FundingGapAccepted',
          data: { from: '2024-05-11', reason: 'Gezin zegt de opvang daarna op' },
        }),
      );
  });

  it('ends SMI without any gap when KOT starts the next day', () => {
    given(...granted())
      .when({ type: 'EndSmi', caseId, lastDay: '2024-03-31' }, at('2024-05-02', actors.officer))
      .then([
        {
          type: 'SmiEnded',
          schemaVersion: 1,
          data: { lastDay: '2024-03-31', decidedOn: '2024-05-02' },
        },
      ]);
  });

  it('refuses ending SMI after its current end, and a too-short gap reason', () => {
    given(...referred())
      .when({ type: 'EndSmi', caseId, lastDay: '2024-07-31' }, at('2024-05-02', actors.officer))
      .thenRefuses('invalid-input', undefined, 'lastDay');
    given(...referred())
      .when(
        { type: 'EndSmi', caseId, lastDay: '2024-05-31', acceptGapReason: 'ok' },
        at('2024-05-02', actors.officer),
      )
      .thenRefuses('invalid-input', undefined, 'acceptGapReason');
  });

  it('refuses ending an SMI that already ran out, pointing to reinstating it', () => {
    given(...referred())
      .when({ type: 'EndSmi', caseId, lastDay: '2024-06-15' }, at('2024-07-02', actors.officer))
      .thenRefuses('wrong-state', /already ran out on 2024-06-30; reinstate/);
    const endedEarly = story([
      [openReferral(), at('2024-03-04', actors.officer)],
      [
        {
          type: 'EndSmi',
          caseId,
          lastDay: '2024-05-31',
          acceptGapReason: 'Gezin zegt de opvang per juni op',
        },
        at('2024-05-20', actors.officer),
      ],
    ]);
    given(...endedEarly)
      .when({ type: 'EndSmi', caseId, lastDay: '2024-05-15' }, at('2024-06-03', actors.officer))
      .thenRefuses('wrong-state', /already ran out on 2024-05-31/);
  });

  it('lets only the officer of the municipality touch SMI', () => {
    for (const actor of [
      actors.otherOfficer,
      actors.bewindvoerder,
      actors.toeslagen,
      actors.auditor,
    ]) {
      given(...referred())
        .when({ type: 'ExtendSmi', caseId, until: '2024-09-30' }, at('2024-06-01', actor))
        .thenRefuses('forbidden');
    }
  });

  it('reinstates SMI and accepts a gap with a reason', () => {
    given(...rejected())
      .when(
        { type: 'ReinstateSmi', caseId, from: '2024-07-01', until: '2024-12-31' },
        at('2024-07-10', actors.officer),
      )
      .then([
        {
          type: 'SmiReinstated',
          schemaVersion: 1,
          data: { from: '2024-07-01', until: '2024-12-31', decidedOn: '2024-07-10' },
        },
      ]);
    given(...rejected())
      .when(
        {
          type: 'AcceptFundingGap',
          caseId,
          from: '2024-07-01',
          to: '2024-07-09',
          reason: 'Gezin koos zelf voor opvang door oma',
        },
        at('2024-07-10', actors.officer),
      )
      .thenEmits(([accepted]) => expect(accepted?.type).toBe('FundingGapAccepted'));
    given(...rejected())
      .when(
        { type: 'ReinstateSmi', caseId, from: '2024-07-01', until: '2024-06-01' },
        at('2024-07-10', actors.officer),
      )
      .thenRefuses('invalid-input', /end date is before the start/, 'until');
  });
});

describe('closing and withdrawing', () => {
  it('closes a granted case as granted, and refuses "granted" when it was not', () => {
    given(...granted())
      .when(
        { type: 'CloseCase', caseId, outcome: 'kot-granted' },
        at('2024-06-10', actors.bewindvoerder),
      )
      .thenEmits(([closed]) =>
        expect(closed).toMatchObject({ type: 'CaseClosed', data: { outcome: 'kot-granted' } }),
      );
    given(...rejected())
      .when({ type: 'CloseCase', caseId, outcome: 'kot-granted' }, at('2024-06-10', actors.officer))
      .thenRefuses('wrong-state', /once KOT is granted/);
  });

  it('refuses closing as "stays on SMI" when no SMI runs, saying what to do', () => {
    const smiEnded = [
      ...awaitingDecision(),
      ...decideFor(
        awaitingDecision(),
        {
          type: 'EndSmi',
          caseId,
          lastDay: '2024-04-30',
          acceptGapReason: 'Gezin heeft de opvang per 1 mei opgezegd',
        },
        at('2024-04-15', actors.officer),
      ),
    ];
    given(...smiEnded)
      .when(
        { type: 'CloseCase', caseId, outcome: 'stays-on-smi' },
        at('2024-05-10', actors.officer),
      )
      .thenRefuses('wrong-state', /no SMI runs on 2024-05-10.*Extend or reinstate SMI/);
    given(...awaitingDecision())
      .when(
        { type: 'CloseCase', caseId, outcome: 'stays-on-smi' },
        at('2024-05-10', actors.officer),
      )
      .thenEmits(([closed]) => expect(closed?.type).toBe('CaseClosed'));
  });

  it('lets only who may act for the family close or withdraw: not a supporter who may only signal', () => {
    const signalOnly = story([
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
        { type: 'ClaimCase', caseId, mandate: { type: 'none', validFrom: '2024-03-01' } },
        at('2024-03-06', actors.clientSupporter),
      ],
    ]);
    const withdraw: CaseCommand = { type: 'WithdrawCase', caseId, reason: 'Gezin ziet ervan af' };
    given(...signalOnly)
      .when(withdraw, at('2024-03-08', actors.clientSupporter))
      .thenRefuses('forbidden', /may only signal asks the SMI officer/);
    given(...signalOnly)
      .when(
        { type: 'CloseCase', caseId, outcome: 'family-declined' },
        at('2024-03-08', actors.clientSupporter),
      )
      .thenRefuses('forbidden');
    for (const actor of [actors.household, actors.officer]) {
      given(...signalOnly)
        .when(withdraw, at('2024-03-08', actor))
        .thenEmits(([withdrawn]) => expect(withdrawn?.type).toBe('CaseWithdrawn'));
    }
  });

  it('refuses to close a case over days without funding that nobody accepted, and says how to settle them', () => {
    given(...rejected())
      .when(
        { type: 'CloseCase', caseId, outcome: 'not-eligible' },
        at('2024-07-15', actors.officer),
      )
      .thenRefuses(
        'wrong-state',
        /neither SMI nor KOT from 2024-07-01.*Reinstate SMI or accept the gap/,
      );
  });

  it('lets the officer accept, after a withdrawal, the days without funding the case ended with', () => {
    const closedInGap = [
      ...rejected(),
      ...decideFor(
        rejected(),
        { type: 'WithdrawCase', caseId, reason: 'Gezin ziet af van verdere stappen' },
        at('2024-07-15', actors.officer),
      ),
    ];
    given(...closedInGap)
      .when(
        {
          type: 'AcceptFundingGap',
          caseId,
          from: '2024-07-01',
          reason: 'Gezin heeft de opvang per juli opgezegd',
        },
        at('2024-07-20', actors.officer),
      )
      .thenEmits(([accepted]) => expect(accepted?.type).toBe('FundingGapAccepted'));
    given(...closedInGap)
      .when({ type: 'ExtendSmi', caseId, until: '2024-12-31' }, at('2024-07-20', actors.officer))
      .thenRefuses('wrong-state', /closed/);
  });

  it('withdraws a case at the family’s request, after which nothing more can happen', () => {
    const events = [
      ...claimed(),
      {
        type: 'CaseWithdrawn',
        schemaVersion: 1,
        data: { withdrawnOn: '2024-03-08', reason: 'Gezin ziet af van aanvraag' },
      } as CaseEvent,
    ];
    given(...claimed())
      .when(
        { type: 'WithdrawCase', caseId, reason: 'Gezin ziet af van aanvraag' },
        at('2024-03-08', actors.bewindvoerder),
      )
      .thenEmits(([w]) => expect(w?.type).toBe('CaseWithdrawn'));
    given(...events)
      .when(request[0], request[1])
      .thenRefuses('wrong-state', /closed/);
  });

  it('answers "no such case" for commands on a case that does not exist', () => {
    given()
      .when({ type: 'ExtendSmi', caseId, until: '2024-09-30' }, at('2024-06-01', actors.officer))
      .thenRefuses('not-found');
    given().when(grant[0], grant[1]).thenRefuses('not-found');
  });

  it('lets no auditor change anything', () => {
    given(...granted())
      .when({ type: 'CloseCase', caseId, outcome: 'kot-granted' }, at('2024-06-10', actors.auditor))
      .thenRefuses('forbidden', /Auditors/);
  });
});

describe('refusals a caseworker can read', () => {
  it('names a wrong field in words, keeping the machine path for screens and APIs', () => {
    const command = openReferral();
    command.household.partners[1]!.bsn = '123456789';
    command.children[0]!.childcare!.careType = 'creche' as never;
    const refusal = refusalOf(() => decideFor([], command, at('2024-03-04', actors.officer)));
    expect(refusal.fields.map((f) => f.field)).toEqual([
      'household.partners[1].bsn',
      'children[0].childcare.careType',
    ]);
    expect(refusal.reason.nl).toBe(
      'Controleer de invoer. BSN van ouder 2: geen geldig BSN (9 cijfers, elfproef). Soort opvang van kind 1: kies kinderdagverblijf, buitenschoolse opvang of gastouderopvang.',
    );
    expect(refusal.reason.en).toBe(
      'Please check the input. BSN of parent 2: not a valid BSN (9 digits, 11-proof). Kind of childcare of child 1: choose day care, out-of-school care or childminder.',
    );
  });

  it('offers the choices of a mandate and a rejection reason in words, not as codes', () => {
    given(...offered())
      .when(
        {
          type: 'ClaimCase',
          caseId,
          mandate: { type: 'bewind', validFrom: '2024-01-01' } as never,
        },
        claim[1],
      )
      .thenRefuses('invalid-input', /kies beschermingsbewind \(rechtbank\), curatele/);
    given(...awaitingDecision())
      .when({ type: 'RejectKot', caseId, reason: 'because' as never, explanation: 'x' }, reject[1])
      .thenRefuses('invalid-input', /choose no permanent Wlz-indication, single parent/);
  });

  it('says in words, in both languages, which stage the case is in when a step does not fit', () => {
    given(...requested())
      .when(sendForms[0], sendForms[1])
      .thenRefuses('wrong-state', /the case is now: requested at BelastingTelefoon\)/);
    given(...requested())
      .when(sendForms[0], sendForms[1])
      .thenRefuses('wrong-state', /de zaak is nu: aangevraagd bij de BelastingTelefoon\)/);
  });
});
