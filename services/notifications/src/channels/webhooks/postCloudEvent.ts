// One webhook call: POST the CloudEvent, signed. Any 2xx is delivered; anything else (or no answer
// in time) is a failed attempt that the delivery ledger retries with back-off.

import type { Fetch } from '../../service/dependencies';
import { CLOUDEVENTS_CONTENT_TYPE, type CloudEvent } from './cloudEvent';
import { SIGNATURE_HEADER, signBody } from './webhookSignature';

export type PostOutcome = { ok: true; status: number } | { ok: false; error: string };

export async function postCloudEvent(
  fetch: Fetch,
  url: string,
  secret: string,
  event: CloudEvent,
  timeoutMs: number,
): Promise<PostOutcome> {
  const body = JSON.stringify(event);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': CLOUDEVENTS_CONTENT_TYPE,
        [SIGNATURE_HEADER]: signBody(secret, body),
        'user-agent': 'kot-referral-notifications/1',
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    // The body is not needed; reading it frees the connection for reuse.
    await response.arrayBuffer().catch(() => undefined);
    return response.status >= 200 && response.status < 300
      ? { ok: true, status: response.status }
      : { ok: false, error: `HTTP ${response.status}` };
  } catch (error) {
    const name = (error as Error).name;
    return {
      ok: false,
      error:
        name === 'TimeoutError'
          ? `no answer within ${timeoutMs} ms`
          : `${name}: ${(error as Error).message}`,
    };
  }
}
