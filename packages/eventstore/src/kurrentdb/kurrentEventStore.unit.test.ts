// The KurrentDB adapter against a FAKE of the server and client (fakeKurrentServer.ts), which
// throws the client's own error classes. These tests prove the adapter's handling of each case;
// only kurrentEventStore.int.test.ts, against a real KurrentDB, proves the server behaves so.
import {
  AppendFailedError,
  EventTooLargeError,
  InvalidEventError,
  StreamDeletedError,
  WrongExpectedRevisionError,
} from '../errors';
import type { RecordedEvent } from '../eventStore';
import { newEvent, newEvents } from '../contract/contractFixtures';
import { FakeKurrentServer } from './fakeKurrentServer';
import { createKurrentEventStore, type KurrentEventStoreOptions } from './kurrentEventStore';
import { kurrentTamperCases } from './kurrentTamperCases';

const instant = { sleep: async () => undefined, random: () => 0.5 };

function storeOn(server: FakeKurrentServer, options: KurrentEventStoreOptions = {}) {
  return createKurrentEventStore(server.client(), { timing: instant, ...options });
}

describe('appending to KurrentDB', () => {
  it('answers a retry of an append whose acknowledgement was lost with the original result, also while the server still drops it as not yet replicated', async () => {
    const server = new FakeKurrentServer();
    const retried: string[] = [];
    const store = storeOn(server, {
      metrics: { retried: (_call, reason) => retried.push(reason) },
    });
    await store.append('case-1', newEvents(1), { expectedRevision: 'no_stream' });
    server.failNextAppends('timeout-after-write');
    server.replicationDelay = 2;

    const result = await store.append('case-1', newEvents(2), { expectedRevision: 0 });

    expect(result.nextExpectedRevision).toBe(2);
    expect(await store.readStream('case-1')).toHaveLength(3);
    expect(retried).toEqual(['timeout', 'timeout', 'timeout']);
    expect((await store.verifyStream('case-1')).valid).toBe(true);
  });

  it('retries a node that is no longer the leader and a lost connection, then writes once', async () => {
    const server = new FakeKurrentServer();
    const store = storeOn(server);
    server.failNextAppends('not-leader', 'unavailable', 'timeout-before-write');

    await store.append('case-1', newEvents(1), { expectedRevision: 'no_stream' });

    expect(server.appendCalls).toBe(4);
    expect(await store.readStream('case-1')).toHaveLength(1);
  });

  it('gives up after the configured attempts with an error that says repeating the same append is safe', async () => {
    const server = new FakeKurrentServer();
    const store = storeOn(server, {
      transientRetry: { attempts: 3, firstDelayMs: 1, maxDelayMs: 4 },
    });
    server.failNextAppends('unavailable', 'unavailable', 'unavailable');

    const failure = store.append('case-1', newEvents(1), { expectedRevision: 'no_stream' });

    await expect(failure).rejects.toBeInstanceOf(AppendFailedError);
    await expect(failure).rejects.toThrow(/not known after 3 attempts.*same event ids\) is safe/);
    expect(server.appendCalls).toBe(3);
  });

  it('builds the hash chain from the leader at exactly the expected revision while a follower lags behind', async () => {
    const server = new FakeKurrentServer();
    const store = storeOn(server);
    await store.append('case-1', newEvents(2), { expectedRevision: 'no_stream' });
    server.followerLag = 2;

    await store.append('case-1', newEvents(1), { expectedRevision: 1 });
    server.followerLag = 0;

    expect(await store.verifyStream('case-1')).toMatchObject({ valid: true, eventCount: 3 });
  });

  it('refuses an expected revision beyond the stream with the actual revision', async () => {
    const server = new FakeKurrentServer();
    const store = storeOn(server);
    await store.append('case-1', newEvents(1));

    const refusal = store.append('case-1', newEvents(1), { expectedRevision: 4 });

    await expect(refusal).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    await expect(refusal).rejects.toMatchObject({ actual: 0 });
  });

  it('refuses to write to a stream soft-deleted or tombstoned in KurrentDB, writing nothing', async () => {
    const server = new FakeKurrentServer();
    const store = storeOn(server);
    await store.append('case-soft', newEvents(2));
    await store.append('case-hard', newEvents(1));
    server.softDelete('case-soft');
    server.tombstone('case-hard');

    for (const expectedRevision of ['no_stream', 'any'] as const) {
      await expect(
        store.append('case-soft', newEvents(1), { expectedRevision }),
      ).rejects.toBeInstanceOf(StreamDeletedError);
    }
    await expect(
      store.append('case-hard', newEvents(1), { expectedRevision: 0 }),
    ).rejects.toBeInstanceOf(StreamDeletedError);
    expect(server.log).toHaveLength(3);
  });

  it('refuses a numeric append after a revision that truncation made unreadable', async () => {
    const server = new FakeKurrentServer();
    const store = storeOn(server);
    await store.append('case-1', newEvents(3));
    await server.client().setStreamMetadata('case-1', { truncateBefore: 2 });

    await expect(
      store.append('case-1', newEvents(1), { expectedRevision: 1 }),
    ).rejects.toBeInstanceOf(StreamDeletedError);
    expect(await store.verifyStream('case-1')).toMatchObject({
      valid: false,
      firstInvalidRevision: 0,
    });
  });

  it('lets concurrent writers expecting any revision all succeed, each event once, in one valid chain', async () => {
    const server = new FakeKurrentServer();
    const writers = [storeOn(server), storeOn(server), storeOn(server)];

    await Promise.all(
      Array.from({ length: 30 }, (_, i) => writers[i % 3]!.append('case-1', [newEvent()])),
    );

    expect(await writers[0]!.verifyStream('case-1')).toMatchObject({ valid: true, eventCount: 30 });
  });

  it("refuses an append larger than the server's MaxAppendSize before sending it", async () => {
    const server = new FakeKurrentServer();
    const store = storeOn(server, { maxAppendBytes: 2_000 });

    await expect(
      store.append(
        'case-1',
        newEvents(3, () => ({ text: 'x'.repeat(1_000) })),
      ),
    ).rejects.toBeInstanceOf(EventTooLargeError);
    expect(server.appendCalls).toBe(0);
  });

  it("maps the server's own MaxAppendSize refusal to EventTooLargeError", async () => {
    const server = new FakeKurrentServer();
    server.maxAppendSize = 500;
    const store = storeOn(server);

    await expect(
      store.append('case-1', [newEvent({ text: 'x'.repeat(600) })]),
    ).rejects.toMatchObject({ limitInBytes: 500 });
  });
});

