// Bad input is refused with a clear typed error and nothing is partially written.

import type { AppendOptions, JsonObject, NewEvent } from '../eventStore';
import {
  EventStoreClosedError,
  EventTooLargeError,
  InvalidEventError,
  InvalidOptionsError,
} from '../errors';
import { MAX_EVENT_BYTES } from '../limits';
import { newEvent, uniqueStreamId } from './contractFixtures';
import type { EventStoreContractSubject } from './contractSubject';

const circular: JsonObject = { name: 'loop' };
circular['self'] = circular;

const notJson: Array<[string, unknown]> = [
  ['a BigInt', { amount: 10n }],
  ['a function', { callback: () => 1 }],
  ['a symbol', { tag: Symbol('x') }],
  ['NaN', { share: Number.NaN }],
  ['Infinity', { share: Number.POSITIVE_INFINITY }],
  ['a Date instance', { on: new Date(0) }],
  ['a Map', { children: new Map() }],
  ['undefined in an array', { list: [1, undefined] }],
  ['a circular reference', circular],
  ['U+0000', { name: 'a\u0000b' }],
  ['a lone surrogate', { name: '\ud800' }],
];

export function describeBadInputContract(subject: () => EventStoreContractSubject): void {
  describe('bad input', () => {
    const appendBadly = async (events: NewEvent[], options?: AppendOptions) => {
      const { store } = subject();
      const streamId = uniqueStreamId('bad');
      const error = await store.append(streamId, events, options).then(
        () => null,
        (reason: unknown) => reason,
      );
      expect(await store.readStream(streamId)).toEqual([]);
      return error;
    };

    for (const expectedRevision of ['latest', -1, 1.5, Number.NaN, '3', null, {}]) {
      it(`refuses the unknown expected revision ${String(expectedRevision)}`, async () => {
        const error = await appendBadly([newEvent()], {
          expectedRevision: expectedRevision as AppendOptions['expectedRevision'],
        });
        expect(error).toBeInstanceOf(InvalidEventError);
        expect(String(error)).toMatch(/expected revision/);
      });
    }

    for (const [what, data] of notJson) {
      it(`refuses data with ${what} and writes none of the append`, async () => {
        const error = await appendBadly([newEvent(), newEvent(data as JsonObject)]);
        expect(error).toBeInstanceOf(InvalidEventError);
      });
    }

    it('refuses an event larger than the size limit, naming the event and the limit', async () => {
      const big = newEvent({ blob: 'x'.repeat(MAX_EVENT_BYTES) });
      const error = await appendBadly([newEvent(), big]);
      expect(error).toBeInstanceOf(EventTooLargeError);
      expect(error).toMatchObject({ eventId: big.eventId, limitInBytes: MAX_EVENT_BYTES });
    });

    it('accepts an event just under the size limit', async () => {
      const { store } = subject();
      const streamId = uniqueStreamId('large');
      await store.append(streamId, [newEvent({ blob: 'x'.repeat(MAX_EVENT_BYTES - 1024) })]);
      expect(await store.verifyStream(streamId)).toMatchObject({ valid: true, eventCount: 1 });
    });

    for (const [what, eventId] of [
      ['a malformed event id', 'not-a-uuid'],
      ['a numeric event id', 42],
      ['a missing event id', undefined],
    ] as const) {
      it(`refuses ${what}`, async () => {
        const error = await appendBadly([
          newEvent(),
          { ...newEvent(), eventId: eventId as string },
        ]);
        expect(error).toBeInstanceOf(InvalidEventError);
      });
    }

    it('refuses the same event id twice in one append', async () => {
      const event = newEvent();
      expect(await appendBadly([event, event])).toBeInstanceOf(InvalidEventError);
    });

    it('refuses an empty append, a missing type and metadata the store sets itself', async () => {
      expect(await appendBadly([])).toBeInstanceOf(InvalidEventError);
      expect(await appendBadly([{ ...newEvent(), type: '' }])).toBeInstanceOf(InvalidEventError);
      const forged = newEvent();
      (forged.metadata as unknown as JsonObject)['hash'] = 'f'.repeat(64);
      expect(await appendBadly([forged])).toBeInstanceOf(InvalidEventError);
    });

    it('refuses read options out of range', async () => {
      const { store } = subject();
      await expect(store.readStream('case-x', { limit: 0 })).rejects.toBeInstanceOf(
        InvalidOptionsError,
      );
      await expect(store.readStream('case-x', { from: -1 })).rejects.toBeInstanceOf(
        InvalidOptionsError,
      );
      await expect(store.readAll({ fromPosition: 1.5 })).rejects.toBeInstanceOf(
        InvalidOptionsError,
      );
      expect(() => store.subscribeToAll({ batchSize: 0, handler: async () => undefined })).toThrow(
        InvalidOptionsError,
      );
    });

    it('refuses every operation on a closed store', async () => {
      const closed = await subject().openAnotherStore();
      await closed.close();
      const streamId = uniqueStreamId('closed');

      await expect(closed.append(streamId, [newEvent()])).rejects.toBeInstanceOf(
        EventStoreClosedError,
      );
      await expect(closed.readStream(streamId)).rejects.toBeInstanceOf(EventStoreClosedError);
      await expect(closed.readAll()).rejects.toBeInstanceOf(EventStoreClosedError);
      await expect(closed.verifyStream(streamId)).rejects.toBeInstanceOf(EventStoreClosedError);
      await expect(closed.getStreamMetadata(streamId)).rejects.toBeInstanceOf(
        EventStoreClosedError,
      );
      expect(() => closed.subscribeToAll({ handler: async () => undefined })).toThrow(
        EventStoreClosedError,
      );
      expect(await subject().store.readStream(streamId)).toEqual([]);
    });

    it('stops its subscriptions when a store is closed', async () => {
      const other = await subject().openAnotherStore();
      const subscription = other.subscribeToAll({ handler: async () => undefined });
      await other.close();
      await expect(subscription.done).resolves.toBeUndefined();
    });
  });
}
