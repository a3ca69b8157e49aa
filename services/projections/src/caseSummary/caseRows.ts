// From a case's folded state to its read-model rows, at a moment. Everything shown here is what
// the domain's rule functions return; nothing is decided in this file.
import {
  CIZ,
  TOESLAGEN,
  caseAccessOf,
  dateInAmsterdam,
  eligibility,
  fundingCoverage,
  householdOrganisation,
  isOpen,
  nextStep,
  pendingOffer,
  stepBehindFunding,
  urgencyOf,
  type CaseAccess,
  type CaseState,
  type Instant,
  type IsoDate,
  type NextStep,
  type PartyRef,
  type Text,
} from '@kot/domain';
import type { KeyDates } from './keyDates';

/** Sort key for cases without a next step: after every real due date. */
export const NO_DUE_DATE = '9999-12-31';

export interface CaseSummaryRow extends KeyDates {
  case_id: string;
  stream_id: string;
  revision: number;
  last_position: number;
  last_occurred_at: Instant;
  last_recorded_at: Instant;
  status: string;
  status_since: IsoDate | null;
  is_open: boolean;
  municipality: string;
  referring_officer_organisation: string | null;
  referring_officer_person: string | null;
  offered_to_organisation: string | null;
  offered_to_role: string | null;
  offered_to_person: string | null;
  claimed_by_organisation: string | null;
  claimed_by_role: string | null;
  claimed_by_person: string | null;
  /**
   * Every organisation that might see the case (a superset of what `mayView` allows), so a list
   * query can narrow by index before `mayView` decides row by row.
   */
  audience_organisations: string[];
  /** What `mayView` decides on, exactly as the domain's caseAccessOf returns it. */
  access: CaseAccess;
  next_action: string | null;
  next_responsible_organisation: string | null;
  next_responsible_role: string | null;
  next_responsible_person: string | null;
  next_since: IsoDate | null;
  next_due: IsoDate | null;
  next_overdue: boolean;
  next_days_overdue: number;
  next_escalate_organisation: string | null;
  next_escalate_role: string | null;
  next_escalate_person: string | null;
  next_deadline: IsoDate | null;
  urgency_due: IsoDate;
  eligibility_verdict: string | null;
  funded_today: boolean;
  funded_until: IsoDate | null;
  gap_days: number;
  unaccepted_gap_days: number;
  days_at_risk: number;
  at_risk: boolean;
  smi_ends_on: IsoDate | null;
  /** The folded state without personal data (see withoutPersonalData). */
  state: CaseState;
  computed_at: Instant;
  /** The Amsterdam date of computed_at: the time-dependent fields hold for this day. */
  computed_on: IsoDate;
}

/**
 * responsible: the step's owner; escalation: whoever a late step goes to; offered: the supporter
 * an unclaimed offer waits for; continuing: a desk whose step goes on while the municipality
 * secures the family's funding (nextStep names the municipality then).
 */
export type WorklistAudience = 'responsible' | 'escalation' | 'offered' | 'continuing';

export interface WorklistRow {
  case_id: string;
  audience: WorklistAudience;
  party_organisation: string;
  party_role: string;
  party_person: string | null;
  municipality: string;
  status: string;
  action: string;
  description: Text;
  responsible: PartyRef;
  escalate_to: PartyRef;
  since: IsoDate;
  due: IsoDate;
  overdue: boolean;
  days_overdue: number;
  deadline: IsoDate | null;
  /** The case's urgency (urgencyOf): lists sort by it first, then by due date and case age. */
  urgency_rank: number;
  urgency_kind: string;
  urgency_reason: Text;
  /** The day the case was referred: among equals, the case waiting longest comes first. */
  opened_on: IsoDate;
  /**
   * The case's access as on its summary, so a worklist page decides mayView from its own rows
   * without reading a wide summary row per item (at 100 000 cases those pages are seldom cached).
   */
  access: CaseAccess;
}

export type DeadlineKind = 'next-step' | 'legal' | 'smi-ends';

export interface DeadlineRow {
  case_id: string;
  kind: DeadlineKind;
  date: IsoDate;
  description: Text | null;
  party_organisation: string | null;
  party_role: string | null;
  party_person: string | null;
}

export interface CaseRows {
  summary: CaseSummaryRow;
  worklist: WorklistRow[];
  deadlines: DeadlineRow[];
}

/** Where the case stands in the log: the last event folded into the state. */
export interface LogPoint {
  streamId: string;
  revision: number;
  position: number;
  occurredAt: Instant;
  recordedAt: Instant;
}