describe('stream metadata on KurrentDB', () => {
  it("keeps the platform's metadata under its own key and leaves the operator's settings alone", async () => {
    const server = new FakeKurrentServer();
    const store = storeOn(server);
    await server.client().setStreamMetadata('case-1', { acl: { readRoles: ['$admins'] } });

    await store.setStreamMetadata('case-1', { retention: 'case-closed+7y', maxCount: 1 });

    const { metadata } = await server.client().getStreamMetadata('case-1');
    expect(metadata).toEqual({
      acl: { readRoles: ['$admins'] },
      kotMetadata: { retention: 'case-closed+7y', maxCount: 1 },
    });
    expect(await store.getStreamMetadata('case-1')).toEqual({
      retention: 'case-closed+7y',
      maxCount: 1,
    });
  });

  it("refuses KurrentDB's own keys in stream metadata", async () => {
    const store = storeOn(new FakeKurrentServer());
    await expect(store.setStreamMetadata('case-1', { $tb: 5 })).rejects.toBeInstanceOf(
      InvalidEventError,
    );
  });
});

describe('reading $all on KurrentDB', () => {
  it('skips events that the platform did not write, in reads and subscriptions, and counts them', async () => {
    const server = new FakeKurrentServer();
    let skipped = 0;
    const store = storeOn(server, { metrics: { foreignEventSkipped: () => (skipped += 1) } });
    await store.append('case-1', newEvents(2));
    server.writeForeign('billing-7', 'InvoiceSent');
    server.writeForeign('billing-8', 'InvoiceSent', false);
    server.writeForeign('$stats', '$statsCollected');
    await store.append('case-2', newEvents(2));

    const all = await store.readAll({ limit: 3 });
    expect(all.map((event) => event.streamId)).toEqual(['case-1', 'case-1', 'case-2']);

    // A foreign event last in $all: catching up means up to the last event of the platform's.
    server.writeForeign('billing-9', 'InvoiceSent');
    const delivered: RecordedEvent[] = [];
    const subscription = store.subscribeToAll({
      handler: async (batch) => void delivered.push(...batch),
    });
    await subscription.whenCaughtUp();
    await subscription.stop();
    expect(delivered).toHaveLength(4);
    expect(skipped).toBeGreaterThanOrEqual(4);
  });

  it("reads only the platform's streams through a server-side filter when their prefixes are given", async () => {
    const server = new FakeKurrentServer();
    let skipped = 0;
    const store = storeOn(server, {
      streamPrefixes: ['case-'],
      metrics: { foreignEventSkipped: () => (skipped += 1) },
    });
    server.writeForeign('billing-7', 'InvoiceSent');
    await store.append('case-1', newEvents(1));

    expect(await store.readAll()).toHaveLength(1);
    expect(skipped).toBe(0);
  });

  it('opens a dropped subscription again after the last event it had, losing and repeating nothing, and reports lag', async () => {
    const server = new FakeKurrentServer();
    let resubscribed = 0;
    const lags: number[] = [];
    const store = storeOn(server, {
      metrics: { resubscribed: () => (resubscribed += 1), subscriptionLag: (ms) => lags.push(ms) },
    });
    await store.append('case-1', newEvents(3));
    const delivered: RecordedEvent[] = [];
    const subscription = store.subscribeToAll({
      handler: async (batch) => void delivered.push(...batch),
    });
    await subscription.whenCaughtUp();

    server.dropSubscriptions();
    await store.append('case-1', newEvents(2));
    await subscription.whenCaughtUp();
    await subscription.stop();

    expect(delivered.map((event) => event.revision)).toEqual([0, 1, 2, 3, 4]);
    expect(resubscribed).toBeGreaterThanOrEqual(1);
    expect(lags.length).toBeGreaterThan(0);
  });

  it('fails the subscription once the server keeps dropping it', async () => {
    const server = new FakeKurrentServer();
    const store = storeOn(server, { maxResubscribes: 2 });
    const subscription = store.subscribeToAll({ handler: async () => undefined });
    const drops = setInterval(() => server.dropSubscriptions(), 1);

    await expect(subscription.done).rejects.toMatchObject({ type: 'unavailable' });
    clearInterval(drops);
  });
});

describe('the hash chain against writes that bypass the store', () => {
  for (const [name, tamper] of Object.entries(kurrentTamperCases)) {
    it(name, async () => {
      const server = new FakeKurrentServer();
      const store = storeOn(server);

      const outcome = await tamper(store, server.client());
      const report = await store.verifyStream(outcome.streamId);

      expect(report.valid).toBe(false);
      expect(report.firstInvalidRevision).toBe(outcome.firstInvalidRevision);
      expect(report.reason).toMatch(outcome.reason);
    });
  }

  it('accepts the same event id in another stream as another event (KurrentDB has no index of ids across streams)', async () => {
    const server = new FakeKurrentServer();
    const store = storeOn(server);
    const event = newEvent();

    await store.append('case-1', [event]);
    await store.append('case-2', [event]);

    expect(await store.readStream('case-2')).toHaveLength(1);
    expect((await store.verifyStream('case-2')).valid).toBe(true);
  });
});
