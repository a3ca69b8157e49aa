// A stored event as a Kafka message: a CloudEvent (the same envelope as the webhooks) whose data
// is the recorded event, personal fields still encrypted as they are in the log. The key is the
// case id, so all events of a case, its notification records included, keep their order. The
// CloudEvents Kafka binding in structured mode: the whole CloudEvent is the value, and the record
// header `content-type` says so.

import type { RecordedEvent } from '@kot/eventstore';
import {
  CLOUDEVENTS_CONTENT_TYPE,
  TYPE_PREFIX,
  cloudEvent,
  type CloudEvent,
} from '../channels/webhooks/cloudEvent';
import { traceparentOf } from '../platformPort';
import type { BusMessage } from './messageBus';

export const EVENTSTORE_SOURCE = 'urn:nl:kot-referral:eventstore';

/** `case-<id>` and `notifications-<id>` both belong to case <id>; other streams key by their name. */
export function partitionKeyOf(streamId: string): string {
  const match = /^(?:case|notifications)-(.+)$/.exec(streamId);
  return match?.[1] ?? streamId;
}

export const toCloudEvent = (event: RecordedEvent): CloudEvent<RecordedEvent> =>
  cloudEvent(
    {
      id: event.eventId,
      source: EVENTSTORE_SOURCE,
      type: `${TYPE_PREFIX}.event.${event.type}`,
      subject: partitionKeyOf(event.streamId),
      time: event.metadata.recordedAt,
      data: event,
    },
    traceparentOf(event.metadata),
  );

/** The event's trace goes along as the W3C `traceparent` record header, as well as in the value. */
export const toBusMessage = (event: RecordedEvent): BusMessage => {
  const traceparent = traceparentOf(event.metadata);
  return {
    key: partitionKeyOf(event.streamId),
    value: JSON.stringify(toCloudEvent(event)),
    headers: {
      'content-type': CLOUDEVENTS_CONTENT_TYPE,
      ...(traceparent ? { traceparent } : {}),
    },
  };
};

export class EnvelopeError extends Error {
  constructor(reason: string) {
    super(`Not a recorded event in a CloudEvent: ${reason}`);
    this.name = 'EnvelopeError';
  }
}

export function fromBusMessage(value: string): RecordedEvent {
  let envelope: Partial<CloudEvent<Partial<RecordedEvent>>>;
  try {
    envelope = JSON.parse(value) as typeof envelope;
  } catch {
    throw new EnvelopeError('not JSON');
  }
  if (envelope.specversion !== '1.0') throw new EnvelopeError('specversion is not 1.0');
  const data = envelope.data;
  if (
    !data ||
    typeof data.eventId !== 'string' ||
    data.eventId !== envelope.id ||
    typeof data.streamId !== 'string' ||
    typeof data.revision !== 'number' ||
    typeof data.position !== 'number' ||
    typeof data.type !== 'string' ||
    typeof data.schemaVersion !== 'number' ||
    typeof data.data !== 'object' ||
    typeof data.metadata !== 'object'
  ) {
    throw new EnvelopeError(
      'data lacks eventId, streamId, revision, position, type, schemaVersion, data or metadata',
    );
  }
  return data as RecordedEvent;
}
