// Which commands to offer on a case: those the domain's `may` allows this user (so nothing is
// shown that would be refused as not theirs), and that fit where the case is (the state checks of
// `decide`, mirrored here in outline: `decide` still has the last word on dates and details).
import {
  isOpen,
  may,
  type Actor,
  type CaseCommand,
  type CaseCommandType,
  type CaseState,
} from '@kot/domain';
import type { FundingCoverageView } from '../api/caseView';

export function fitsCaseNow(
  type: CaseCommandType,
  state: CaseState,
  coverage: FundingCoverageView,
): boolean {
  const open = isOpen(state);
  const runningKot = state.kot.some((period) => period.to === undefined);
  switch (type) {
    case 'OpenReferral':
      return false;
    case 'CheckEligibility':
    case 'ReinstateSmi':
    case 'CloseCase':
    case 'WithdrawCase':
      return open;
    case 'OfferCase':
      return open && state.claim === null;
    case 'DeclineOffer':
    case 'ClaimCase':
      return open && state.claim === null && state.offer !== null;
    case 'RecordMandate':
    case 'ReleaseClaim':
      return open && state.claim !== null;
    case 'RequestKot':
      return state.status === 'claimed';
    case 'RegisterWlzRequest':
      return state.status === 'claimed' || state.status === 'requested';
    case 'ConfirmWlzIndication':
      return state.status === 'indication-check' || state.status === 'indication-missing';
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
      return runningKot && (state.status === 'granted' || state.closure?.outcome === 'kot-granted');
    case 'FileObjection':
      return (
        (state.status === 'rejected' || state.status === 'kot-stopped') && state.objection === null
      );
    case 'DecideObjection':
      return state.status === 'objection';
    case 'ExtendSmi':
    case 'EndSmi':
      return open && state.smi.length > 0;
    case 'AcceptFundingGap':
      return open && (coverage.gaps.some((gap) => gap.acceptedReason === null) || coverage.atRisk);
  }
}

export function availableCommands(
  actor: Actor,
  state: CaseState,
  coverage: FundingCoverageView,
  now: string,
  candidates: readonly CaseCommandType[],
): CaseCommandType[] {
  return candidates.filter((type) => {
    // `may` reads only the type (and the municipality of a new referral) from the command.
    const probe = { type, caseId: state.caseId } as CaseCommand;
    return may(actor, probe, state, now).allowed && fitsCaseNow(type, state, coverage);
  });
}
