import type { RecordedEvent } from '@kot/eventstore';
import { fromBusMessage, partitionKeyOf, toBusMessage } from './eventEnvelope';
import { createInProcessBus } from './inProcessBus';
import type { ReceivedMessage } from './messageBus';
import { waitUntil } from '../testing/waitUntil';

const recorded = (streamId: string, revision: number): RecordedEvent => ({
  eventId: `0192a6c4-1b2c-7d3e-8f40-${String(revision).padStart(12, '0')}`,
  streamId,
  revision,
  position: revision + 1,
  type: 'CaseOffered',
  schemaVersion: 1,
  data: { offeredOn: '2024-03-05' },
  metadata: {
    actor: { id: 'u-1', role: 'smi-officer', organisation: 'GM0344' },
    occurredAt: '2024-03-05T11:00:00Z',
    recordedAt: '2024-03-05T11:00:01Z',
    hash: 'h',
    prevHash: null,
  },
});

describe('the event envelope on the bus', () => {
  it('keys a case and its notification records by the case id, and round-trips the recorded event', () => {
    expect(partitionKeyOf('case-abc')).toBe('abc');
    expect(partitionKeyOf('notifications-abc')).toBe('abc');
    const event = recorded('case-abc', 3);
    const message = toBusMessage(event);
    expect(message.key).toBe('abc');
    expect(JSON.parse(message.value)).toMatchObject({
      specversion: '1.0',
      id: event.eventId,
      type: 'nl.kot-referral.event.CaseOffered',
      subject: 'abc',
      time: '2024-03-05T11:00:01Z',
    });
    expect(fromBusMessage(message.value)).toEqual(event);
  });

  it("carries the command's trace in the traceparent record header and the CloudEvent's tracing extension", () => {
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const event = recorded('case-abc', 4);
    const traced = { ...event, metadata: { ...event.metadata, traceparent } };
    const message = toBusMessage(traced);
    expect(message.headers).toEqual({
      'content-type': 'application/cloudevents+json; charset=utf-8',
      traceparent,
    });
    expect(JSON.parse(message.value)).toMatchObject({ traceparent });
    expect(fromBusMessage(message.value).metadata.traceparent).toBe(traceparent);
    // Untraced events carry neither.
    const untraced = toBusMessage(event);
    expect(untraced.headers).not.toHaveProperty('traceparent');
    expect(JSON.parse(untraced.value)).not.toHaveProperty('traceparent');
  });

  it('refuses a message that is not a recorded event in a CloudEvent', () => {
    expect(() => fromBusMessage('{')).toThrow('not JSON');
    expect(() => fromBusMessage(JSON.stringify({ specversion: '1.0', id: 'x', data: {} }))).toThrow(
      /lacks eventId/,
    );
  });
});

describe('the in-process bus', () => {
  it('keeps the order per key, and commits a batch only when its handler succeeded', async () => {
    const bus = createInProcessBus({ retryDelayMs: 1 });
    await bus.ensureTopic('t', 4);
    const events = [0, 1, 2, 3].flatMap((revision) => [
      recorded('case-a', revision),
      recorded('case-b', revision),
    ]);
    await bus.publish('t', events.map(toBusMessage));

    const seen: ReceivedMessage[] = [];
    let failOnce = true;
    const consumer = await bus.consume({
      topic: 't',
      groupId: 'g',
      async handle(messages) {
        if (failOnce) {
          failOnce = false;
          throw new Error('handler failed');
        }
        seen.push(...messages);
      },
    });
    await waitUntil(() => bus.lag('t', 'g') === 0, 'the group to catch up');
    await consumer.stop();

    expect(seen).toHaveLength(8);
    for (const key of ['a', 'b']) {
      const revisions = seen
        .filter((m) => m.key === key)
        .map((m) => fromBusMessage(m.value).revision);
      expect(revisions).toEqual([0, 1, 2, 3]);
    }
  });

  it('gives up after repeated failures, and a new consumer of the group gets the uncommitted batch again', async () => {
    const bus = createInProcessBus({ retryDelayMs: 1, maxFailures: 3 });
    await bus.ensureTopic('t', 1);
    await bus.publish('t', [toBusMessage(recorded('case-a', 0))]);
    const failing = await bus.consume({
      topic: 't',
      groupId: 'g',
      handle: async () => {
        throw new Error('database down');
      },
    });
    await expect(failing.done).rejects.toThrow('database down');
    expect(bus.lag('t', 'g')).toBe(1);

    const received: string[] = [];
    const healthy = await bus.consume({
      topic: 't',
      groupId: 'g',
      handle: async (messages) => {
        received.push(...messages.map((m) => m.offset));
      },
    });
    await waitUntil(() => bus.lag('t', 'g') === 0, 'the group to catch up');
    await healthy.stop();
    expect(received).toEqual(['0']);
  });
});
