import type { RecordedEvent, SqlClient } from '../eventStorePort';
import { caseIdOfStream } from '../caseEvents/caseEventOf';
import type { HistoryRow } from './caseHistoryTables';
import { insertHistoryStatement } from './caseHistoryTables';

export async function projectCaseHistory(
  tx: SqlClient,
  events: readonly RecordedEvent[],
  generation: number,
): Promise<void> {
  const rows: HistoryRow[] = [];
  for (const event of events) {
    const caseId = caseIdOfStream(event.streamId);
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
    });
  }
  if (rows.length > 0) await tx.query(insertHistoryStatement(generation), [JSON.stringify(rows)]);
}
