// The HTTP edge of a trace: a server span per request that continues the caller's W3C traceparent
// header, and is the active span for everything the request causes (the command, the append).

import type { Request, RequestHandler } from 'express';
import { SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';

export function httpSpans(routeOf: (req: Request, status: number) => string): RequestHandler {
  const tracer = trace.getTracer('kot-referral-platform');
  return (req, res, next) => {
    const parent = propagation.extract(context.active(), req.headers);
    const span = tracer.startSpan(
      req.method,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method } },
      parent,
    );
    res.on('finish', () => {
      const route = routeOf(req, res.statusCode);
      // The route pattern, never the path: paths and query strings can carry anything.
      span.updateName(`${req.method} ${route}`);
      span.setAttributes({ 'http.route': route, 'http.response.status_code': res.statusCode });
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    res.on('close', () => {
      if (!res.writableFinished) span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
}
