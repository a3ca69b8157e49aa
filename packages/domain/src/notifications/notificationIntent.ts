import type { IsoDate } from '../calendar';
import type { PartyRef } from '../parties';

export const notificationRules = [
  'case-offered',
  'offer-declined',
  'offer-overdue',
  'case-closed',
  'case-claimed',
  'claim-released',
  'claim-revoked',
  'case-unclaimed',
  'kot-requested',
  'indication-check-requested',
  'indication-not-found',
  'forms-sent',
  'application-submitted',
  'kot-decided',
  'kot-rejected-continue-smi',
  'kot-rejected-objection-deadline',
  'objection-window-closing',
  'objection-filed',
  'smi-ending-without-kot',
  'decision-overdue',
  'step-overdue',
  'funding-gap-opened',
  'kot-stopped',
  'kot-changed',
  'smi-ended',
  'smi-extended',
  'smi-reinstated',
  'indication-reassessed',
  'kot-ending-with-indication',
  'desk-step-ended',
  'kot-stopped-objection-deadline',
  'change-to-pass',
  'change-passed',
  'indicated-partner-corrected',
  'kot-settled',
] as const;
export type NotificationRule = (typeof notificationRules)[number];

/** Values a template may use. Never names or BSNs: a recipient may see the case without personal data. */
export type NotificationParams = Record<string, string | number | boolean>;

/**
 * Something someone must be told. The id is deterministic (the event or the deadline, the rule and
 * the recipient), so a replay, a restart or a redelivered message produces the same id and the
 * delivery side can refuse to send it twice.
 */
export interface NotificationIntent {
  id: string;
  rule: NotificationRule;
  caseId: string;
  municipality: string;
  recipient: PartyRef;
  /** The event that caused it, when an event did (a timer otherwise). */
  eventId?: string;
  /**
   * Which deadline a timer notification is about, e.g. `decide-application/2024-04-03` (the step
   * and the start of its clock): part of the id, so each deadline is told once.
   */
  deadline?: string;
  /** The calendar date a timer notification is about: a due date, SMI's last day, a gap's first day. */
  date?: IsoDate;
  params: NotificationParams;
}

export const recipientKey = (party: PartyRef): string =>
  [party.organisation, party.role, party.personId ?? '*'].join('/');
