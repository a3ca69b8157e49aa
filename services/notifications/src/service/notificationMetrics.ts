// The service's own Prometheus counters, on the registry of the HTTP app's /metrics. Labels are
// rules only: never organisations or people (households alone would make them unbounded).

import { Counter, type Registry } from 'prom-client';

export interface NotificationMetrics {
  /** Notifications that reached only the inbox: e-mail is on, the recipient has no address. */
  withoutEmailAddress(rule: string, count: number): void;
  /** Kafka messages set aside because they were not a recorded event in a CloudEvent. */
  busMessageSetAside(): void;
  /** Cases whose delivery outcomes could not be appended this round (retried with back-off). */
  recordingFailed(cases: number): void;
}

export function createNotificationMetrics(registry: Registry | null): NotificationMetrics {
  if (!registry) {
    return {
      withoutEmailAddress: () => undefined,
      busMessageSetAside: () => undefined,
      recordingFailed: () => undefined,
    };
  }
  const withoutEmail = new Counter({
    name: 'kot_notifications_without_email_address_total',
    help: 'Notifications delivered to the inbox only, because the recipient has no e-mail address in the directory',
    labelNames: ['rule'],
    registers: [registry],
  });
  const setAside = new Counter({
    name: 'kot_notifications_bus_messages_set_aside_total',
    help: 'Kafka messages that were not a recorded event in a CloudEvent, kept in notification_bus_dead_letters',
    registers: [registry],
  });
  const recordFailures = new Counter({
    name: 'kot_notifications_record_failures_total',
    help: 'Cases whose delivery outcomes could not be appended to the log (retried with back-off)',
    registers: [registry],
  });
  return {
    withoutEmailAddress: (rule, count) => withoutEmail.inc({ rule }, count),
    busMessageSetAside: () => setAside.inc(),
    recordingFailed: (cases) => recordFailures.inc(cases),
  };
}
