// Delivery outcomes as events in the log, one stream per case beside the case's own stream, so the
// case history shows who was told what, how and when, and an auditor can replay it. No personal
// data: parties by organisation, role and user id; e-mail addresses and URLs stay in this service.

import { createHash } from 'node:crypto';

export const notificationStreamId = (caseId: string): string => `notifications-${caseId}`;
export const NOTIFICATION_STREAM_PREFIX = 'notifications-';

export type DeliveryChannel = 'inbox' | 'email' | 'webhook';

interface DeliveryFacts {
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
  /** The deadline it is about, for a deadline notification. */
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

/**
 * A name-based UUID (RFC 9562 version 8, SHA-256): the same outcome always gets the same event id,
 * so appending it again after a crash is a no-op in the store.
 */
export function deterministicEventId(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
