// Prometheus metrics of one service. Each call makes its own registry, so services composed in
// one process (the embedded launcher) never clash over metric names.

import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  readonly registry: Registry;
  /** Called by the HTTP app for every answered request. */
  requestAnswered(method: string, route: string, status: number, seconds: number): void;
  /** outcome: accepted, replayed, or a refusal/failure code (forbidden, invalid-input, conflict, …). */
  commandHandled(commandType: string, outcome: string): void;
  /** Events written to the store; Prometheus derives the append rate. */
  eventsAppended(count: number): void;
  /** Time from an event's append to its effect being visible in a read model. */
  projectionLagObserved(projection: string, seconds: number): void;
  /** How many events a projection still has to process. */
  projectionBehind(projection: string, events: number): void;
}

export interface MetricsOptions {
  /** Process metrics (memory, event loop lag, …); on by default. */
  processMetrics?: boolean;
}

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });

  const requestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer an HTTP request',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const commands = new Counter({
    name: 'kot_commands_total',
    help: 'Commands handled, by type and outcome',
    labelNames: ['command', 'outcome'],
    registers: [registry],
  });
  const appended = new Counter({
    name: 'kot_events_appended_total',
    help: 'Events appended to the event store',
    registers: [registry],
  });
  const lag = new Histogram({
    name: 'kot_projection_lag_seconds',
    help: 'Time from append to visible in a read model',
    labelNames: ['projection'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 30],
    registers: [registry],
  });
  const behind = new Gauge({
    name: 'kot_projection_behind_events',
    help: 'Events a projection still has to process',
    labelNames: ['projection'],
    registers: [registry],
  });

  return {
    registry,
    requestAnswered: (method, route, status, seconds) =>
      requestDuration.observe({ method, route, status: String(status) }, seconds),
    commandHandled: (command, outcome) => commands.inc({ command, outcome }),
    eventsAppended: (count) => appended.inc(count),
    projectionLagObserved: (projection, seconds) => lag.observe({ projection }, seconds),
    projectionBehind: (projection, events) => behind.set({ projection }, events),
  };
}
