// The whole journey of one synthetic family as named steps, for tests that need a case at a
// given stage: story(['open', 'offer', 'claim'].map((name) => journey[name])).
import type { CaseCommand } from '../case/commands';
import type { CommandContext } from '../case/decide';
import { evolve, type CaseState } from '../case/state';
import { actors, at, caseId, openReferral } from './fixtures';

export type Step = [CaseCommand, CommandContext];

export const journey = {
  open: [openReferral(), at('2024-03-04', actors.officer)] as Step,
  offer: [
    {
      type: 'OfferCase',
      caseId,
      to: { organisation: 'org-bewind-horizon', role: 'bewindvoerder' },
    },
    at('2024-03-05', actors.officer),
  ] as Step,
  claim: [
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
  ] as Step,
  request: [
    { type: 'RequestKot', caseId, channel: 'phone' },
    at('2024-03-11', actors.bewindvoerder),
  ] as Step,
  register: [{ type: 'RegisterWlzRequest', caseId }, at('2024-03-14', actors.toeslagen)] as Step,
  notFound: [
    {
      type: 'ReportWlzIndicationNotFound',
      caseId,
      partnerId: 'p1',
      reason: 'Niet gevonden op BSN',
    },
    at('2024-03-14', actors.toeslagen),
  ] as Step,
  confirm: [
    {
      type: 'ConfirmWlzIndication',
      caseId,
      partnerId: 'p1',
      kind: 'permanent',
      validFrom: '2019-06-01',
    },
    at('2024-03-15', actors.toeslagen),
  ] as Step,
  forms: [{ type: 'SendApplicationForms', caseId }, at('2024-03-18', actors.toeslagen)] as Step,
  submit: [
    { type: 'SubmitApplication', caseId, requestedStart: '2024-04-01', signedByBothPartners: true },
    at('2024-03-29', actors.bewindvoerder),
  ] as Step,
  receive: [
    { type: 'RecordApplicationReceived', caseId },
    at('2024-04-03', actors.toeslagen),
  ] as Step,
  grant: [
    { type: 'GrantKot', caseId, grantedFrom: '2024-04-01' },
    at('2024-04-30', actors.toeslagen),
  ] as Step,
  reject: [
    {
      type: 'RejectKot',
      caseId,
      reason: 'no-permanent-indication',
      explanation: 'Geen permanente indicatie',
    },
    at('2024-04-30', actors.toeslagen),
  ] as Step,
  /** A new application after the rejection. */
  reapply: [
    { type: 'RequestKot', caseId, channel: 'letter' },
    at('2024-05-20', actors.bewindvoerder),
  ] as Step,
  object: [
    { type: 'FileObjection', caseId, grounds: 'Indicatie is wel permanent, zie besluit.' },
    at('2024-05-06', actors.bewindvoerder),
  ] as Step,
  stop: [
    {
      type: 'StopKot',
      caseId,
      stoppedFrom: '2024-07-01',
      setToZero: true,
      reason: 'Uren klopten niet',
    },
    at('2024-06-20', actors.toeslagen),
  ] as Step,
  close: [
    { type: 'CloseCase', caseId, outcome: 'kot-granted' },
    at('2024-06-10', actors.bewindvoerder),
  ] as Step,
  /** The bewindvoerder confirms the decision letter reached them and the family. */
  letterReceived: [
    { type: 'ConfirmDecisionReceived', caseId, channel: 'berichtenbox' },
    at('2024-05-01', actors.bewindvoerder),
  ] as Step,
  dismissObjection: [
    { type: 'DecideObjection', caseId, upheld: false, explanation: 'Het bezwaar is ongegrond.' },
    at('2024-06-03', actors.toeslagen),
  ] as Step,
  appeal: [
    { type: 'FileAppeal', caseId, grounds: 'De indicatie is wel permanent, zie het besluit.' },
    at('2024-06-10', actors.bewindvoerder),
  ] as Step,
  withdraw: [
    { type: 'WithdrawCase', caseId, reason: 'Gezin ziet ervan af' },
    at('2024-03-08', actors.officer),
  ] as Step,
  endSmi: [
    { type: 'EndSmi', caseId, lastDay: '2024-03-31' },
    at('2024-05-02', actors.officer),
  ] as Step,
};

export type JourneyStep = keyof typeof journey;

/** The application as far as Toeslagen's decision: the common start of most stories. */
export const untilDecision = [
  'open',
  'offer',
  'claim',
  'request',
  'register',
  'confirm',
  'forms',
  'submit',
  'receive',
] as const satisfies readonly JourneyStep[];

/**
 * Paths through the process: granted and stopped, not found at CIZ, rejected then objected or
 * reapplied, withdrawn early and after a claim. Every prefix of one is a case at some stage.
 */
const journeyPaths: ReadonlyArray<readonly JourneyStep[]> = [
  [...untilDecision, 'grant', 'endSmi', 'close', 'stop'],
  ['open', 'offer', 'claim', 'request', 'register', 'notFound'],
  [...untilDecision, 'reject', 'object'],
  [...untilDecision, 'reject', 'reapply'],
  ['open', 'offer', 'claim', 'withdraw'],
  ['open', 'withdraw'],
];

/** Every stage the paths pass through, each once, starting with the case before its referral. */
export function journeyStages(): JourneyStep[][] {
  const seen = new Map<string, JourneyStep[]>([['', []]]);
  for (const path of journeyPaths) {
    path.forEach((_step, index) => {
      const stage = path.slice(0, index + 1);
      seen.set(stage.join(' '), stage);
    });
  }
  return [...seen.values()];
}

/**
 * The case as it stands once whoever holds it confirmed the latest decision letter reached them
 * and the family: for tests about the step after it.
 */
export function withLetterConfirmed(state: CaseState): CaseState {
  const letter = state.decisionLetter;
  if (!letter || !state.claim) return state;
  return evolve(state, {
    type: 'DecisionReceiptConfirmed',
    schemaVersion: 1,
    data: {
      decidedOn: letter.decidedOn,
      channel: 'berichtenbox',
      receivedOn: letter.decidedOn,
      by: state.claim.by,
    },
  });
}
