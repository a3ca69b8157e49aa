// Spans through the OpenTelemetry API only: a library never starts an SDK. Without one (the
// embedded demo, the tests that do not ask for traces) every call here is a cheap no-op and no
// traceparent is written anywhere. The process's main starts the SDK (@kot/tracing).

import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  context,
  propagation,
  trace,
  type Attributes,
  type Context,
  type Link,
  type Span,
} from '@opentelemetry/api';

export { SpanKind, SpanStatusCode, type Span };

const tracer = () => trace.getTracer('kot-referral-platform');

export interface SpanOptions {
  kind?: SpanKind;
  attributes?: Attributes;
  /** The context to continue; the active one when left out. */
  parent?: Context;
  links?: Link[];
  /** Whether a thrown error is a failure of the work; an expected refusal is not. Default: yes. */
  isFailure?: (error: unknown) => boolean;
}

/** Runs `work` in a new active span that ends when it settles, marked as an error when it fails. */
export function inSpan<T>(
  name: string,
  options: SpanOptions,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const { parent, isFailure = () => true, ...spanOptions } = options;
  return tracer().startActiveSpan(name, spanOptions, parent ?? context.active(), async (span) => {
    try {
      return await work(span);
    } catch (error) {
      if (isFailure(error)) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The W3C traceparent of the active span, or undefined when nothing is traced. */
export function activeTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier['traceparent'];
}

/** The context a traceparent continues (the root context when there is none). */
export function contextOfTraceparent(traceparent: string | undefined | null): Context {
  if (!traceparent) return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, { traceparent });
}

/** The traceparent carried in an event's metadata, when it has one. */
export function traceparentOf(metadata: object): string | undefined {
  const value = (metadata as { traceparent?: unknown }).traceparent;
  return typeof value === 'string' ? value : undefined;
}

/**
 * A batch of events from many requests is handled as one unit of work: its span continues the
 * trace of the first traced event and links to the traces of the others, so each request's trace
 * reaches the work its events caused.
 */
export function batchSpanOptions(
  traceparents: ReadonlyArray<string | undefined>,
  attributes: Attributes,
): SpanOptions {
  const contexts = [...new Set(traceparents.filter((t): t is string => Boolean(t)))].map(
    contextOfTraceparent,
  );
  const [first, ...others] = contexts;
  const links = others.flatMap((other) => {
    const spanContext = trace.getSpanContext(other);
    return spanContext ? [{ context: spanContext }] : [];
  });
  return {
    kind: SpanKind.CONSUMER,
    attributes,
    parent: first ?? ROOT_CONTEXT,
    ...(links.length > 0 ? { links } : {}),
  };
}
