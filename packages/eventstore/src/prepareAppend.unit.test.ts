import { v7 as uuidv7 } from 'uuid';
import type { NewEvent } from './eventStore';
import { EventTooLargeError, InvalidEventError } from './errors';
import { MAX_APPEND_BYTES, MAX_EVENT_BYTES, MAX_EVENTS_PER_APPEND } from './limits';
import { assertStreamMetadata, parseExpectedRevision, prepareAppend } from './prepareAppend';

const event = (data: NewEvent['data'] = {}): NewEvent => ({
  eventId: uuidv7(),
  type: 'ReferralOpened',
  schemaVersion: 1,
  data,
  metadata: {
    actor: { id: 'u', role: 'r', organisation: 'o' },
    occurredAt: '2025-01-01T00:00:00Z',
  },
});

describe('preparing an append', () => {
  it('lower-cases event ids so the hashed body matches what the database returns', () => {
    const upper = { ...event(), eventId: uuidv7().toUpperCase() };
    const prepared = prepareAppend('case-1', [upper], undefined);
    expect(prepared.events[0]?.eventId).toBe(upper.eventId.toLowerCase());
    expect(prepared.events[0]?.body).toContain(upper.eventId.toLowerCase());
  });

  it('defaults the expected revision to any and keeps the known values', () => {
    expect(parseExpectedRevision(undefined)).toBe('any');
    for (const value of ['any', 'no_stream', 'exists', 0, 7] as const) {
      expect(parseExpectedRevision(value)).toBe(value);
    }
  });

  it('limits the number of events and the bytes of one event and of the whole append', () => {
    expect(() =>
      prepareAppend(
        's',
        Array.from({ length: MAX_EVENTS_PER_APPEND + 1 }, () => event()),
        undefined,
      ),
    ).toThrow(InvalidEventError);
    expect(() =>
      prepareAppend('s', [event({ x: 'y'.repeat(MAX_EVENT_BYTES) })], undefined),
    ).toThrow(EventTooLargeError);
    const nearlyFull = () => event({ x: 'y'.repeat(MAX_EVENT_BYTES - 1000) });
    const count = Math.ceil(MAX_APPEND_BYTES / MAX_EVENT_BYTES) + 1;
    expect(() => prepareAppend('s', Array.from({ length: count }, nearlyFull), undefined)).toThrow(
      expect.objectContaining({ eventId: null, limitInBytes: MAX_APPEND_BYTES }),
    );
  });

  it('refuses empty and overlong stream ids', () => {
    expect(() => prepareAppend('', [event()], undefined)).toThrow(InvalidEventError);
    expect(() => prepareAppend('x'.repeat(201), [event()], undefined)).toThrow(InvalidEventError);
  });

  it('refuses event types starting with "$", which KurrentDB keeps for its own events', () => {
    expect(() => prepareAppend('case-1', [{ ...event(), type: '$metadata' }], undefined)).toThrow(
      /type must not start with "\$"/,
    );
  });

  it('refuses writer metadata keys starting with "$", such as the store\'s $schemaVersion', () => {
    for (const key of ['$schemaVersion', '$correlationId', '$causationId']) {
      const withKey = event();
      withKey.metadata = { ...withKey.metadata, [key]: 2 };
      expect(() => prepareAppend('case-1', [withKey], undefined)).toThrow(InvalidEventError);
    }
  });
});

describe('checking stream metadata', () => {
  it("accepts the platform's own keys and refuses KurrentDB's stream settings", () => {
    expect(() =>
      assertStreamMetadata({ retention: 'case-closed+7y', tags: ['kot'] }),
    ).not.toThrow();
    for (const key of ['$maxAge', '$maxCount', '$tb', '$acl', '$cacheControl']) {
      expect(() => assertStreamMetadata({ [key]: 1 })).toThrow(InvalidEventError);
    }
    expect(() => assertStreamMetadata(['not', 'an', 'object'])).toThrow(InvalidEventError);
  });
});
