// The actions on a case page in three groups: the next step's own commands (the first one is the
// obvious button), the other actions the user may take (behind "Andere acties"), and ending the
// case, set apart so nobody closes or withdraws a case by a slip.
import type { CaseCommandType, CaseState, IsoDate, StepAction } from '@kot/domain';

/** The commands that do a step, the usual one first. */
export const commandsOfStep: Record<StepAction, readonly CaseCommandType[]> = {
  'offer-to-supporter': ['OfferCase'],
  'claim-or-decline-offer': ['ClaimCase', 'DeclineOffer'],
  'get-case-claimed': [],
  'arrange-mandate': ['RecordMandate'],
  'request-kot': ['RequestKot'],
  'register-wlz-request': ['RegisterWlzRequest'],
  'confirm-indication': ['ConfirmWlzIndication', 'ReportWlzIndicationNotFound'],
  'send-ciz-decision': ['SubmitCizDecisionCopy'],
  'send-forms': ['SendApplicationForms'],
  'return-forms': ['SubmitApplication'],
  'register-receipt': ['RecordApplicationReceived'],
  'decide-application': ['GrantKot', 'RejectKot'],
  'align-smi': ['EndSmi'],
  aftercare: ['CloseCase'],
  'continue-smi': ['ExtendSmi', 'ReinstateSmi', 'AcceptFundingGap'],
  'decide-objection': ['DecideObjection'],
  'secure-funding': ['ReinstateSmi', 'ExtendSmi', 'AcceptFundingGap'],
  'reapply-or-object': ['FileObjection', 'RequestKot', 'CloseCase'],
  // A clear "no": go on anyway with a recorded reason, or stay on SMI (close the case).
  'decide-with-family': ['RequestKot', 'OfferCase', 'CloseCase'],
  'reassess-indication': ['ReassessWlzIndication'],
  'confirm-decision-received': ['ConfirmDecisionReceived'],
  'appeal-or-reapply': ['FileAppeal', 'RequestKot', 'CloseCase'],
  'record-court-ruling': ['RecordCourtRuling'],
  'pass-change-to-toeslagen': ['PassChangeToToeslagen'],
  'process-change': ['RecordChangeProcessed', 'ChangeKot', 'StopKot'],
  // CIZ checks a corrected partner by confirming (or not finding) the indication.
  'check-correction': ['ConfirmWlzIndication', 'ReportWlzIndicationNotFound'],
  'settle-kot': ['SettleKot'],
};

/** Ending the case: never the first thing under the thumb. */
const endingTheCase: readonly CaseCommandType[] = ['CloseCase', 'WithdrawCase'];

export interface ActionGroups {
  step: CaseCommandType[];
  other: CaseCommandType[];
  apart: CaseCommandType[];
}

/**
 * Reinstating SMI from a day it still runs changes nothing: while it runs, extending is the way.
 * (`commandFitsCase` keeps reinstating for days already past, which the domain allows.)
 */
function pointless(type: CaseCommandType, state: CaseState, today: IsoDate): boolean {
  const smiEnd = state.smi.at(-1)?.to;
  return type === 'ReinstateSmi' && smiEnd !== undefined && smiEnd >= today;
}

export function groupActions(
  available: readonly CaseCommandType[],
  atTurn: readonly StepAction[],
  state: CaseState,
  today: IsoDate,
): ActionGroups {
  const usable = available.filter((type) => !pointless(type, state, today));
  const step: CaseCommandType[] = [];
  for (const action of atTurn) {
    for (const type of commandsOfStep[action]) {
      if (usable.includes(type) && !step.includes(type)) step.push(type);
    }
  }
  const rest = usable.filter((type) => !step.includes(type));
  return {
    step,
    other: rest.filter((type) => !endingTheCase.includes(type)),
    apart: rest.filter((type) => endingTheCase.includes(type)),
  };
}
