// Delivery outcomes as events in the log, one stream per case beside the case's own stream (so the
// write side's revision checks on `case-<id>` are not disturbed), so the case history shows who was
// told what, how and when, and an auditor can replay it. No personal data: parties by
// organisation, role and user id; e-mail addresses and URLs stay in the notifications service.

export const NOTIFICATION_STREAM_PREFIX = 'notifications-';
export const notificationStreamId = (caseId: string): string =>
  `${NOTIFICATION_STREAM_PREFIX}${caseId}`;

export type DeliveryChannel = 'inbox' | 'email' | 'webhook';

export interface DeliveryFacts {
  notificationId: string;
  rule: string;
  caseId: string;
  channel: DeliveryChannel;
  recipient: { organisation: string; role: string; personId?: string };
  /** Webhook: the subscription; e-mail: the directory entry (organisation/role/person or '*'). */
  address: string;
  attempts: number;
  /** The case event that caused the notification; absent for a deadline. */
  causedBy?: string;
  /** For a deadline notification: which deadline (`decide-application/2024-04-03`)… */
  deadline?: string;
  /** …and the calendar date it is about (the due date, SMI's last day, a gap's first day). */
  date?: string;
}

export type NotificationDelivered = {
  type: 'NotificationDelivered';
  schemaVersion: 1;
  data: DeliveryFacts & { deliveredAt: string };
};

export type NotificationFailed = {
  type: 'NotificationFailed';
  schemaVersion: 1;
  /** `error` is our own short description (an HTTP status, a timeout), never a receiver's text. */
  data: DeliveryFacts & { failedAt: string; error: string };
};

export type NotificationEvent = NotificationDelivered | NotificationFailed;
export const notificationEventTypes = ['NotificationDelivered', 'NotificationFailed'] as const;
