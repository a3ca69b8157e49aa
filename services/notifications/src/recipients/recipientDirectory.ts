// Who is who: organisation + role (+ person) → display name, e-mail, language and channels. The
// rules address parties, never people's e-mail addresses; this table is where a party becomes an
// address. It is operational data of this service and never goes into the event log.

import type { PartyRef } from '@kot/domain';
import type { SqlClient } from '@kot/eventstore';
import { recipientProblems } from './recipientProblems';

export type Language = 'nl' | 'en';
export const languages: readonly Language[] = ['nl', 'en'];

/** The in-app inbox is always on (it is the record a party can always look at); e-mail is a choice. */
export type OptionalChannel = 'email';

export interface RecipientEntry {
  organisation: string;
  role: string;
  /** A person's user id, or '*' for the role's shared address (a team mailbox). */
  personId: string;
  displayName: string;
  email: string | null;
  language: Language;
  channels: OptionalChannel[];
}

export const ANY_PERSON = '*';

const upsert = {
  name: 'notifications_recipients_upsert',
  text: `INSERT INTO notification_recipients
           (organisation, role, person_id, display_name, email, language, channels)
         SELECT organisation, role, person_id, display_name, email, language, channels
           FROM jsonb_to_recordset($1::jsonb) AS row(organisation text, role text, person_id text,
                display_name text, email text, language text, channels text[])
         ON CONFLICT (organisation, role, person_id) DO UPDATE
           SET display_name = EXCLUDED.display_name, email = EXCLUDED.email,
               language = EXCLUDED.language, channels = EXCLUDED.channels`,
};

const forRole = {
  name: 'notifications_recipients_for_role',
  text: `SELECT organisation, role, person_id, display_name, email, language, channels
           FROM notification_recipients WHERE organisation = $1 AND role = $2
          ORDER BY person_id`,
};

export class RecipientEntryError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid recipient directory entries:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'RecipientEntryError';
  }
}

/** Adds or replaces entries; all or nothing. */
export async function upsertRecipients(
  tx: SqlClient,
  entries: readonly RecipientEntry[],
): Promise<void> {
  const problems = entries.flatMap((entry, index) =>
    recipientProblems(entry).map(
      (problem) =>
        `entry ${index} (${entry.organisation}/${entry.role}/${entry.personId}): ${problem.field}: ${problem.reason.en}`,
    ),
  );
  if (problems.length > 0) throw new RecipientEntryError(problems);
  if (entries.length === 0) return;
  const rows = entries.map((entry) => ({
    organisation: entry.organisation,
    role: entry.role,
    person_id: entry.personId,
    display_name: entry.displayName,
    email: entry.email,
    language: entry.language,
    channels: entry.channels,
  }));
  await tx.query(upsert, [JSON.stringify(rows)]);
}

interface Row {
  organisation: string;
  role: string;
  person_id: string;
  display_name: string;
  email: string | null;
  language: Language;
  channels: OptionalChannel[];
}

const fromRow = (row: Row): RecipientEntry => ({
  organisation: row.organisation,
  role: row.role,
  personId: row.person_id,
  displayName: row.display_name,
  email: row.email,
  language: row.language,
  channels: row.channels,
});

/**
 * The entries a party resolves to: the person's own entry when the party names a person who is
 * listed; otherwise the role's shared entry ('*'); without one, everyone listed with the role, so
 * a message to a team without a team mailbox still reaches its members.
 */
export async function resolveRecipients(tx: SqlClient, party: PartyRef): Promise<RecipientEntry[]> {
  const entries = (await tx.query<Row>(forRole, [party.organisation, party.role])).map(fromRow);
  if (party.personId) {
    const person = entries.find((entry) => entry.personId === party.personId);
    if (person) return [person];
  }
  const shared = entries.find((entry) => entry.personId === ANY_PERSON);
  if (shared) return [shared];
  return party.personId ? [] : entries;
}

const list = {
  name: 'notifications_recipients_list',
  text: `SELECT organisation, role, person_id, display_name, email, language, channels
           FROM notification_recipients WHERE $1::text IS NULL OR organisation = $1
          ORDER BY organisation, role, person_id`,
};

/** Every entry, or those of one organisation. */
export async function listRecipients(
  db: SqlClient,
  organisation: string | null,
): Promise<RecipientEntry[]> {
  return (await db.query<Row>(list, [organisation])).map(fromRow);
}

const listed = {
  name: 'notifications_recipients_listed',
  text: `SELECT EXISTS (SELECT 1 FROM notification_recipients WHERE organisation = $1) AS listed,
                EXISTS (SELECT 1 FROM notification_recipients) AS any`,
};

/**
 * Whether the directory lists the organisation; null when the directory is empty (a platform that
 * keeps no directory), so callers can tell "unknown here" from "no directory at all".
 */
export async function organisationListed(
  db: SqlClient,
  organisation: string,
): Promise<boolean | null> {
  const [row] = await db.query<{ listed: boolean; any: boolean }>(listed, [organisation]);
  return row?.any ? row.listed : null;
}

const remove = {
  name: 'notifications_recipients_remove',
  text: `DELETE FROM notification_recipients WHERE organisation = $1 AND role = $2 AND person_id = $3
         RETURNING organisation`,
};

/** Removes an entry; false when there is none. */
export async function removeRecipient(
  db: SqlClient,
  key: Pick<RecipientEntry, 'organisation' | 'role' | 'personId'>,
): Promise<boolean> {
  return (await db.query(remove, [key.organisation, key.role, key.personId])).length === 1;
}

export const directoryKey = (entry: Pick<RecipientEntry, 'organisation' | 'role' | 'personId'>) =>
  `${entry.organisation}/${entry.role}/${entry.personId}`;
