import { fromKurrentEvent } from './eventMapping';
import type { KurrentPosition, KurrentRecordedEvent } from './kurrentClient';

const NO_POSITION = 2n ** 64n - 1n;

const stored = (position: KurrentPosition | undefined): KurrentRecordedEvent => ({
  streamId: 'case-1',
  id: '0190f5b2-7c3e-7000-8000-000000000001',
  revision: 3n,
  type: 'CaseClaimed',
  isJson: true,
  data: { step: 'claimed' },
  metadata: { $schemaVersion: 2, recordedAt: '2025-03-01T09:00:00.000000Z' },
  ...(position && { position }),
});

describe('events read from KurrentDB', () => {
  it('carry their log position when read from $all', () => {
    const event = fromKurrentEvent(stored({ commit: 4096n, prepare: 4096n }), 'all');

    expect(event).toMatchObject({ streamId: 'case-1', revision: 3, position: 4096 });
    expect(event.schemaVersion).toBe(2);
    expect(event.metadata).not.toHaveProperty('$schemaVersion');
  });

  it('read from a stream even when the server reports no exact position, as position 0', () => {
    for (const position of [
      undefined,
      { commit: NO_POSITION, prepare: NO_POSITION },
      { commit: NO_POSITION, prepare: 4096n },
      { commit: 5000n, prepare: 4096n },
    ]) {
      expect(fromKurrentEvent(stored(position), 'stream')).toMatchObject({
        revision: 3,
        position: 0,
        data: { step: 'claimed' },
      });
    }
    expect(fromKurrentEvent(stored({ commit: 4096n, prepare: 4096n }), 'stream').position).toBe(
      4096,
    );
  });

  it('refuse an $all event without an exact position instead of guessing its place in the order', () => {
    expect(() => fromKurrentEvent(stored(undefined), 'all')).toThrow(/position/);
    expect(() => fromKurrentEvent(stored({ commit: 5000n, prepare: 4096n }), 'all')).toThrow(
      /explicit transaction/,
    );
  });
});
