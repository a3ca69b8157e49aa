// The delivery record events are the domain's (projections read them for the case history); this
// service appends them with ids derived from the outcome, so a re-append after a crash is a no-op.
import { deterministicUuid } from '@kot/platform';

export {
  NOTIFICATION_STREAM_PREFIX,
  notificationEventTypes,
  notificationStreamId,
  type DeliveryChannel,
  type NotificationDelivered,
  type NotificationEvent,
  type NotificationFailed,
} from '@kot/domain';

export const deterministicEventId = (name: string): string => deterministicUuid([name]);
