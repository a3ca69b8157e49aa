// CloudEvents 1.0 in the structured JSON format: the body of every webhook and of every Kafka
// message. The direction of the Dutch Notificaties API 2.0.

export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json; charset=utf-8';
export const TYPE_PREFIX = 'nl.kot-referral';

export interface CloudEvent<Data = unknown> {
  specversion: '1.0';
  /** Unique per source; receivers deduplicate on it. */
  id: string;
  source: string;
  type: string;
  subject?: string;
  time: string;
  datacontenttype: 'application/json';
  data: Data;
  /**
   * The CloudEvents distributed-tracing extension: the W3C trace context of the sending span, so
   * a receiver can continue the trace. Absent when nothing is traced.
   */
  traceparent?: string;
}

export function cloudEvent<Data>(
  fields: Omit<CloudEvent<Data>, 'specversion' | 'datacontenttype' | 'traceparent'>,
  traceparent?: string,
): CloudEvent<Data> {
  return {
    specversion: '1.0',
    datacontenttype: 'application/json',
    ...fields,
    ...(traceparent ? { traceparent } : {}),
  };
}
