// The portal's own probes. /healthz: the process answers. /readyz: ready only when every service
// behind it answers its own /readyz, so a load balancer sends no one to a portal that can show
// nothing; the answer names each service and whether it is ready.

import type { ServerResponse } from 'node:http';

export interface Upstreams {
  /** Name → the service's GraphQL URL; its /readyz is on the same origin. */
  [service: string]: URL;
}

const PROBE_TIMEOUT_MS = 2_000;

async function probe(graphqlUrl: URL): Promise<{ ok: boolean; detail?: string }> {
  const readyz = new URL('/readyz', graphqlUrl);
  try {
    const answer = await fetch(readyz, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    return answer.ok ? { ok: true } : { ok: false, detail: `not ready (HTTP ${answer.status})` };
  } catch {
    return { ok: false, detail: 'not reachable' };
  }
}

export function answerHealth(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ status: 'ok', service: 'portal' }));
}

export async function answerReadiness(res: ServerResponse, upstreams: Upstreams): Promise<void> {
  const names = Object.keys(upstreams);
  const results = await Promise.all(names.map((name) => probe(upstreams[name]!)));
  const checks = Object.fromEntries(names.map((name, i) => [name, results[i]]));
  const ready = results.every((result) => result.ok);
  res.writeHead(ready ? 200 : 503, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify({ service: 'portal', ready, checks }));
}
