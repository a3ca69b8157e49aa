import type { StoredIntent } from '../../outbox/storedIntent';
import { TYPE_PREFIX, cloudEvent, type CloudEvent } from './cloudEvent';

export const NOTIFICATIONS_SOURCE = 'urn:nl:kot-referral:notifications';

export interface NotificationData {
  notificationId: string;
  rule: string;
  caseId: string;
  municipality: string;
  recipient: { organisation: string; role: string };
  /** The event that caused it (null for a deadline) and its type. */
  eventId: string | null;
  eventType: string | null;
  /** For a deadline notification: which deadline (`decide-application/2024-04-03`)… */
  deadline: string | null;
  /** …and the calendar date (YYYY-MM-DD) it is about: the due date, SMI's last day, a gap's first day. */
  date: string | null;
  params: Record<string, unknown>;
}

/**
 * The webhook body. Its id is the intent id, the same on every retry and after a crash, so a
 * receiver that stores the ids it has handled processes each notification once.
 */
export const notificationCloudEvent = (
  intent: StoredIntent,
  source = NOTIFICATIONS_SOURCE,
  /** The delivery span's trace context (the distributed-tracing extension). */
  traceparent?: string,
): CloudEvent<NotificationData> =>
  cloudEvent(
    {
      id: intent.id,
      source,
      type: `${TYPE_PREFIX}.${intent.rule}`,
      subject: intent.caseId,
      time: intent.createdAt.toISOString(),
      data: {
        notificationId: intent.id,
        rule: intent.rule,
        caseId: intent.caseId,
        municipality: intent.municipality,
        // The person id stays out: the receiving system routes by organisation and role.
        recipient: { organisation: intent.recipient.organisation, role: intent.recipient.role },
        eventId: intent.eventId,
        eventType: intent.eventType,
        deadline: intent.deadline,
        date: intent.date,
        params: intent.params,
      },
    },
    traceparent,
  );

export const subscriptionTestEvent = (
  subscriptionId: string,
  organisation: string,
  time: Date,
  source = NOTIFICATIONS_SOURCE,
): CloudEvent<{ subscriptionId: string; organisation: string }> =>
  cloudEvent({
    id: `subscription-test:${subscriptionId}`,
    source,
    type: `${TYPE_PREFIX}.subscription-test`,
    time: time.toISOString(),
    data: { subscriptionId, organisation },
  });
