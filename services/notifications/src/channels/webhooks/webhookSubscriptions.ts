// Webhook subscriptions per organisation, in the manner of the Notificaties API's abonnementen: a
// callback URL, filters, and a secret for the signature. A subscription is saved only after every
// check passed and a signed test delivery was accepted, so nothing is ever half-saved.

import { randomUUID } from 'node:crypto';
import {
  caseEventTypes,
  isMunicipalityCode,
  notificationRules,
  text,
  type FieldProblem,
} from '@kot/domain';
import type { SqlClient } from '@kot/eventstore';
import type { StoredIntent } from '../../outbox/storedIntent';
import { newWebhookSecret } from './webhookSignature';

export interface WebhookFilters {
  /** Case event types (`KotRejected`, …); a deadline notification has none and never matches. */
  eventTypes: string[];
  rules: string[];
  municipalities: string[];
  caseIds: string[];
}

export interface WebhookSubscription extends WebhookFilters {
  id: string;
  organisation: string;
  callbackUrl: string;
  createdBy: string;
  createdAt: Date;
}

export interface WebhookSubscriptionWithSecret extends WebhookSubscription {
  secret: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Problems with the filters: unknown types and rules are named, with what is allowed. */
export function filterProblems(filters: WebhookFilters): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, nl: string, en: string) =>
    problems.push({ field, reason: text(nl, en) });
  const unknownTypes = filters.eventTypes.filter(
    (type) => !(caseEventTypes as readonly string[]).includes(type),
  );
  if (unknownTypes.length > 0) {
    const known = caseEventTypes.join(', ');
    add(
      'eventTypes',
      `onbekend: ${unknownTypes.join(', ')}; bekend: ${known}`,
      `unknown event type ${unknownTypes.join(', ')}; known: ${known}`,
    );
  }
  const unknownRules = filters.rules.filter(
    (rule) => !(notificationRules as readonly string[]).includes(rule),
  );
  if (unknownRules.length > 0) {
    const known = notificationRules.join(', ');
    add(
      'rules',
      `onbekend: ${unknownRules.join(', ')}; bekend: ${known}`,
      `unknown rule ${unknownRules.join(', ')}; known: ${known}`,
    );
  }
  const badMunicipalities = filters.municipalities.filter((code) => !isMunicipalityCode(code));
  if (badMunicipalities.length > 0) {
    add(
      'municipalities',
      `geen CBS-gemeentecode (GM + 4 cijfers): ${badMunicipalities.join(', ')}`,
      `not a CBS municipality code (GM + 4 digits): ${badMunicipalities.join(', ')}`,
    );
  }
  const badCases = filters.caseIds.filter((id) => !UUID.test(id));
  if (badCases.length > 0)
    add(
      'caseIds',
      `geen zaaknummer: ${badCases.join(', ')}`,
      `not a case id: ${badCases.join(', ')}`,
    );
  return problems;
}

export const newSubscription = (
  organisation: string,
  callbackUrl: string,
  filters: WebhookFilters,
  createdBy: string,
  createdAt: Date,
): WebhookSubscriptionWithSecret => ({
  id: randomUUID(),
  organisation,
  callbackUrl,
  ...filters,
  createdBy,
  createdAt,
  // Shown once, to the creator, and used to sign every delivery (Standard Webhooks).
  secret: newWebhookSecret(),
});

const insert = {
  name: 'notifications_webhook_insert',
  text: `INSERT INTO webhook_subscriptions (id, organisation, callback_url, secret, event_types, rules,
           municipalities, case_ids, created_by, created_at, active)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, true)`,
};

export async function saveSubscription(
  tx: SqlClient,
  subscription: WebhookSubscriptionWithSecret,
): Promise<void> {
  await tx.query(insert, [
    subscription.id,
    subscription.organisation,
    subscription.callbackUrl,
    subscription.secret,
    subscription.eventTypes,
    subscription.rules,
    subscription.municipalities,
    subscription.caseIds,
    subscription.createdBy,
    subscription.createdAt.toISOString(),
  ]);
}

const columns = `id, organisation, callback_url, secret, event_types, rules, municipalities, case_ids,
  created_by, created_at`;

interface Row {
  id: string;
  organisation: string;
  callback_url: string;
  secret: string;
  event_types: string[];
  rules: string[];
  municipalities: string[];
  case_ids: string[];
  created_by: string;
  created_at: Date | string;
}

const fromRow = (row: Row): WebhookSubscriptionWithSecret => ({
  id: row.id,
  organisation: row.organisation,
  callbackUrl: row.callback_url,
  secret: row.secret,
  eventTypes: row.event_types,
  rules: row.rules,
  municipalities: row.municipalities,
  caseIds: row.case_ids,
  createdBy: row.created_by,
  createdAt: new Date(row.created_at),
});

export const withoutSecret = ({
  secret: _secret,
  ...subscription
}: WebhookSubscriptionWithSecret): WebhookSubscription => subscription;

const byOrganisation = {
  name: 'notifications_webhook_by_organisation',
  text: `SELECT ${columns} FROM webhook_subscriptions WHERE organisation = $1 AND active ORDER BY created_at, id`,
};

export async function activeSubscriptionsOf(
  db: SqlClient,
  organisation: string,
): Promise<WebhookSubscriptionWithSecret[]> {
  return (await db.query<Row>(byOrganisation, [organisation])).map(fromRow);
}

const byIds = {
  name: 'notifications_webhook_by_ids',
  text: `SELECT ${columns} FROM webhook_subscriptions WHERE id = ANY($1::text[]) AND active`,
};

export async function activeSubscriptionsById(
  db: SqlClient,
  ids: readonly string[],
): Promise<Map<string, WebhookSubscriptionWithSecret>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<Row>(byIds, [ids]);
  return new Map(rows.map((row) => [row.id, fromRow(row)]));
}

const deactivate = {
  name: 'notifications_webhook_deactivate',
  text: `UPDATE webhook_subscriptions SET active = false
          WHERE id = $1 AND ($2::text IS NULL OR organisation = $2) AND active RETURNING id`,
};

/** Ends a subscription; false when there is no active one with this id (in this organisation, when given). */
export async function deactivateSubscription(
  db: SqlClient,
  id: string,
  organisation: string | null,
): Promise<boolean> {
  return (await db.query(deactivate, [id, organisation])).length === 1;
}

/** Whether a subscription wants an intent; an empty filter means "all". */
export function matches(subscription: WebhookFilters, intent: StoredIntent): boolean {
  const allows = (filter: string[], value: string | null) =>
    filter.length === 0 || (value !== null && filter.includes(value));
  return (
    allows(subscription.eventTypes, intent.eventType) &&
    allows(subscription.rules, intent.rule) &&
    allows(subscription.municipalities, intent.municipality) &&
    allows(subscription.caseIds, intent.caseId)
  );
}
