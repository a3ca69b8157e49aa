import { actors, at, caseId, openReferral, story } from '../testing';
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
      { type: 'ClaimCase', caseId, mandate: { type: 'court-bewind', validFrom: '2022-01-01' } },
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
    'CheckEligibility',
    'OfferCase',
    'ExtendSmi',
    'EndSmi',
    'ReinstateSmi',
    'AcceptFundingGap',
    'CloseCase',
    'WithdrawCase',
  ],
  bewindvoerder: [
    'CheckEligibility',
    'DeclineOffer',
    'ClaimCase',
    'RecordMandate',
    'ReleaseClaim',
    'RequestKot',
    'SubmitCizDecisionCopy',
    'SubmitApplication',
    'FileObjection',
    'CloseCase',
    'WithdrawCase',
  ],
  toeslagen: [
    'RegisterWlzRequest',
    'SendApplicationForms',
    'RecordApplicationReceived',
    'GrantKot',
    'RejectKot',
    'ChangeKot',
    'StopKot',
    'DecideObjection',
  ],
  ciz: ['ConfirmWlzIndication', 'ReportWlzIndicationNotFound'],
  auditor: [],
  otherOfficer: [],
  rivalBewindvoerder: [],
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
    ['CIZ once asked', actors.ciz, 'personal'],
    ['an auditor', actors.auditor, 'personal'],
    ['the household itself', actors.household, 'personal'],
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
