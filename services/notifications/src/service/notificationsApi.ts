// What the GraphQL layer (or any other edge) can ask of the service, for an authenticated actor.
// Parsing of cursors and ids and the access checks live here, not in the resolvers.

import type { SqlDatabase } from '@kot/eventstore';
import {
  markInboxMessageRead,
  readInbox,
  type InboxCursor,
  type InboxMessage,
} from '../channels/inbox/inboxStore';
import {
  callbackUrlProblems,
  type CallbackAddressPolicy,
  type ResolveHost,
} from '../channels/webhooks/callbackAddressPolicy';
import { subscriptionTestEvent } from '../channels/webhooks/notificationCloudEvent';
import type { WebhookPoster } from '../channels/webhooks/postCloudEvent';
import {
  activeSubscriptionsOf,
  deactivateSubscription,
  filterProblems,
  newSubscription,
  saveSubscription,
  withoutSecret,
  type WebhookFilters,
  type WebhookSubscription,
  type WebhookSubscriptionWithSecret,
} from '../channels/webhooks/webhookSubscriptions';
import { listDeadLetters, retryDeadLetter, type DeadLetter } from '../delivery/deadLetters';
import type { DeliveryKey } from '../delivery/deliveryLedger';
import type { AuthenticatedActor, Clock } from './dependencies';
import { forbidden, invalidField, invalidInput, notFound } from './notificationsErrors';
import {
  manageableOrganisation,
  mayManageRecipientDirectory,
  mayManageWebhooksOf,
} from '@kot/domain';
import {
  listRecipients,
  removeRecipient,
  upsertRecipients,
  ANY_PERSON,
  type Language,
  type OptionalChannel,
  type RecipientEntry,
} from '../recipients/recipientDirectory';
import { recipientProblems } from '../recipients/recipientProblems';

export const MAX_PAGE_SIZE = 100;

export interface WebhookSubscriptionInput extends Partial<WebhookFilters> {
  callbackUrl: string;
  /** Defaults to the actor's organisation; only a platform admin may name another. */
  organisation?: string;
}

/** A directory entry as an admin enters it; personId defaults to '*' (the role's shared address). */
export interface RecipientInput {
  organisation: string;
  role: string;
  personId?: string;
  displayName: string;
  email?: string | null;
  language?: Language;
  /** Defaults to e-mail when an address is given, else none (the inbox is always on). */
  channels?: string[];
}

export type RecipientKey = Pick<RecipientEntry, 'organisation' | 'role' | 'personId'>;

export interface NotificationsApi {
  inbox(
    actor: AuthenticatedActor,
    options: { unreadOnly: boolean; first: number; after: string | null },
  ): Promise<{
    messages: Array<InboxMessage & { cursor: string }>;
    hasNextPage: boolean;
    unreadCount: number;
  }>;
  markNotificationRead(actor: AuthenticatedActor, id: string): Promise<InboxMessage>;
  createWebhookSubscription(
    actor: AuthenticatedActor,
    input: WebhookSubscriptionInput,
  ): Promise<WebhookSubscriptionWithSecret>;
  webhookSubscriptions(
    actor: AuthenticatedActor,
    organisation?: string,
  ): Promise<WebhookSubscription[]>;
  deleteWebhookSubscription(actor: AuthenticatedActor, id: string): Promise<boolean>;
  deadLetters(
    actor: AuthenticatedActor,
    options: { first: number; after: string | null },
  ): Promise<{
    deadLetters: Array<DeadLetter & { id: string; cursor: string }>;
    hasNextPage: boolean;
  }>;
  retryDeadLetter(actor: AuthenticatedActor, id: string): Promise<boolean>;
  notificationRecipients(
    actor: AuthenticatedActor,
    organisation?: string,
  ): Promise<RecipientEntry[]>;
  setNotificationRecipient(
    actor: AuthenticatedActor,
    input: RecipientInput,
  ): Promise<RecipientEntry>;
  removeNotificationRecipient(actor: AuthenticatedActor, key: RecipientKey): Promise<boolean>;
}

export interface NotificationsApiDependencies {
  db: SqlDatabase;
  clock: Clock;
  webhooks: WebhookPoster;
  callbackAddressPolicy: CallbackAddressPolicy;
  resolveHost?: ResolveHost;
  source: string;
  /** Records outstanding outcomes, so a dead letter's failure is on record before it is retried. */
  recordOutcomes(): Promise<unknown>;
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
function decode<T>(text: string, what: string, valid: (value: unknown) => value is T): T {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (valid(value)) return value;
  } catch {
    // fall through to the error below
  }
  throw invalidField(what, 'is niet geldig', 'is not valid');
}

const isInboxCursor = (value: unknown): value is [string, string] =>
  Array.isArray(value) && value.length === 2 && value.every((part) => typeof part === 'string');
const isDeliveryKey = (value: unknown): value is [string, DeliveryKey['channel'], string] =>
  Array.isArray(value) &&
  value.length === 3 &&
  typeof value[0] === 'string' &&
  ['inbox', 'email', 'webhook'].includes(value[1]) &&
  typeof value[2] === 'string';
const isOffset = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function pageSize(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw invalidField(
      'first',
      `moet 1 tot en met ${MAX_PAGE_SIZE} zijn`,
      `must be from 1 to ${MAX_PAGE_SIZE}`,
    );
  }
  return first;
}

const deadLetterId = (key: DeliveryKey) => encode([key.intentId, key.channel, key.address]);

