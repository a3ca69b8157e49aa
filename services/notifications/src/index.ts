// @kot/notifications: notification intents from case events and deadlines, delivered to the
// in-app inbox, by e-mail and by webhook, with every outcome on record; and the Kafka bridge.

export {
  createNotificationsService,
  type NotificationsService,
  type NotificationsServiceDependencies,
  type NotificationFeed,
  type NotificationsRoles,
  type DispatchResult,
} from './service/createNotificationsService';
export type { AuthenticatedActor, Authenticator, Clock, Logger } from './service/dependencies';
export type { NotificationsApi, WebhookSubscriptionInput } from './service/notificationsApi';
export { PLATFORM_ADMIN } from '@kot/domain';
export {
  loadNotificationsConfig,
  NotificationsConfigError,
  type NotificationsConfig,
} from './config/notificationsConfig';

export { migrateNotifications } from './storage/notificationsSchema';
export { seedRecipientDirectory } from './recipients/seedRecipientDirectory';
export type { RecipientEntry, Language } from './recipients/recipientDirectory';
export { organisationListed } from './recipients/recipientDirectory';

export type { EmailConfig, MailTransportConfig } from './channels/email/emailSender';
export type { CallbackAddressPolicy } from './channels/webhooks/callbackAddressPolicy';
export type { CloudEvent } from './channels/webhooks/cloudEvent';
export {
  REPLAY_WINDOW_SECONDS,
  verifyWebhook,
  webhookHeaders,
  type WebhookVerification,
} from './channels/webhooks/webhookSignature';
export { TemplateError } from './templates/compileTemplates';

export {
  notificationStreamId,
  notificationEventTypes,
  type NotificationEvent,
  type NotificationDelivered,
  type NotificationFailed,
} from './recording/notificationEvents';

export type { MessageBus, BusMessage, ReceivedMessage, BusConsumer } from './bus/messageBus';
export { createInProcessBus, type InProcessBus } from './bus/inProcessBus';
export { createKafkaBus, type KafkaBusOptions } from './bus/kafkaBus';
export { startEventRelay, RELAY_SUBSCRIBER, type RelayOptions } from './bus/relayEvents';
export { fromBusMessage, toBusMessage, partitionKeyOf } from './bus/eventEnvelope';
/** The checkpoint name of the rules subscriber (store mode), e.g. for operators moving it. */
export { RULES_SUBSCRIBER } from './outbox/subscribeToStore';
export { adoptHistoryAsNotified } from './outbox/adoptHistory';
export {
  notificationsSchemaForPublication,
  publishedSchemaFile,
} from './contracts/publishedSchema';
