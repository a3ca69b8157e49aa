import { createHash } from 'node:crypto';
import type { RecordedEvent } from '../eventStore';
import { canonicalJson } from './canonicalJson';
import { canonicalEventBody, eventHash, verifyHashChain } from './hashChain';

const streamId = 'case-1';

function chain(count: number): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  let prevHash: string | null = null;
  for (let revision = 0; revision < count; revision++) {
    const base = {
      eventId: `0190a6f0-0000-7000-8000-00000000000${revision}`,
      type: 'CaseClaimed',
      schemaVersion: 1,
      data: { revision },
      metadata: {
        actor: { id: 'u', role: 'r', organisation: 'o' },
        occurredAt: '2025-01-01T00:00:00Z',
      },
    };
    const recordedAt = `2025-01-01T00:00:0${revision}.000000Z`;
    const hash = eventHash({
      body: canonicalEventBody(streamId, base),
      prevHash,
      recordedAt,
      revision,
    });
    events.push({
      ...base,
      streamId,
      revision,
      position: 4096 * (revision + 1),
      metadata: { ...base.metadata, recordedAt, hash, prevHash },
    });
    prevHash = hash;
  }
  return events;
}

describe('the hash chain', () => {
  it('hashes exactly the canonical JSON of event, prevHash, recordedAt and revision', () => {
    const link = {
      body: canonicalJson({ a: 1 }),
      prevHash: 'ab',
      recordedAt: '2025-01-01T00:00:00Z',
      revision: 3,
    };
    const expected = createHash('sha256')
      .update(
        canonicalJson({
          event: { a: 1 },
          prevHash: 'ab',
          recordedAt: link.recordedAt,
          revision: 3,
        }),
      )
      .digest('hex');
    expect(eventHash(link)).toBe(expected);
  });

  it('accepts an intact stream', () => {
    expect(verifyHashChain(streamId, chain(4))).toEqual({
      streamId,
      valid: true,
      eventCount: 4,
      firstInvalidRevision: null,
      reason: null,
    });
  });

  it('names the altered event', () => {
    const events = chain(4);
    events[2] = { ...events[2]!, data: { revision: 99 } };
    expect(verifyHashChain(streamId, events)).toMatchObject({
      valid: false,
      firstInvalidRevision: 2,
    });
  });

  it('names the gap left by a removed event', () => {
    const events = chain(4);
    events.splice(1, 1);
    expect(verifyHashChain(streamId, events)).toMatchObject({
      valid: false,
      firstInvalidRevision: 1,
      reason: expect.stringMatching(/missing/),
    });
  });

  it('notices events swapped together with their revisions', () => {
    const [a, b, c] = chain(3);
    const swapped = [a!, { ...c!, revision: 1 }, { ...b!, revision: 2 }];
    expect(verifyHashChain(streamId, swapped)).toMatchObject({
      valid: false,
      firstInvalidRevision: 1,
    });
  });

  it('notices a removed last event only against an outside anchor (the count)', () => {
    expect(verifyHashChain(streamId, chain(4).slice(0, 3))).toMatchObject({
      valid: true,
      eventCount: 3,
    });
  });
});
