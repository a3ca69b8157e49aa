// Sends what is due: claims a batch under a lease, sends outside any transaction, then records
// each outcome. A crash after sending and before recording leaves the lease to expire and the
// message is sent again: at-least-once. Receivers deduplicate on the CloudEvent id (webhooks) or
// the Message-ID (e-mail), both the same on every attempt.

import type { NotificationRule } from '@kot/domain';
import type { SqlDatabase } from '@kot/eventstore';
import type { EmailSender } from '../channels/email/emailSender';
import { notificationCloudEvent } from '../channels/webhooks/notificationCloudEvent';
import type { WebhookPoster } from '../channels/webhooks/postCloudEvent';
import { activeSubscriptionsById } from '../channels/webhooks/webhookSubscriptions';
import {
  intentColumns,
  intentFromRow,
  type IntentRow,
  type StoredIntent,
} from '../outbox/storedIntent';
import type { Language } from '../recipients/recipientDirectory';
import { SpanKind, activeTraceparent, contextOfTraceparent, inSpan } from '../platformPort';
import type { Clock } from '../service/dependencies';
import type { CompiledTemplates } from '../templates/compileTemplates';
import { retryDelayMs, type RetryPolicy } from './backoff';
import {
  claimDueDeliveries,
  deliveryKeyText,
  markDelivered,
  markFailed,
  type Delivery,
} from './deliveryLedger';

export interface DeliveryContext {
  db: SqlDatabase;
  clock: Clock;
  templates: CompiledTemplates;
  email: EmailSender | null;
  /** Posts over a connection checked against the callback policy at the moment of sending. */
  webhooks: WebhookPoster;
  retry: RetryPolicy;
  /** How long a claimed delivery stays with this worker before another may take it. */
  leaseMs: number;
  source: string;
}

export interface DeliverResult {
  delivered: number;
  retrying: number;
  dead: number;
}

const intentsByIds = {
  name: 'notifications_intents_by_ids',
  text: `SELECT ${intentColumns} FROM notification_intents WHERE id = ANY($1::text[])`,
};

type Outcome = { ok: true } | { ok: false; error: string };

export async function deliverDue(
  context: DeliveryContext,
  now: Date,
  options: { limit: number; concurrency: number },
): Promise<DeliverResult> {
  const { db } = context;
  const leaseUntil = new Date(now.getTime() + context.leaseMs);
  const claimed = await db.transaction((tx) =>
    claimDueDeliveries(tx, now, leaseUntil, options.limit),
  );
  if (claimed.length === 0) return { delivered: 0, retrying: 0, dead: 0 };
  const intents = new Map(
    (await db.query<IntentRow>(intentsByIds, [[...new Set(claimed.map((d) => d.intentId))]]))
      .map(intentFromRow)
      .map((intent) => [intent.id, intent]),
  );
  const subscriptions = await activeSubscriptionsById(
    db,
    claimed.filter((d) => d.channel === 'webhook').map((d) => d.address),
  );

  const sendOne = async (delivery: Delivery, intent: StoredIntent): Promise<Outcome> => {
    if (delivery.channel === 'email') return sendEmail(context, delivery, intent);
    if (delivery.channel === 'webhook') {
      const subscription = subscriptions.get(delivery.address);
      if (!subscription) return { ok: false, error: 'subscription no longer active' };
      return context.webhooks.post(
        subscription.callbackUrl,
        subscription.secret,
        notificationCloudEvent(intent, context.source, activeTraceparent()),
      );
    }
    return { ok: true };
  };

  // Each attempt is a span in the trace of the command that caused the notification.
  const send = async (delivery: Delivery): Promise<Outcome> => {
    const intent = intents.get(delivery.intentId);
    if (!intent) return { ok: false, error: 'notification not found' };
    const span = {
      kind: SpanKind.PRODUCER,
      parent: contextOfTraceparent(intent.traceparent),
      attributes: {
        'kot.notification.rule': intent.rule,
        'kot.delivery.channel': delivery.channel,
        'kot.delivery.attempt': delivery.attempts + 1,
      },
    };
    return inSpan(`deliver ${delivery.channel}`, span, async (active) => {
      const outcome = await sendOne(delivery, intent);
      if (!outcome.ok) active.setAttribute('kot.delivery.error', outcome.error);
      return outcome;
    });
  };

  const result: DeliverResult = { delivered: 0, retrying: 0, dead: 0 };
  const record = async (delivery: Delivery, outcome: Outcome) => {
    const at = context.clock();
    if (outcome.ok) {
      await markDelivered(db, delivery, at);
      result.delivered++;
      return;
    }
    const attempts = delivery.attempts + 1;
    const permanent = outcome.error === 'subscription no longer active';
    if (attempts >= context.retry.maxAttempts || permanent) {
      await markFailed(db, delivery, outcome.error, { deadAt: at });
      result.dead++;
    } else {
      const retryAt = new Date(at.getTime() + retryDelayMs(context.retry, attempts));
      await markFailed(db, delivery, outcome.error, { retryAt });
      result.retrying++;
    }
  };

  // A small pool: up to `concurrency` sends at once, each recorded as soon as it is known.
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < claimed.length; index = next++) {
      const delivery = claimed[index]!;
      await record(delivery, await send(delivery));
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, claimed.length) }, worker));
  return result;
}

async function sendEmail(
  context: DeliveryContext,
  delivery: Delivery,
  intent: StoredIntent,
): Promise<Outcome> {
  if (!context.email) return { ok: false, error: 'e-mail is not configured' };
  if (!delivery.target) return { ok: false, error: 'no e-mail address' };
  const message = context.templates.render(
    intent.rule as NotificationRule,
    (delivery.language ?? 'nl') as Language,
    intent.params,
    context.email.caseUrl(intent.caseId),
  );
  try {
    await context.email.send({
      to: delivery.target,
      message,
      deliveryKey: deliveryKeyText(delivery),
      notificationId: intent.id,
    });
    return { ok: true };
  } catch (error) {
    const code =
      (error as { code?: string; responseCode?: number }).responseCode ??
      (error as { code?: string }).code;
    return { ok: false, error: `SMTP ${code ?? (error as Error).name}` };
  }
}
