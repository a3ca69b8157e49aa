import { actors, at, caseId, journey, openReferral, story, type Step } from '../testing';
import type { Actor } from '../parties';
import { caseAccessOf, may, mayView } from './authorization';
import { caseCommandTypes, type CaseCommand, type CaseCommandType } from './commands';
import { foldCase } from './state';

// A claimed case on which Toeslagen and CIZ are involved: the richest state for the matrix.
const state = foldCase(
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
    [
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
    ],
    [{ type: 'RequestKot', caseId, channel: 'phone' }, at('2024-03-11', actors.bewindvoerder)],
    [{ type: 'RegisterWlzRequest', caseId }, at('2024-03-14', actors.toeslagen)],
  ]),
);
const command = (type: CaseCommandType) =>
  ({ type, caseId, municipality: 'GM0344' }) as unknown as CaseCommand;
const allows = (actor: Actor, type: CaseCommandType) =>
  may(actor, command(type), state, '2024-03-15T10:00:00Z').allowed;

const byRole: Record<string, CaseCommandType[]> = {
  officer: [
    'OpenReferral',
    'SignalFamily',
    'CheckEligibility',
    'OfferCase',
    'ExtendSmi',
    'EndSmi',
    'ReinstateSmi',
    'AcceptFundingGap',
    'CloseCase',
    'WithdrawCase',
    'ReleaseClaim',
    'RecordHouseholdChange',
    'CorrectIndicatedPartner',
  ],
  teamLead: ['SignalFamily', 'CheckEligibility', 'ReleaseClaim'],
  bewindvoerder: [
    'SignalFamily',
    'CheckEligibility',
    'DeclineOffer',
    'ClaimCase',
    'RecordMandate',
    'ReleaseClaim',
    'RequestKot',
    'SubmitCizDecisionCopy',
    'SubmitApplication',
    'FileObjection',
    'FileAppeal',
    'ConfirmDecisionReceived',
    'CloseCase',
    'WithdrawCase',
    'RecordHouseholdChange',
    'PassChangeToToeslagen',
    'CorrectIndicatedPartner',
  ],
  toeslagen: [
    'SignalFamily',
    'CheckEligibility',
    'RegisterWlzRequest',
    'ConfirmWlzIndication',
    'ReportWlzIndicationNotFound',
    'SendApplicationForms',
    'RecordApplicationReceived',
    'GrantKot',
    'RejectKot',
    'ChangeKot',
    'StopKot',
    'DecideObjection',
    'RecordCourtRuling',
    'RecordChangeProcessed',
    'SettleKot',
  ],
  // Toeslagen checks the indication in its own view of CIZ's data: CIZ has no step here.
  ciz: ['SignalFamily'],
  auditor: [],
  privacyOfficer: ['ErasePersonalData'],
  // The platform erases only when the retention period ended; these probes name no ground.
  platformRetention: [],
  // Any professional may signal a family to any municipality; nothing more on a case they cannot see.
  otherOfficer: ['SignalFamily'],
  rivalBewindvoerder: ['SignalFamily'],
};

describe('authorization matrix: who may send which command', () => {
  for (const [name, allowed] of Object.entries(byRole)) {
    it(`${name} may send exactly ${allowed.length ? allowed.join(', ') : 'nothing'}`, () => {
      const actor = actors[name as keyof typeof actors];
      const permitted = caseCommandTypes.filter((type) => allows(actor, type));
      expect(permitted).toEqual(caseCommandTypes.filter((type) => allowed.includes(type)));
    });
  }

  it('gives every refusal a reason in Dutch and English', () => {
    const refusal = may(actors.auditor, command('GrantKot'), state, '2024-03-15T10:00:00Z');
    expect(refusal).toMatchObject({
      allowed: false,
      reason: { nl: expect.any(String), en: expect.any(String) },
    });
  });

  it('stops a supporter from applying once the mandate has expired', () => {
    const expiring = foldCase(
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
        [
          {
            type: 'ClaimCase',
            caseId,
            mandate: {
              type: 'written-volmacht',
              partnerIds: ['p1', 'p2'],
              validFrom: '2024-01-01',
              validUntil: '2024-03-31',
            },
          },
          at('2024-03-07', actors.bewindvoerder),
        ],
      ]),
    );
    expect(
      may(actors.bewindvoerder, command('RequestKot'), expiring, '2024-03-30T10:00:00Z').allowed,
    ).toBe(true);
    expect(
      may(actors.bewindvoerder, command('RequestKot'), expiring, '2024-04-01T10:00:00Z').allowed,
    ).toBe(false);
  });
});

describe('view rules: who sees a case, and whether with personal data', () => {
  const access = caseAccessOf(state);
  it.each([
    ['the referring municipality', actors.officer, 'personal'],
    ['another municipality', actors.otherOfficer, 'none'],
    ['the claiming office', actors.bewindColleague, 'personal'],
    ['another office', actors.rivalBewindvoerder, 'none'],
    ['Toeslagen once involved', actors.toeslagen, 'personal'],
    ['CIZ, which has no step while Toeslagen checks the indication', actors.ciz, 'none'],
    ['an auditor', actors.auditor, 'personal'],
    ['the household itself', actors.household, 'personal'],
    [
      'the municipality’s privacy officer, who erases without reading',
      actors.privacyOfficer,
      'summary',
    ],
    ['the platform’s retention rule', actors.platformRetention, 'none'],
  ] as const)('%s: %s', (_name, actor, level) => {
    expect(mayView(actor, access)).toBe(level);
  });

  it('shows an offered, not yet claiming supporter only a summary, and Toeslagen and CIZ nothing before they are involved', () => {
    const offered = caseAccessOf(
      foldCase(
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
        ]),
      ),
    );
    expect(mayView(actors.bewindvoerder, offered)).toBe('summary');
    expect(mayView(actors.toeslagen, offered)).toBe('none');
    expect(mayView(actors.ciz, offered)).toBe('none');
  });
});

