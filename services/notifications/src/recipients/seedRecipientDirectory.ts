import type { SqlDatabase } from '@kot/eventstore';
import { migrateNotifications } from '../storage/notificationsSchema';
import { upsertRecipients, type RecipientEntry } from './recipientDirectory';

/** Fills or updates the directory (the launcher seeds the demo organisations with it). */
export async function seedRecipientDirectory(
  db: SqlDatabase,
  entries: readonly RecipientEntry[],
): Promise<void> {
  await migrateNotifications(db);
  await db.transaction((tx) => upsertRecipients(tx, entries));
}
