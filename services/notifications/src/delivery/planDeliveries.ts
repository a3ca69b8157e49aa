// From intent to deliveries: the inbox message (written here, so it is delivered exactly once),
// an e-mail per directory entry that wants one, and a webhook call per matching subscription of
// the recipient's organisation. One transaction per batch, its messages and deliveries each written
// in one statement; the intents are marked planned in it.

import { recipientKey } from '@kot/domain';
import type { SqlDatabase } from '@kot/eventstore';
import { putInInbox } from '../channels/inbox/inboxStore';
import { activeSubscriptionsOf, matches } from '../channels/webhooks/webhookSubscriptions';
import { intentColumns, intentFromRow, type IntentRow } from '../outbox/storedIntent';
import { directoryKey, resolveRecipients } from '../recipients/recipientDirectory';
import { addDeliveries, type NewDelivery } from './deliveryLedger';

const unplanned = {
  name: 'notifications_intents_unplanned',
  text: `SELECT ${intentColumns} FROM notification_intents WHERE planned_at IS NULL
          ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
};

const planned = {
  name: 'notifications_intents_planned',
  text: `UPDATE notification_intents SET planned_at = $2 WHERE id = ANY($1::text[])`,
};

export interface PlanResult {
  intents: number;
  /** With e-mail on: the intents whose recipient has no e-mail entry in the directory (inbox only). */
  withoutEmail: Array<{ rule: string; recipient: string }>;
}

export async function planDeliveries(
  db: SqlDatabase,
  now: Date,
  options: { limit: number; email: boolean },
): Promise<PlanResult> {
  return db.transaction(async (tx) => {
    const intents = (await tx.query<IntentRow>(unplanned, [options.limit])).map(intentFromRow);
    const withoutEmail: PlanResult['withoutEmail'] = [];
    // Many intents of a batch share a recipient or an organisation: look each up once.
    const recipients = new Map<string, ReturnType<typeof resolveRecipients>>();
    const subscriptions = new Map<string, ReturnType<typeof activeSubscriptionsOf>>();
    const once = <T>(cache: Map<string, T>, key: string, load: () => T): T => {
      if (!cache.has(key)) cache.set(key, load());
      return cache.get(key)!;
    };
    const deliveries: NewDelivery[] = [];
    for (const intent of intents) {
      const base = { intentId: intent.id, caseId: intent.caseId };
      deliveries.push({
        ...base,
        channel: 'inbox',
        address: recipientKey(intent.recipient),
        target: null,
        language: null,
        status: 'delivered',
      });
      const entries = options.email
        ? (
            await once(recipients, recipientKey(intent.recipient), () =>
              resolveRecipients(tx, intent.recipient),
            )
          ).filter((entry) => entry.channels.includes('email') && entry.email !== null)
        : [];
      if (options.email && entries.length === 0) {
        withoutEmail.push({
          rule: intent.rule,
          recipient: `${intent.recipient.organisation}/${intent.recipient.role}`,
        });
      }
      for (const entry of entries) {
        deliveries.push({
          ...base,
          channel: 'email',
          address: directoryKey(entry),
          target: entry.email,
          language: entry.language,
          status: 'pending',
        });
      }
      const organisation = intent.recipient.organisation;
      for (const subscription of await once(subscriptions, organisation, () =>
        activeSubscriptionsOf(tx, organisation),
      )) {
        if (!matches(subscription, intent)) continue;
        deliveries.push({
          ...base,
          channel: 'webhook',
          address: subscription.id,
          target: null,
          language: null,
          status: 'pending',
        });
      }
    }
    await putInInbox(tx, intents, now);
    await addDeliveries(tx, deliveries, now);
    if (intents.length > 0)
      await tx.query(planned, [intents.map((intent) => intent.id), now.toISOString()]);
    return { intents: intents.length, withoutEmail };
  });
}
