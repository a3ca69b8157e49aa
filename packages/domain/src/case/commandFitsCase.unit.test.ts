import {
  actors,
  at,
  caseId,
  journey,
  journeyStages,
  openReferral,
  story,
  type Step,
} from '../testing';
import { addDays, dateInAmsterdam } from '../calendar';
import { availableCommands, commandFitsCase } from './commandFitsCase';
import { caseCommandTypes, type CaseCommand, type CaseCommandType } from './commands';
import { decide, type CommandContext } from './decide';
import { CommandRefused } from './refusal';
import { foldCase } from './state';

const s: Record<string, Step> = journey;
const journeys: string[][] = journeyStages();

/** One well-formed command of every type, dated so that only the case's stage can refuse it. */
const sample: Record<CaseCommandType, CaseCommand> = {
  OpenReferral: openReferral(),
  SignalFamily: {
    type: 'SignalFamily',
    caseId,
    municipality: 'GM0344',
    household: openReferral().household,
    children: openReferral().children,
  },
  CheckEligibility: { type: 'CheckEligibility', caseId },
  OfferCase: {
    type: 'OfferCase',
    caseId,
    to: { organisation: 'org-mee-vallei', role: 'client-supporter' },
  },
  DeclineOffer: { type: 'DeclineOffer', caseId, reason: 'Geen capaciteit' },
  ClaimCase: {
    type: 'ClaimCase',
    caseId,
    mandate: {
      type: 'court-bewind',
      partnerIds: ['p1', 'p2'],
      reference: 'C/16/100001 / BW RK 22-1',
      validFrom: '2022-01-01',
    },
  },
  RecordMandate: {
    type: 'RecordMandate',
    caseId,
    mandate: { type: 'written-volmacht', partnerIds: ['p1', 'p2'], validFrom: '2024-01-01' },
  },
  ReleaseClaim: { type: 'ReleaseClaim', caseId, reason: 'Overgedragen' },
  RequestKot: { type: 'RequestKot', caseId, channel: 'letter' },
  RegisterWlzRequest: { type: 'RegisterWlzRequest', caseId },
  ConfirmWlzIndication: {
    type: 'ConfirmWlzIndication',
    caseId,
    partnerId: 'p1',
    kind: 'permanent',
    validFrom: '2019-06-01',
  },
  ReportWlzIndicationNotFound: {
    type: 'ReportWlzIndicationNotFound',
    caseId,
    partnerId: 'p1',
    reason: 'Niet gevonden',
  },
  SubmitCizDecisionCopy: {
    type: 'SubmitCizDecisionCopy',
    caseId,
    partnerId: 'p1',
    kind: 'permanent',
    validFrom: '2019-06-01',
  },
  ReassessWlzIndication: {
    type: 'ReassessWlzIndication',
    caseId,
    partnerId: 'p1',
    outcome: 'extended',
    kind: 'permanent',
  },
  SendApplicationForms: { type: 'SendApplicationForms', caseId },
  SubmitApplication: {
    type: 'SubmitApplication',
    caseId,
    requestedStart: '2024-04-01',
    signedByBothPartners: true,
  },
  RecordApplicationReceived: { type: 'RecordApplicationReceived', caseId },
  GrantKot: { type: 'GrantKot', caseId, grantedFrom: '2024-04-01' },
  RejectKot: { type: 'RejectKot', caseId, reason: 'other', explanation: 'Andere reden' },
  ChangeKot: { type: 'ChangeKot', caseId, changedFrom: '2024-09-01', reason: 'Meer uren' },
  StopKot: {
    type: 'StopKot',
    caseId,
    stoppedFrom: '2024-09-01',
    setToZero: false,
    reason: 'Opvang gestopt',
  },
  FileObjection: { type: 'FileObjection', caseId, grounds: 'Wel recht, zie bijlage.' },
  DecideObjection: { type: 'DecideObjection', caseId, upheld: false, explanation: 'Ongegrond' },
  FileAppeal: { type: 'FileAppeal', caseId, grounds: 'De beslissing op bezwaar klopt niet.' },
  RecordCourtRuling: {
    type: 'RecordCourtRuling',
    caseId,
    outcome: 'dismissed',
    explanation: 'Ongegrond',
  },
  ConfirmDecisionReceived: { type: 'ConfirmDecisionReceived', caseId, channel: 'berichtenbox' },
  ExtendSmi: { type: 'ExtendSmi', caseId, until: '2026-12-31' },
  EndSmi: {
    type: 'EndSmi',
    caseId,
    lastDay: '2024-03-31',
    acceptGapReason: 'Gezin stopt met de opvang',
  },
  ReinstateSmi: { type: 'ReinstateSmi', caseId, from: '2024-07-01', until: '2024-12-31' },
  AcceptFundingGap: {
    type: 'AcceptFundingGap',
    caseId,
    from: '2024-07-01',
    reason: 'Gezin koos zelf hiervoor',
  },
  CloseCase: { type: 'CloseCase', caseId, outcome: 'no-longer-needed' },
  WithdrawCase: { type: 'WithdrawCase', caseId, reason: 'Gezin ziet ervan af' },
  ErasePersonalData: {
    type: 'ErasePersonalData',
    caseId,
    ground: 'request-of-data-subject',
    reference: 'AVG-2024-017',
  },
  RecordHouseholdChange: {
    type: 'RecordHouseholdChange',
    caseId,
    changeKind: 'partner-work',
    partnerId: 'p2',
    workStatus: 'none',
    effectiveFrom: '2024-05-01',
  },
  PassChangeToToeslagen: { type: 'PassChangeToToeslagen', caseId, changeId: 'change-1' },
  RecordChangeProcessed: { type: 'RecordChangeProcessed', caseId, changeId: 'change-1' },
  CorrectIndicatedPartner: {
    type: 'CorrectIndicatedPartner',
    caseId,
    partnerId: 'p2',
    reason: 'De indicatie staat op naam van de andere partner',
  },
  SettleKot: { type: 'SettleKot', caseId, year: 2024, outcome: 'reclaim', amountCents: 12_000 },
};