export function createNotificationsApi(deps: NotificationsApiDependencies): NotificationsApi {
  const { db, clock } = deps;

  const scopeOf = (actor: AuthenticatedActor) => {
    const scope = manageableOrganisation(actor);
    if (scope === false) {
      throw forbidden(
        'Uw rol kan meldingen niet beheren.',
        'Your role cannot manage notifications.',
      );
    }
    return scope;
  };

  const requireDirectoryAccess = (actor: AuthenticatedActor) => {
    if (!mayManageRecipientDirectory(actor)) {
      throw forbidden(
        'Alleen een platformbeheerder kan de adressen voor meldingen beheren.',
        'Only a platform admin can manage where notifications are sent.',
      );
    }
  };

  return {
    async inbox(actor, options) {
      const after = options.after ? decode(options.after, 'after', isInboxCursor) : null;
      const cursor: InboxCursor | null = after
        ? { createdAt: new Date(after[0]), id: after[1] }
        : null;
      if (cursor && Number.isNaN(cursor.createdAt.getTime()))
        throw invalidField('after', 'is niet geldig', 'is not valid');
      const page = await readInbox(db, actor, {
        unreadOnly: options.unreadOnly,
        first: pageSize(options.first),
        after: cursor,
      });
      return {
        ...page,
        messages: page.messages.map((message) => ({
          ...message,
          cursor: encode([message.createdAt.toISOString(), message.id]),
        })),
      };
    },

    async markNotificationRead(actor, id) {
      const message = await markInboxMessageRead(db, actor, id, clock());
      // Not found and not yours look the same, so ids of others' messages cannot be probed.
      if (!message) throw notFound(`Melding ${id} niet gevonden.`, `Notification ${id} not found.`);
      return message;
    },

    async createWebhookSubscription(actor, input) {
      const organisation = input.organisation ?? actor.organisation;
      if (!mayManageWebhooksOf(actor, organisation)) {
        throw forbidden(
          `U kunt de webhooks van ${organisation} niet beheren.`,
          `You cannot manage webhooks of ${organisation}.`,
        );
      }
      const filters: WebhookFilters = {
        eventTypes: input.eventTypes ?? [],
        rules: input.rules ?? [],
        municipalities: input.municipalities ?? [],
        caseIds: input.caseIds ?? [],
      };
      const problems = [
        ...(await callbackUrlProblems(
          input.callbackUrl,
          deps.callbackAddressPolicy,
          deps.resolveHost,
        )),
        ...filterProblems(filters),
      ];
      if (problems.length > 0) throw invalidInput(problems);
      const subscription = newSubscription(
        organisation,
        input.callbackUrl,
        filters,
        actor.id,
        clock(),
      );
      const test = await deps.webhooks.post(
        subscription.callbackUrl,
        subscription.secret,
        subscriptionTestEvent(subscription.id, organisation, subscription.createdAt, deps.source),
      );
      if (!test.ok) {
        throw invalidField(
          'callbackUrl',
          `de testaflevering is mislukt: ${test.reason.nl}; het abonnement is niet opgeslagen`,
          `the test delivery failed: ${test.reason.en}; the subscription was not saved`,
        );
      }
      await db.transaction((tx) => saveSubscription(tx, subscription));
      return subscription;
    },

    async webhookSubscriptions(actor, organisation) {
      const scope = scopeOf(actor);
      const wanted = organisation ?? actor.organisation;
      if (scope !== null && scope !== wanted) {
        throw forbidden(
          `U kunt de webhooks van ${wanted} niet inzien.`,
          `You cannot see webhooks of ${wanted}.`,
        );
      }
      return (await activeSubscriptionsOf(db, wanted)).map(withoutSecret);
    },

    async deleteWebhookSubscription(actor, id) {
      const removed = await deactivateSubscription(db, id, scopeOf(actor));
      if (!removed)
        throw notFound(
          `Webhookabonnement ${id} niet gevonden.`,
          `Webhook subscription ${id} not found.`,
        );
      return true;
    },

    async deadLetters(actor, options) {
      const offset = options.after ? decode(options.after, 'after', isOffset) : 0;
      const first = pageSize(options.first);
      const page = await listDeadLetters(db, scopeOf(actor), { first, offset });
      return {
        hasNextPage: page.hasNextPage,
        deadLetters: page.deadLetters.map((deadLetter, index) => ({
          ...deadLetter,
          id: deadLetterId(deadLetter),
          cursor: encode(offset + index + 1),
        })),
      };
    },

    async retryDeadLetter(actor, id) {
      const scope = scopeOf(actor);
      const [intentId, channel, address] = decode(id, 'id', isDeliveryKey);
      await deps.recordOutcomes();
      const retried = await retryDeadLetter(db, { intentId, channel, address }, scope, clock());
      if (!retried)
        throw notFound(`Onbestelbaar bericht ${id} niet gevonden.`, `Dead letter ${id} not found.`);
      return true;
    },

    async notificationRecipients(actor, organisation) {
      requireDirectoryAccess(actor);
      return listRecipients(db, organisation ?? null);
    },

    async setNotificationRecipient(actor, input) {
      requireDirectoryAccess(actor);
      const email = input.email?.trim() ? input.email.trim() : null;
      const entry: RecipientEntry = {
        organisation: input.organisation.trim(),
        role: input.role,
        personId: input.personId?.trim() || ANY_PERSON,
        displayName: input.displayName.trim(),
        email,
        language: input.language ?? 'nl',
        channels: (input.channels ?? (email ? ['email'] : [])) as OptionalChannel[],
      };
      const problems = recipientProblems(entry);
      if (problems.length > 0) throw invalidInput(problems);
      await db.transaction((tx) => upsertRecipients(tx, [entry]));
      return entry;
    },

    async removeNotificationRecipient(actor, key) {
      requireDirectoryAccess(actor);
      if (!(await removeRecipient(db, key))) {
        const name = `${key.organisation}/${key.role}/${key.personId}`;
        throw notFound(`Geen adres voor ${name}.`, `No directory entry for ${name}.`);
      }
      return true;
    },
  };
}
