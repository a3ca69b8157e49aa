// Reading one stream and the whole log.

import { ids, newEvents, ofStreams, readAllIncluding, uniqueStreamId } from './contractFixtures';
import type { EventStoreContractSubject } from './contractSubject';
import { InvalidEventError } from '../errors';

export function describeReadContract(subject: () => EventStoreContractSubject): void {
  describe('reading', () => {
    it('reads a stream forwards and backwards, from and to a revision, with a limit', async () => {
      const { store } = subject();
      const streamId = uniqueStreamId('case');
      await store.append(streamId, newEvents(10));
      const revisions = async (options: Parameters<typeof store.readStream>[1]) =>
        (await store.readStream(streamId, options)).map((event) => event.revision);

      expect(await revisions({ from: 3, to: 5 })).toEqual([3, 4, 5]);
      expect(await revisions({ from: 8 })).toEqual([8, 9]);
      expect(await revisions({ limit: 2 })).toEqual([0, 1]);
      expect(await revisions({ direction: 'backwards', limit: 3 })).toEqual([9, 8, 7]);
      expect(await revisions({ direction: 'backwards', from: 4, to: 2 })).toEqual([4, 3, 2]);
      expect(await revisions({ from: 20 })).toEqual([]);
    });

    it('reads the first event of many streams at once, leaving out streams never written', async () => {
      const { store } = subject();
      const [first, second] = [uniqueStreamId('case'), uniqueStreamId('case')];
      await store.append(first, newEvents(3));
      await store.append(second, newEvents(1));
      const starts = await store.readStreamStarts([second, uniqueStreamId('never-written'), first]);
      expect(starts.map((event) => [event.streamId, event.revision]).sort()).toEqual(
        [
          [first, 0],
          [second, 0],
        ].sort(),
      );
      expect(starts.find((event) => event.streamId === first)).toEqual(
        (await store.readStream(first, { limit: 1 }))[0],
      );
      await expect(store.readStreamStarts([])).resolves.toEqual([]);
    });

    it('refuses to read the starts of more streams than a page holds, or of a malformed stream id', async () => {
      const { store } = subject();
      const tooMany = Array.from({ length: 1001 }, (_, i) => `case-${i}`);
      await expect(store.readStreamStarts(tooMany)).rejects.toBeInstanceOf(InvalidEventError);
      await expect(store.readStreamStarts(['case-1', ''])).rejects.toBeInstanceOf(
        InvalidEventError,
      );
    });

    it('reads an unknown stream as empty', async () => {
      expect(await subject().store.readStream(uniqueStreamId('never-written'))).toEqual([]);
    });

    it('reads all streams in one global order, after a position, with a limit', async () => {
      const { store } = subject();
      const prefix = uniqueStreamId('read-all');
      const written = [newEvents(3), newEvents(2), newEvents(1)];
      await store.append(`${prefix}-a`, written[0]!);
      await store.append(`${prefix}-b`, written[1]!);
      await store.append(`${prefix}-a`, written[2]!);

      const all = ofStreams(prefix, await readAllIncluding(store, ids(written.flat())));
      expect(all.map((event) => [event.streamId.slice(prefix.length), event.revision])).toEqual([
        ['-a', 0],
        ['-a', 1],
        ['-a', 2],
        ['-b', 0],
        ['-b', 1],
        ['-a', 3],
      ]);
      const third = all[2]?.position ?? 0;
      const page = await store.readAll({ fromPosition: third, limit: 2 });
      expect(page.map((event) => event.eventId)).toEqual(
        all.slice(3, 5).map((event) => event.eventId),
      );
    });
  });
}