const refusalKind = (
  command: CaseCommand,
  ctx: CommandContext,
  state: ReturnType<typeof foldCase>,
) => {
  try {
    decide(command, state, ctx);
    return null;
  } catch (error) {
    if (error instanceof CommandRefused) return error.kind;
    throw error;
  }
};

describe('which commands fit a case', () => {
  it.each(journeys.map((names) => [names.join(' → ') || 'nothing yet', names] as const))(
    'agrees with decide after %s: a fitting command is never refused for the stage, another always is',
    (_last, names) => {
      const steps = names.map((name) => s[name]!);
      const state = foldCase(story(steps));
      const lastDate = steps.at(-1)?.[1].now.slice(0, 10) ?? '2024-03-04';
      const ctx = at(addDays(lastDate, 1), actors.officer);
      const disagreements = caseCommandTypes.filter((type) => {
        const kind = refusalKind(sample[type], ctx, state);
        const refusedForStage = kind === 'wrong-state' || kind === 'not-found';
        return commandFitsCase(type, state, dateInAmsterdam(ctx.now)) === refusedForStage;
      });
      expect({ status: state.status, disagreements }).toEqual({
        status: state.status,
        disagreements: [],
      });
    },
  );

  it('offers a user only what they may do and what fits: the officer of an open referral', () => {
    const state = foldCase(story([s.open!]));
    expect(
      availableCommands(actors.officer, state, '2024-03-05T10:00:00Z', caseCommandTypes),
    ).toEqual([
      'CheckEligibility',
      'OfferCase',
      'ExtendSmi',
      'EndSmi',
      'ReinstateSmi',
      'AcceptFundingGap',
      'CloseCase',
      'WithdrawCase',
      'RecordHouseholdChange',
      'CorrectIndicatedPartner',
    ]);
    expect(
      availableCommands(actors.auditor, state, '2024-03-05T10:00:00Z', caseCommandTypes),
    ).toEqual([]);
    expect(
      availableCommands(actors.toeslagen, state, '2024-03-05T10:00:00Z', caseCommandTypes),
    ).toEqual([]);
  });

  it('no longer offers ending an SMI that ran out; reinstating it stays', () => {
    const state = foldCase(story([s.open!]));
    const officerOn = (date: string) =>
      availableCommands(actors.officer, state, `${date}T10:00:00Z`, ['EndSmi', 'ReinstateSmi']);
    expect(officerOn('2024-06-30')).toEqual(['EndSmi', 'ReinstateSmi']);
    expect(officerOn('2024-07-01')).toEqual(['ReinstateSmi']);
  });
});
