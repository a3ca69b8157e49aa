// The case decider's one entry: which events a command adds to the case, or why it may not.
// Each stage's rules live in their own file (decideReferral, decideApplication, decideDecision,
// decideFunding, decideClosing); the checks they share in decisionChecks.
import { dateInAmsterdam } from '../calendar';
import { partyOf } from '../parties';
import { opensCase, type CaseCommand } from './commands';
import { grantedAndClosed, type CommandContext } from './decisionChecks';
import { decideApplication } from './decideApplication';
import { correctionToCheck, decideChanges } from './decideChanges';
import { decideClosing } from './decideClosing';
import { decideErasure } from './decideErasure';
import { decideDecision } from './decideDecision';
import { decideFunding } from './decideFunding';
import { decideLegalRoute } from './decideLegalRoute';
import { decideReferral } from './decideReferral';
import type { CaseEvent } from './events';
import { refuse } from './refusal';
import { isOpen, type CaseState } from './state';

export type { CommandContext } from './decisionChecks';

/** Given the case so far, what does this command add? Throws `CommandRefused` when it may not happen. */
export function decide(command: CaseCommand, state: CaseState, ctx: CommandContext): CaseEvent[] {
  const today = dateInAmsterdam(ctx.now);
  const actor = partyOf(ctx.actor);

  if (!opensCase(command.type)) {
    if (state.status === 'new') {
      throw refuse(
        'not-found',
        'Er is geen zaak met dit nummer.',
        'There is no case with this id.',
      );
    }
    if (!isOpen(state) && !actsOnEndedCase(command, state)) {
      throw refuse('wrong-state', 'Deze zaak is gesloten.', 'This case is closed.');
    }
  }

  switch (command.type) {
    case 'OpenReferral':
    case 'SignalFamily':
    case 'CheckEligibility':
    case 'OfferCase':
    case 'DeclineOffer':
    case 'ClaimCase':
    case 'RecordMandate':
    case 'ReleaseClaim':
      return decideReferral(command, state, ctx.actor, today);
    case 'RequestKot':
    case 'RegisterWlzRequest':
    case 'ConfirmWlzIndication':
    case 'ReportWlzIndicationNotFound':
    case 'SubmitCizDecisionCopy':
    case 'ReassessWlzIndication':
    case 'SendApplicationForms':
    case 'SubmitApplication':
    case 'RecordApplicationReceived':
      return decideApplication(command, state, today);
    case 'GrantKot':
    case 'RejectKot':
    case 'ChangeKot':
    case 'StopKot':
      return decideDecision(command, state, today);
    case 'FileObjection':
    case 'DecideObjection':
    case 'FileAppeal':
    case 'RecordCourtRuling':
    case 'ConfirmDecisionReceived':
      return decideLegalRoute(command, state, actor, today);
    case 'ExtendSmi':
    case 'EndSmi':
    case 'ReinstateSmi':
    case 'AcceptFundingGap':
      return decideFunding(command, state, today);
    case 'CloseCase':
    case 'WithdrawCase':
      return decideClosing(command, state, today);
    case 'ErasePersonalData':
      return decideErasure(command, state, actor, today);
    case 'RecordHouseholdChange':
    case 'PassChangeToToeslagen':
    case 'RecordChangeProcessed':
    case 'CorrectIndicatedPartner':
    case 'SettleKot':
      return decideChanges(command, state, today);
  }
}

/**
 * What may still happen once a case is closed or withdrawn: Toeslagen changing or stopping a
 * granted KOT (a stop reopens the case), CIZ re-assessing the indication it rests on, and the
 * officer securing the days without funding a case ended with or met later (reinstating SMI or
 * accepting the gap; until then they stay visible and owned). A family whose KOT ran keeps
 * changes to record and pass on, and Toeslagen settles each year it paid for. Erasing the family's personal data
 * may happen at any time: the retention rule erases exactly the ended cases.
 */
const actsOnEndedCase = (command: CaseCommand, state: CaseState): boolean =>
  ((command.type === 'StopKot' ||
    command.type === 'ChangeKot' ||
    command.type === 'ReassessWlzIndication') &&
    grantedAndClosed(state)) ||
  ((command.type === 'RecordHouseholdChange' ||
    command.type === 'CorrectIndicatedPartner' ||
    (command.type === 'ConfirmWlzIndication' && correctionToCheck(state) !== null)) &&
    grantedAndClosed(state)) ||
  ((command.type === 'PassChangeToToeslagen' ||
    command.type === 'RecordChangeProcessed' ||
    command.type === 'SettleKot') &&
    state.kot.length > 0) ||
  command.type === 'ErasePersonalData' ||
  command.type === 'AcceptFundingGap' ||
  command.type === 'ReinstateSmi';
