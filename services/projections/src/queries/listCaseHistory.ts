import type { SqlClient } from '../eventStorePort';
import { caseHistoryTableName, type NotificationRecord } from '../caseHistory/caseHistoryTables';
import { toInstant, toNumber } from '../sql/values';

export interface HistoryEntry {
  position: number;
  revision: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  actor: { id: string; role: string; organisation: string };
  occurredAt: string;
  recordedAt: string;
  commandId: string | null;
  correlationId: string | null;
  notification: NotificationRecord | null;
}

/** Every event of the case and its delivery records, in the order they were stored; bounded. */
export async function listCaseHistory(
  db: SqlClient,
  generation: number,
  caseId: string,
  limit = 1000,
): Promise<HistoryEntry[]> {
  const rows = await db.query<Record<string, unknown>>(
    {
      name: `case_history_g${generation}_list`,
      text: `SELECT position, revision, event_id, type, schema_version, actor_id, actor_role,
                    actor_organisation, occurred_at, recorded_at, command_id, correlation_id,
                    notification
             FROM ${caseHistoryTableName(generation)} WHERE case_id = $1 ORDER BY position LIMIT $2`,
    },
    [caseId, limit],
  );
  return rows.map((row) => ({
    position: toNumber(row['position']),
    revision: toNumber(row['revision']),
    eventId: String(row['event_id']),
    type: String(row['type']),
    schemaVersion: toNumber(row['schema_version']),
    actor: {
      id: String(row['actor_id']),
      role: String(row['actor_role']),
      organisation: String(row['actor_organisation']),
    },
    occurredAt: toInstant(row['occurred_at']),
    recordedAt: toInstant(row['recorded_at']),
    commandId: (row['command_id'] as string | null) ?? null,
    correlationId: (row['correlation_id'] as string | null) ?? null,
    notification: (row['notification'] as NotificationRecord | null) ?? null,
  }));
}
