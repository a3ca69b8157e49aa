import { tracingSettings } from './tracingSettings';

describe('whether a process exports traces', () => {
  it('sends nothing anywhere unless an OTLP endpoint is named, as in the embedded demo', () => {
    expect(tracingSettings({})).toEqual({ enabled: false, why: 'no OTEL_EXPORTER_OTLP_ENDPOINT' });
  });

  it('exports over OTLP to the endpoint the standard variables name', () => {
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toEqual({
      enabled: true,
    });
    expect(
      tracingSettings({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' }),
    ).toEqual({ enabled: true });
  });

  it('stays off when the operator switches the SDK or the trace exporter off, and says why', () => {
    const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' };
    expect(tracingSettings({ ...endpoint, OTEL_SDK_DISABLED: 'true' })).toEqual({
      enabled: false,
      why: 'OTEL_SDK_DISABLED=true',
    });
    expect(tracingSettings({ ...endpoint, OTEL_TRACES_EXPORTER: 'none' })).toEqual({
      enabled: false,
      why: 'OTEL_TRACES_EXPORTER=none',
    });
    expect(tracingSettings({ ...endpoint, OTEL_TRACES_EXPORTER: 'zipkin' })).toEqual({
      enabled: false,
      why: 'OTEL_TRACES_EXPORTER=zipkin: only otlp is supported',
    });
  });
});
