// The dates the process report measures between. The state only keeps the current claim and
// decision, so the first occurrence is kept here, event by event, as the case goes along.
import type { CaseState, IsoDate } from '@kot/domain';

export interface KeyDates {
  referred_on: IsoDate | null;
  offered_on: IsoDate | null;
  claimed_on: IsoDate | null;
  requested_on: IsoDate | null;
  application_submitted_on: IsoDate | null;
  application_received_on: IsoDate | null;
  first_decided_on: IsoDate | null;
  first_decision_outcome: 'granted' | 'rejected' | null;
  first_rejection_reason: string | null;
  granted_on: IsoDate | null;
  /** Current, not first: a stopped KOT reopens a closed case. */
  closed_on: IsoDate | null;
  closure_outcome: string | null;
}

export const noKeyDates = (): KeyDates => ({
  referred_on: null,
  offered_on: null,
  claimed_on: null,
  requested_on: null,
  application_submitted_on: null,
  application_received_on: null,
  first_decided_on: null,
  first_decision_outcome: null,
  first_rejection_reason: null,
  granted_on: null,
  closed_on: null,
  closure_outcome: null,
});

/** Call after every event: keeps what was seen first, adds what the state shows now. */
export function mergeKeyDates(previous: KeyDates, state: CaseState): KeyDates {
  const decision = state.decision;
  const firstDecision = previous.first_decided_on === null && decision !== null;
  return {
    referred_on: previous.referred_on ?? state.referredOn,
    offered_on: previous.offered_on ?? state.offer?.offeredOn ?? null,
    claimed_on: previous.claimed_on ?? state.claim?.claimedOn ?? null,
    requested_on: previous.requested_on ?? state.request?.requestedOn ?? null,
    application_submitted_on:
      previous.application_submitted_on ?? state.application?.submittedOn ?? null,
    application_received_on:
      previous.application_received_on ?? state.application?.receivedOn ?? null,
    first_decided_on: firstDecision ? decision.decidedOn : previous.first_decided_on,
    first_decision_outcome: firstDecision ? decision.outcome : previous.first_decision_outcome,
    first_rejection_reason: firstDecision
      ? (decision.reason ?? null)
      : previous.first_rejection_reason,
    granted_on:
      previous.granted_on ?? (decision?.outcome === 'granted' ? decision.decidedOn : null),
    closed_on: state.closure?.on ?? null,
    closure_outcome: state.closure?.outcome ?? null,
  };
}

export const keyDateNames: readonly string[] = Object.keys(noKeyDates());

/** The key dates of a row read with keyDateNames in its select list. */
export function keyDatesOf(row: Record<string, unknown>): KeyDates {
  const dates = noKeyDates() as unknown as Record<string, unknown>;
  for (const name of keyDateNames) dates[name] = row[name] ?? null;
  return dates as unknown as KeyDates;
}
