import type { IsoDate } from '../calendar';
import type { PartyRef } from '../parties';

export const notificationRules = [
  'case-offered',
  'offer-declined',
  'case-closed',
  'case-claimed',
  'claim-released',
  'case-unclaimed',
  'indication-not-found',
  'forms-sent',
  'kot-decided',
  'kot-rejected-continue-smi',
  'kot-rejected-objection-deadline',
  'smi-ending-without-kot',
  'decision-overdue',
  'step-overdue',
  'funding-gap-opened',
  'kot-stopped',
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
  /** The deadline or date it is about. */
  date?: IsoDate;
  params: NotificationParams;
}

export const recipientKey = (party: PartyRef): string =>
  [party.organisation, party.role, party.personId ?? '*'].join('/');
