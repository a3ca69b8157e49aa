// Whether a process exports traces, read from the standard OpenTelemetry variables only, so an
// operator configures it as any other OpenTelemetry process. Off unless an OTLP endpoint is named:
// the embedded demo and a developer's machine send nothing anywhere.

export type TracingSettings = { enabled: false; why: string } | { enabled: true };

export function tracingSettings(env: NodeJS.ProcessEnv): TracingSettings {
  if (env['OTEL_SDK_DISABLED']?.trim().toLowerCase() === 'true') {
    return { enabled: false, why: 'OTEL_SDK_DISABLED=true' };
  }
  const exporters = (env['OTEL_TRACES_EXPORTER'] ?? 'otlp').split(',').map((e) => e.trim());
  if (exporters.includes('none')) return { enabled: false, why: 'OTEL_TRACES_EXPORTER=none' };
  if (!exporters.includes('otlp')) {
    return {
      enabled: false,
      why: `OTEL_TRACES_EXPORTER=${env['OTEL_TRACES_EXPORTER']}: only otlp is supported`,
    };
  }
  if (!env['OTEL_EXPORTER_OTLP_ENDPOINT'] && !env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']) {
    return { enabled: false, why: 'no OTEL_EXPORTER_OTLP_ENDPOINT' };
  }
  return { enabled: true };
}
