// Every read of personal data by an auditor leaves a row here. This is primary data, not a read
// model: it is never rebuilt from the log and survives every projection rebuild.
import type { Actor } from '@kot/domain';
import type { SqlClient } from '../eventStorePort';
import { toInstant } from '../sql/values';

export interface PersonalDataRead {
  caseId: string;
  actor: { id: string; role: string; organisation: string };
  /** The personal fields shown, e.g. `children.bsn, household.partners.name`. */
  what: string;
  /** The query that showed them: `case`, `caseAsOf`. */
  query: string;
  correlationId: string | null;
  readAt: string;
}

export async function recordPersonalDataRead(
  db: SqlClient,
  read: {
    caseId: string;
    actor: Actor;
    what: readonly string[];
    query: string;
    correlationId: string | null;
    readAt: string;
  },
): Promise<void> {
  await db.query(
    {
      name: 'personal_data_reads_insert',
      text: `INSERT INTO personal_data_reads
               (case_id, actor_id, actor_role, actor_organisation, what, query, correlation_id, read_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    },
    [
      read.caseId,
      read.actor.id,
      read.actor.role,
      read.actor.organisation,
      read.what.join(', '),
      read.query,
      read.correlationId,
      read.readAt,
    ],
  );
}

export async function listPersonalDataReads(
  db: SqlClient,
  caseId: string,
  limit = 1000,
): Promise<PersonalDataRead[]> {
  const rows = await db.query<Record<string, unknown>>(
    {
      name: 'personal_data_reads_list',
      text: `SELECT case_id, actor_id, actor_role, actor_organisation, what, query, correlation_id, read_at
             FROM personal_data_reads WHERE case_id = $1 ORDER BY read_at, id LIMIT $2`,
    },
    [caseId, limit],
  );
  return rows.map((row) => ({
    caseId: String(row['case_id']),
    actor: {
      id: String(row['actor_id']),
      role: String(row['actor_role']),
      organisation: String(row['actor_organisation']),
    },
    what: String(row['what']),
    query: String(row['query']),
    correlationId: (row['correlation_id'] as string | null) ?? null,
    readAt: toInstant(row['read_at']),
  }));
}
