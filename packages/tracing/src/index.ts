// @kot/tracing: starts OpenTelemetry in a process that runs a service. Only a main imports it.
export { startTracing, type Tracing, type TracingOptions } from './startTracing';
export { tracingSettings, type TracingSettings } from './tracingSettings';
