import { NOTIFICATION_STREAM_PREFIX, type NotificationEvent } from '@kot/domain';
import type { RecordedEvent, SqlClient } from '../eventStorePort';
import { caseIdOfStream } from '../caseEvents/caseEventOf';
import type { HistoryRow, NotificationRecord } from './caseHistoryTables';
import { insertHistoryStatement } from './caseHistoryTables';

const caseIdOfNotificationStream = (streamId: string): string | null =>
  streamId.startsWith(NOTIFICATION_STREAM_PREFIX)
    ? streamId.slice(NOTIFICATION_STREAM_PREFIX.length)
    : null;

function notificationRecord(event: RecordedEvent): NotificationRecord {
  const { data, type } = event as unknown as NotificationEvent;
  return {
    rule: data.rule,
    channel: data.channel,
    recipient: data.recipient,
    outcome: type === 'NotificationDelivered' ? 'delivered' : 'failed',
    ...('error' in data ? { error: data.error } : {}),
  };
}

export async function projectCaseHistory(
  tx: SqlClient,
  events: readonly RecordedEvent[],
  generation: number,
): Promise<void> {
  const rows: HistoryRow[] = [];
  for (const event of events) {
    const notificationCaseId = caseIdOfNotificationStream(event.streamId);
    const caseId = caseIdOfStream(event.streamId) ?? notificationCaseId;
    if (caseId === null) continue;
    const { metadata } = event;
    rows.push({
      position: event.position,
      case_id: caseId,
      stream_id: event.streamId,
      revision: event.revision,
      event_id: event.eventId,
      type: event.type,
      schema_version: event.schemaVersion,
      actor_id: metadata.actor.id,
      actor_role: metadata.actor.role,
      actor_organisation: metadata.actor.organisation,
      occurred_at: metadata.occurredAt,
      recorded_at: metadata.recordedAt,
      command_id: metadata.commandId ?? null,
      correlation_id: metadata.correlationId ?? null,
      causation_id: metadata.causationId ?? null,
      notification: notificationCaseId === null ? null : notificationRecord(event),
    });
  }
  if (rows.length > 0) await tx.query(insertHistoryStatement(generation), [JSON.stringify(rows)]);
}
