// Test support: what someone with write access to KurrentDB can do behind the store's back
// (events there are immutable, so the contract's in-place tamper hooks do not apply), as steps
// that run the same against the fake (unit test) and a real server (integration test).
import { randomUUID } from 'node:crypto';
import type { EventStore } from '../eventStore';
import { newEvents } from '../contract/contractFixtures';
import type { KurrentClient, KurrentEventData } from './kurrentClient';

export interface TamperOutcome {
  streamId: string;
  /** What verifyStream must report. */
  firstInvalidRevision: number;
  reason: RegExp;
}

/** Raw copies of a stream's stored events, as the client would send them again. */
async function rawCopies(client: KurrentClient, streamId: string): Promise<KurrentEventData[]> {
  const copies: KurrentEventData[] = [];
  for await (const { event } of client.readStream(streamId)) {
    if (!event) continue;
    copies.push({
      id: event.id,
      contentType: 'application/json',
      type: event.type,
      data: event.data as KurrentEventData['data'],
      metadata: event.metadata as KurrentEventData['metadata'],
    });
  }
  return copies;
}

/** A whole chain copied into another stream: every hash covers the stream id. */
export async function copyChainToAnotherStream(
  store: EventStore,
  client: KurrentClient,
): Promise<TamperOutcome> {
  const original = `case-${randomUUID()}`;
  await store.append(original, newEvents(3));
  const copy = `case-${randomUUID()}`;
  await client.appendToStream(copy, await rawCopies(client, original), {
    streamState: 'no_stream',
  });
  return { streamId: copy, firstInvalidRevision: 0, reason: /altered/ };
}

/** An event with altered data and the original hash, written after a copy of the events before it. */
export async function rewriteWithAlteredEvent(
  store: EventStore,
  client: KurrentClient,
): Promise<TamperOutcome> {
  const streamId = `case-${randomUUID()}`;
  await store.append(streamId, newEvents(3));
  const third = (await rawCopies(client, streamId))[2]!;
  // A copy of the last event with other data, written straight to the stream: its stored hash and
  // link are those of the event it copies, not of itself at revision 3.
  const forged = { ...third, id: randomUUID(), data: { i: 99 } };
  await client.appendToStream(streamId, [forged], { streamState: 2n });
  return { streamId, firstInvalidRevision: 3, reason: /altered|removed|reordered/ };
}

/** The first events cut off by KurrentDB's truncate-before setting. */
export async function truncateStreamStart(
  store: EventStore,
  client: KurrentClient,
): Promise<TamperOutcome> {
  const streamId = `case-${randomUUID()}`;
  await store.append(streamId, newEvents(4));
  await client.setStreamMetadata(streamId, { truncateBefore: 2 });
  return { streamId, firstInvalidRevision: 0, reason: /missing/ };
}

export const kurrentTamperCases = {
  'detects a chain copied into another stream': copyChainToAnotherStream,
  'detects an event written straight to KurrentDB, bypassing the store': rewriteWithAlteredEvent,
  'reports the events cut off by truncation as missing': truncateStreamStart,
};