describe('Toeslagen and CIZ act only on cases that reached them', () => {
  const s: Record<string, Step> = journey;
  const on = '2024-03-15T10:00:00Z';
  const stages = [
    ['open'],
    ['open', 'offer'],
    ['open', 'offer', 'claim'],
    ['open', 'offer', 'claim', 'request'],
    ['open', 'offer', 'claim', 'request', 'register'],
    ['open', 'offer', 'claim', 'request', 'register', 'confirm', 'forms', 'submit', 'receive'],
  ];
  const deskCommands: Array<[Actor, CaseCommandType[]]> = [
    [actors.toeslagen, ['SendApplicationForms', 'RecordApplicationReceived', 'GrantKot']],
    [actors.toeslagen, ['ConfirmWlzIndication', 'ReportWlzIndicationNotFound']],
    [actors.ciz, ['ReassessWlzIndication']],
  ];

  it.each(stages.map((names) => [names.at(-1)!, names] as const))(
    'after %s: may() allows them a command only on a case mayView shows them',
    (_last, names) => {
      const reached = foldCase(story(names.map((name) => s[name]!)));
      for (const [actor, types] of deskCommands) {
        const sees = mayView(actor, caseAccessOf(reached)) !== 'none';
        for (const type of types) {
          expect({
            actor: actor.role,
            type,
            allowed: may(actor, command(type), reached, '2024-05-01T10:00:00Z').allowed,
          }).toEqual({ actor: actor.role, type, allowed: sees });
        }
      }
    },
  );

  it('tells from the stage alone that a case reached Toeslagen, as in a state rebuilt from a case view', () => {
    const rebuilt = { ...state, wlzRequestRegisteredOn: null, request: null };
    expect(rebuilt.status).toBe('indication-check');
    expect(may(actors.toeslagen, command('ConfirmWlzIndication'), rebuilt, on).allowed).toBe(true);
  });

  it('gives CIZ a part, and a view, only once a temporary indication is on record: its re-assessment', () => {
    const temporary = foldCase(
      story([
        ...(['open', 'offer', 'claim', 'request', 'register'] as const).map((name) => s[name]!),
        [
          {
            type: 'ConfirmWlzIndication',
            caseId,
            partnerId: 'p1',
            kind: 'temporary',
            validFrom: '2023-06-01',
            validTo: '2025-05-31',
          },
          at('2024-03-15', actors.toeslagen),
        ],
      ]),
    );
    expect(mayView(actors.ciz, caseAccessOf(temporary))).toBe('personal');
    expect(may(actors.ciz, command('ReassessWlzIndication'), temporary, on).allowed).toBe(true);
    expect(may(actors.ciz, command('ConfirmWlzIndication'), temporary, on).allowed).toBe(false);
    expect(mayView(actors.ciz, caseAccessOf(state))).toBe('none');
  });

  it('lets Toeslagen register a call on a claimed case only when the claimant may apply for the family', () => {
    const claimedBy = (actor: Actor, mandateType: 'none' | 'court-bewind') =>
      foldCase(
        story([
          [openReferral(), at('2024-03-04', actors.officer)],
          [
            {
              type: 'OfferCase',
              caseId,
              to: { organisation: actor.organisation, role: actor.role },
            },
            at('2024-03-05', actors.officer),
          ],
          [
            {
              type: 'ClaimCase',
              caseId,
              mandate:
                mandateType === 'court-bewind'
                  ? {
                      type: mandateType,
                      partnerIds: ['p1', 'p2'],
                      reference: 'C/16/100001 / BW RK 22-1',
                      validFrom: '2022-01-01',
                    }
                  : { type: mandateType, validFrom: '2022-01-01' },
            },
            at('2024-03-06', actor),
          ],
        ]),
      );
    const register = (state: ReturnType<typeof foldCase>) =>
      may(actors.toeslagen, command('RegisterWlzRequest'), state, '2024-03-07T10:00:00Z');
    expect(register(claimedBy(actors.bewindvoerder, 'court-bewind')).allowed).toBe(true);
    expect(register(claimedBy(actors.clientSupporter, 'none'))).toMatchObject({
      allowed: false,
      reason: { nl: expect.stringMatching(/alleen signaleren/) },
    });
  });
});

describe('closing, withdrawing and releasing', () => {
  const signalOnly = foldCase(
    story([
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
    ]),
  );
  const on = '2024-03-08T10:00:00Z';

  it.each([
    ['the supporter who may only signal', actors.clientSupporter, false],
    ['the household itself', actors.household, true],
    ['the referring municipality', actors.officer, true],
    ['another municipality', actors.otherOfficer, false],
    ['the SMI team lead', actors.teamLead, false],
  ] as const)('lets %s close or withdraw the case: %s', (_name, actor, allowed) => {
    for (const type of ['CloseCase', 'WithdrawCase'] as const) {
      expect(may(actor, command(type), signalOnly, on).allowed).toBe(allowed);
    }
  });

  it('lets the supporter who may only signal still give the case back', () => {
    expect(may(actors.clientSupporter, command('ReleaseClaim'), signalOnly, on).allowed).toBe(true);
  });
});
