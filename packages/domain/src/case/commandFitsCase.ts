// Which commands fit where a case is now, so a screen offers only steps that can happen. `decide`
// stays the authority (dates and details); a test keeps the two in agreement.
import { dateInAmsterdam, type Instant, type IsoDate } from '../calendar';
import type { Actor } from '../parties';
import { may } from './authorization';
import type { CaseCommand, CaseCommandType } from './commands';
import { indicationStatuses } from './decideApplication';
import { appealableDecision, objectableDecision } from './decideLegalRoute';
import { grantedAndClosed } from './decisionChecks';
import { correctionToCheck, yearsToSettle } from './decideChanges';
import { changesToPass } from './householdChanges';
import { isOpen, runningKot, type CaseState } from './state';

export function commandFitsCase(type: CaseCommandType, state: CaseState, today: IsoDate): boolean {
  const open = isOpen(state);
  switch (type) {
    case 'OpenReferral':
    case 'SignalFamily':
      return state.status === 'new';
    case 'CheckEligibility':
    case 'WithdrawCase':
      return open;
    case 'ErasePersonalData':
      return state.status !== 'new' && state.erasedOn === null;
    case 'ReinstateSmi':
      // Also after the case ended, for days without funding the municipality must still secure.
      return state.status !== 'new' && state.smi.length > 0;
    case 'ReassessWlzIndication':
      return (
        (open || grantedAndClosed(state)) &&
        state.indication?.kind === 'temporary' &&
        state.indication.validTo !== undefined &&
        state.indication.endsAfterReassessment === undefined
      );
    case 'CloseCase':
      return open;
    case 'OfferCase':
      return open && state.claim === null;
    case 'DeclineOffer':
      return open && state.claim === null && state.offer !== null;
    case 'ClaimCase':
      return open && state.claim === null;
    case 'RecordMandate':
    case 'ReleaseClaim':
      return open && state.claim !== null;
    case 'RequestKot':
      // Also a new application after a rejection or a stop.
      return (
        state.status === 'claimed' || state.status === 'rejected' || state.status === 'kot-stopped'
      );
    case 'RegisterWlzRequest':
      return state.status === 'claimed' || state.status === 'requested';
    case 'ConfirmWlzIndication':
      return (
        (indicationStatuses as readonly string[]).includes(state.status) ||
        ((open || grantedAndClosed(state)) && correctionToCheck(state) !== null)
      );
    case 'ReportWlzIndicationNotFound':
      return state.status === 'indication-check';
    case 'SubmitCizDecisionCopy':
      return state.status === 'indication-missing';
    case 'SendApplicationForms':
      return state.status === 'forms-pending';
    case 'SubmitApplication':
      return state.status === 'forms-sent';
    case 'RecordApplicationReceived':
      return state.status === 'application-submitted';
    case 'GrantKot':
    case 'RejectKot':
      return state.status === 'awaiting-decision';
    case 'ChangeKot':
    case 'StopKot':
      return runningKot(state) && (state.status === 'granted' || grantedAndClosed(state));
    case 'FileObjection':
      // Also against a grant, and after the period with a reason (Awb 6:11).
      return objectableDecision(state) !== null;
    case 'DecideObjection':
      return state.status === 'objection';
    case 'FileAppeal':
      return appealableDecision(state) !== null;
    case 'RecordCourtRuling':
      return state.status === 'appeal';
    case 'ConfirmDecisionReceived':
      return open && state.decisionLetter !== null;
    case 'ExtendSmi':
      return open && state.smi.length > 0;
    case 'EndSmi':
      // Only an SMI that still runs can be ended; one that ran out can be reinstated.
      return open && (state.smi.at(-1)?.to ?? '') >= today;
    case 'RecordHouseholdChange':
    case 'CorrectIndicatedPartner':
      return open || grantedAndClosed(state);
    case 'PassChangeToToeslagen':
      return (open || state.kot.length > 0) && changesToPass(state).length > 0;
    case 'RecordChangeProcessed':
      return (
        (open || state.kot.length > 0) &&
        state.householdChanges.some(
          (change) => change.passedOn !== undefined && change.processedOn === undefined,
        )
      );
    case 'SettleKot':
      return yearsToSettle(state, today).length > 0;
    case 'AcceptFundingGap':
      // Also ahead of time (an officer may record a gap the family itself chose), and after the
      // case ended, for the days without funding it ended with.
      return state.status !== 'new';
  }
}

/** The commands this actor may send on this case now: `may` allows them and they fit the case. */
export function availableCommands(
  actor: Actor,
  state: CaseState,
  now: Instant,
  candidates: readonly CaseCommandType[],
): CaseCommandType[] {
  return candidates.filter((type) => {
    // `may` reads only the type (and the municipality of a new referral) from the command.
    const probe = { type, caseId: state.caseId, municipality: state.municipality } as CaseCommand;
    return (
      may(actor, probe, state, now).allowed && commandFitsCase(type, state, dateInAmsterdam(now))
    );
  });
}