export function caseRows(
  state: CaseState,
  keyDates: KeyDates,
  at: LogPoint,
  now: Instant,
): CaseRows {
  const step = nextStep(state, now);
  const coverage = fundingCoverage(state, now);
  const today = dateInAmsterdam(now);
  const verdict = state.household ? eligibility(state, today).verdict : null;
  const access = caseAccessOf(state);
  const summary: CaseSummaryRow = {
    ...keyDates,
    case_id: state.caseId,
    stream_id: at.streamId,
    revision: at.revision,
    last_position: at.position,
    last_occurred_at: at.occurredAt,
    last_recorded_at: at.recordedAt,
    status: state.status,
    status_since: state.statusSince,
    is_open: isOpen(state),
    municipality: state.municipality,
    referring_officer_organisation: state.referringOfficer?.organisation ?? null,
    referring_officer_person: state.referringOfficer?.personId ?? null,
    offered_to_organisation: access.offeredTo?.organisation ?? null,
    offered_to_role: access.offeredTo?.role ?? null,
    offered_to_person: access.offeredTo?.personId ?? null,
    claimed_by_organisation: access.claimedBy?.organisation ?? null,
    claimed_by_role: access.claimedBy?.role ?? null,
    claimed_by_person: access.claimedBy?.personId ?? null,
    audience_organisations: unique([
      state.municipality,
      householdOrganisation(state.caseId),
      access.offeredTo?.organisation,
      access.claimedBy?.organisation,
      access.toeslagenInvolved ? TOESLAGEN : undefined,
      access.cizInvolved ? CIZ : undefined,
    ]),
    access,
    next_action: step?.action ?? null,
    next_responsible_organisation: step?.responsible.organisation ?? null,
    next_responsible_role: step?.responsible.role ?? null,
    next_responsible_person: step?.responsible.personId ?? null,
    next_since: step?.since ?? null,
    next_due: step?.due ?? null,
    next_overdue: step?.overdue ?? false,
    next_days_overdue: step?.daysOverdue ?? 0,
    next_escalate_organisation: step?.escalateTo.organisation ?? null,
    next_escalate_role: step?.escalateTo.role ?? null,
    next_escalate_person: step?.escalateTo.personId ?? null,
    next_deadline: step?.deadline?.date ?? null,
    urgency_due: step?.due ?? NO_DUE_DATE,
    eligibility_verdict: verdict,
    funded_today: coverage.fundedToday,
    funded_until: coverage.fundedUntil,
    gap_days: coverage.gapDays,
    // The read model's state has no free text: whether a gap is accepted is not its reason.
    unaccepted_gap_days: coverage.gaps
      .filter((gap) => !gap.accepted)
      .reduce((sum, gap) => sum + gap.days, 0),
    days_at_risk: coverage.daysAtRisk,
    at_risk: coverage.atRisk,
    smi_ends_on: coverage.smiEndsOn,
    state,
    computed_at: now,
    computed_on: today,
  };
  const urgency = urgencyOf(state, step, now);
  const behind = stepBehindFunding(state, now);
  return {
    summary,
    worklist: [
      ...(step ? worklistRows(step) : []),
      ...(behind ? [worklistRow('continuing', behind.responsible, behind)] : []),
      ...offerRows(pendingOffer(state, now)),
    ].map((row) => ({
      ...row,
      case_id: state.caseId,
      municipality: state.municipality,
      status: state.status,
      urgency_rank: urgency.rank,
      urgency_kind: urgency.kind,
      urgency_reason: urgency.reason,
      opened_on: state.referredOn ?? today,
      access,
    })),
    deadlines: deadlineRows(state, step, coverage.atRisk ? coverage.smiEndsOn : null),
  };
}

type CaseFreeRow = Omit<
  WorklistRow,
  | 'case_id'
  | 'municipality'
  | 'status'
  | 'urgency_rank'
  | 'urgency_kind'
  | 'urgency_reason'
  | 'opened_on'
  | 'access'
>;

const worklistRow = (audience: WorklistAudience, party: PartyRef, step: NextStep): CaseFreeRow => ({
  audience,
  party_organisation: party.organisation,
  party_role: party.role,
  party_person: party.personId ?? null,
  action: step.action,
  description: step.description,
  responsible: step.responsible,
  escalate_to: step.escalateTo,
  since: step.since,
  due: step.due,
  overdue: step.overdue,
  days_overdue: step.daysOverdue,
  deadline: step.deadline?.date ?? null,
});

/** The responsible party always; whoever the step escalates to once it is overdue. */
function worklistRows(step: NextStep): CaseFreeRow[] {
  const rows = [worklistRow('responsible', step.responsible, step)];
  if (step.overdue) rows.push(worklistRow('escalation', step.escalateTo, step));
  return rows;
}

/** An unclaimed offer, on the list of the supporter it was made to. */
const offerRows = (offer: NextStep | null): CaseFreeRow[] =>
  offer ? [worklistRow('offered', offer.responsible, offer)] : [];

function deadlineRows(
  state: CaseState,
  step: NextStep | null,
  smiEndsAtRisk: IsoDate | null,
): DeadlineRow[] {
  const caseId = state.caseId;
  const rows: DeadlineRow[] = [];
  const party = (ref: PartyRef | undefined) => ({
    party_organisation: ref?.organisation ?? null,
    party_role: ref?.role ?? null,
    party_person: ref?.personId ?? null,
  });
  if (step) {
    rows.push({
      case_id: caseId,
      kind: 'next-step',
      date: step.due,
      description: step.description,
      ...party(step.responsible),
    });
    if (step.deadline) {
      rows.push({
        case_id: caseId,
        kind: 'legal',
        date: step.deadline.date,
        description: step.deadline.description,
        ...party(step.responsible),
      });
    }
  }
  if (smiEndsAtRisk) {
    rows.push({
      case_id: caseId,
      kind: 'smi-ends',
      date: smiEndsAtRisk,
      description: null,
      ...party(state.referringOfficer ?? undefined),
    });
  }
  return rows;
}

const unique = (values: Array<string | undefined>): string[] =>
  [
    ...new Set(values.filter((value): value is string => value !== undefined && value !== '')),
  ].sort();
