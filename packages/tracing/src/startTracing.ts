// The OpenTelemetry SDK, started where a process starts (a service's main, the launcher). The
// libraries only use @opentelemetry/api; this registers the tracer provider they find, the
// AsyncLocalStorage context that carries the active span through awaits, and the W3C
// traceparent propagator. The OTLP/HTTP exporter reads its endpoint, headers and timeout from
// the standard OTEL_EXPORTER_OTLP_* variables, the sampler OTEL_TRACES_SAMPLER, the resource
// OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES.

import { context, propagation, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  SimpleSpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-node';
import { tracingSettings } from './tracingSettings';

export interface Tracing {
  enabled: boolean;
  /** Why not, when not enabled: for the start-up log line. */
  why?: string;
  /** Sends what is buffered and unregisters; call before the process exits. */
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  /** service.name, unless OTEL_SERVICE_NAME says otherwise. */
  service: string;
  env?: NodeJS.ProcessEnv;
  /** Instead of OTLP (tests: an InMemorySpanExporter); every span is handed over when it ends. */
  exporter?: SpanExporter;
}

export function startTracing(options: TracingOptions): Tracing {
  const env = options.env ?? process.env;
  const settings = options.exporter ? { enabled: true as const } : tracingSettings(env);
  if (!settings.enabled) return { enabled: false, why: settings.why, shutdown: async () => {} };
  const processor = options.exporter
    ? new SimpleSpanProcessor(options.exporter)
    : new BatchSpanProcessor(new OTLPTraceExporter());
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.service }).merge(
      detectResources({ detectors: [envDetector] }),
    ),
    spanProcessors: [processor],
  });
  provider.register();
  return {
    enabled: true,
    async shutdown() {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
