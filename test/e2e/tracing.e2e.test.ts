// One command, one trace: from the HTTP request through the command, the append, both
// projections and the notification's webhook delivery, every span in the same trace and each one's
// parent among them. The spans are caught with the SDK's in-memory exporter, started the way a
// service's main starts tracing; the webhook receiver sees the trace in the CloudEvent
// (distributed-tracing extension) and in the W3C traceparent header.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SpanStatusCode } from '@kot/platform';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startTracing, type Tracing } from '@kot/tracing';
import { family, horizonOffice } from './families';
import { overHttp, type OverHttp } from './overHttp';
import { startEmbeddedPlatform, type PlatformUnderTest } from './platformUnderTest';

const WAIT_MS = 15_000;
const POLL_MS = 50;

interface Received {
  body: { subject?: string; traceparent?: string };
  traceparentHeader: string | undefined;
}

const exporter = new InMemorySpanExporter();
let tracing: Tracing;
let platform: PlatformUnderTest;
let http: OverHttp;
let receiver: Server;
const received: Received[] = [];

beforeAll(async () => {
  tracing = startTracing({ service: 'all-in-one', exporter });
  platform = await startEmbeddedPlatform();
  http = overHttp(platform);
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Received['body'],
        traceparentHeader: request.headers['traceparent'] as string | undefined,
      });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const { port } = receiver.address() as AddressInfo;
  const created = await http.query('bewindvoerder', subscribe, {
    input: { callbackUrl: `http://127.0.0.1:${port}/kot`, rules: ['case-offered'] },
  });
  expect(created.errors).toEqual([]);
}, 60_000);

afterAll(async () => {
  await new Promise<void>((resolve) => receiver?.close(() => resolve()));
  await platform?.close();
  await tracing?.shutdown();
}, 30_000);

const subscribe = `mutation Subscribe($input: CreateWebhookSubscriptionInput!) {
  createWebhookSubscription(input: $input) { secret }
}`;

/** GraphQL enum names (ROUTE_TO_WORK) as the REST intake takes them: the domain's values. */
const restBody = (value: unknown): unknown => {
  if (typeof value === 'string' && /^[A-Z][A-Z_]*$/.test(value)) {
    return value.toLowerCase().replace(/_/g, '-');
  }
  if (Array.isArray(value)) return value.map(restBody);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, restBody(item)]));
  }
  return value;
};
const referralOf = (f: ReturnType<typeof family>) =>
  restBody(f.referral) as Record<string, unknown>;

const traceIdOf = (traceparent: string | undefined) => traceparent?.split('-')[1];

/** The spans of the trace the request to `route` started, once `done` says it is complete. */
async function traceOfRequest(
  route: string,
  done: (spans: ReadableSpan[]) => boolean,
): Promise<ReadableSpan[]> {
  let spans: ReadableSpan[] = [];
  const deadline = Date.now() + WAIT_MS;
  for (let tries = 0; tries < WAIT_MS / POLL_MS && Date.now() < deadline; tries++) {
    const finished = exporter.getFinishedSpans();
    const edge = finished.find((span) => span.name === `POST ${route}`);
    spans = edge
      ? finished.filter((span) => span.spanContext().traceId === edge.spanContext().traceId)
      : [];
    if (edge && done(spans)) return spans;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`the trace was not complete: ${spans.map((span) => span.name).join(', ')}`);
}

const names = (spans: ReadableSpan[]) => new Set(spans.map((span) => span.name));

/** One root, and every other span's parent is in the trace: nothing hangs loose. */
function expectConnected(spans: ReadableSpan[]): void {
  const ids = new Set(spans.map((span) => span.spanContext().spanId));
  const roots = spans.filter((span) => !span.parentSpanContext);
  expect(roots.map((span) => span.name)).toEqual(['POST /commands/:name']);
  const loose = spans.filter(
    (span) => span.parentSpanContext && !ids.has(span.parentSpanContext.spanId),
  );
  expect(loose.map((span) => span.name)).toEqual([]);
}

describe('tracing a command across the platform', () => {
  it('connects the request, the command, the append and both projections in the trace of a new referral', async () => {
    const f = family();
    exporter.reset();
    const opened = await http.post('smi-officer-utrecht', 'OpenReferral', referralOf(f));
    expect(opened.status).toBe(201);
    const spans = await traceOfRequest('/commands/:name', (trace) =>
      ['project case-summary', 'project case-history', 'plan notifications'].every((name) =>
        names(trace).has(name),
      ),
    );
    expect(names(spans)).toEqual(
      new Set([
        'POST /commands/:name',
        'command OpenReferral',
        'append',
        'project case-summary',
        'project case-history',
        'plan notifications',
      ]),
    );
    expectConnected(spans);
    const parentName = (name: string) => {
      const span = spans.find((s) => s.name === name)!;
      return spans.find((s) => s.spanContext().spanId === span.parentSpanContext?.spanId)?.name;
    };
    expect(parentName('command OpenReferral')).toBe('POST /commands/:name');
    expect(parentName('append')).toBe('command OpenReferral');
    // Readers continue the trace from the traceparent stored in the event's metadata.
    expect(parentName('project case-summary')).toBe('append');
    expect(parentName('plan notifications')).toBe('append');
  });

  it('reaches the webhook delivery of the notification the command causes, and tells the receiver the trace', async () => {
    const f = family();
    await http.carryOut('smi-officer-utrecht', 'OpenReferral', referralOf(f), 'rest');
    // Every reader has handled the referral, so the next batches hold only the offer's events.
    await traceOfRequest('/commands/:name', (trace) => names(trace).has('plan notifications'));
    exporter.reset();

    const offered = await http.post('smi-officer-utrecht', 'OfferCase', {
      caseId: f.caseId,
      to: restBody(horizonOffice),
    });
    expect(offered.status).toBe(200);
    const spans = await traceOfRequest('/commands/:name', (trace) =>
      names(trace).has('deliver webhook'),
    );
    expect([...names(spans)]).toEqual(
      expect.arrayContaining([
        'POST /commands/:name',
        'command OfferCase',
        'append',
        'project case-summary',
        'project case-history',
        'plan notifications',
        'deliver webhook',
      ]),
    );
    expectConnected(spans);

    const traceId = spans[0]!.spanContext().traceId;
    const delivered = received.find((call) => call.body.subject === f.caseId);
    expect(traceIdOf(delivered?.body.traceparent)).toBe(traceId);
    expect(delivered?.traceparentHeader).toBe(delivered?.body.traceparent);
    const deliverySpan = spans.find((span) => span.name === 'deliver webhook')!;
    expect(delivered?.body.traceparent).toContain(deliverySpan.spanContext().spanId);
  });

  it('traces a refused command as an answer, not as a failure of the platform', async () => {
    exporter.reset();
    const refused = await http.post('smi-officer-utrecht', 'OfferCase', {
      caseId: family().caseId,
      to: restBody(horizonOffice),
    });
    expect(refused.status).toBe(404);
    const spans = await traceOfRequest('/commands/:name', (trace) =>
      names(trace).has('command OfferCase'),
    );
    const command = spans.find((span) => span.name === 'command OfferCase')!;
    expect(command.status.code).toBe(SpanStatusCode.UNSET);
    expect(names(spans).has('append')).toBe(false);
  });
});
