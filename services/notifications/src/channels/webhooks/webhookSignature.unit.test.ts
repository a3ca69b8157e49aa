import {
  REPLAY_WINDOW_SECONDS,
  newWebhookSecret,
  signWebhook,
  verifyWebhook,
  webhookSignatureHeaders,
} from './webhookSignature';

const sentAt = new Date('2026-12-07T10:00:00.000Z');
const body = JSON.stringify({ id: 'kot-decided:evt-1', type: 'nl.kot-referral.kot-decided' });
const secret = newWebhookSecret();
const headers = webhookSignatureHeaders(secret, 'kot-decided:evt-1', sentAt, body);
const seconds = (n: number) => new Date(sentAt.getTime() + n * 1000);

describe('a webhook receiver verifying by the Standard Webhooks scheme', () => {
  it('computes the signature the scheme publishes for its own example', () => {
    // The example in the Standard Webhooks specification: this secret, id, timestamp and body.
    expect(
      signWebhook(
        'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        'msg_p5jXN8AQM9LWM0D4loKWxJek',
        1614265330,
        '{"test": 2432232314}',
      ),
    ).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('gets a whsec_ secret of 32 random bytes and the id, timestamp and v1 signature headers', () => {
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
    expect(headers).toEqual({
      'webhook-id': 'kot-decided:evt-1',
      'webhook-timestamp': String(sentAt.getTime() / 1000),
      'webhook-signature': expect.stringMatching(/^v1,[A-Za-z0-9+/]{43}=$/),
    });
  });

  it('accepts a delivery as it was sent, also a little later or with a slightly fast clock', () => {
    expect(verifyWebhook(secret, headers, body, sentAt)).toEqual({
      ok: true,
      id: 'kot-decided:evt-1',
    });
    expect(verifyWebhook(secret, headers, body, seconds(REPLAY_WINDOW_SECONDS)).ok).toBe(true);
    expect(verifyWebhook(secret, headers, body, seconds(-30)).ok).toBe(true);
  });

  it('accepts it while a secret is rotated and the header carries two signatures', () => {
    const other = webhookSignatureHeaders(newWebhookSecret(), 'kot-decided:evt-1', sentAt, body);
    const both = {
      ...headers,
      'webhook-signature': `${other['webhook-signature']} ${headers['webhook-signature']}`,
    };
    expect(verifyWebhook(secret, both, body, sentAt).ok).toBe(true);
  });

  it('refuses a changed body, another secret, another id or a moved timestamp', () => {
    const refused = { ok: false, reason: 'signature-mismatch' };
    expect(verifyWebhook(secret, headers, body.replace('evt-1', 'evt-2'), sentAt)).toEqual(refused);
    expect(verifyWebhook(newWebhookSecret(), headers, body, sentAt)).toEqual(refused);
    expect(verifyWebhook(secret, { ...headers, 'webhook-id': 'other' }, body, sentAt)).toEqual(
      refused,
    );
    const moved = { ...headers, 'webhook-timestamp': String(sentAt.getTime() / 1000 + 60) };
    expect(verifyWebhook(secret, moved, body, sentAt)).toEqual(refused);
  });

  it('refuses a captured delivery sent again after the replay window, or dated in the future', () => {
    const outside = { ok: false, reason: 'outside-replay-window' };
    expect(verifyWebhook(secret, headers, body, seconds(REPLAY_WINDOW_SECONDS + 1))).toEqual(
      outside,
    );
    expect(verifyWebhook(secret, headers, body, seconds(-(REPLAY_WINDOW_SECONDS + 1)))).toEqual(
      outside,
    );
  });

  it('refuses a delivery without the headers or with a timestamp that is not a number', () => {
    const missing = { ok: false, reason: 'headers-missing' };
    expect(verifyWebhook(secret, {}, body, sentAt)).toEqual(missing);
    const { ['webhook-signature']: _signature, ...unsigned } = headers;
    expect(verifyWebhook(secret, unsigned, body, sentAt)).toEqual(missing);
    expect(
      verifyWebhook(secret, { ...headers, 'webhook-timestamp': 'soon' }, body, sentAt),
    ).toEqual(missing);
  });
});
