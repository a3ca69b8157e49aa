import { deterministicUuid } from './deterministicUuid';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('deterministic ids', () => {
  it('are the same for the same parts and differ for different parts', () => {
    const id = deterministicUuid(['event', 'case-1', 'cmd-1', '0']);
    expect(deterministicUuid(['event', 'case-1', 'cmd-1', '0'])).toBe(id);
    expect(deterministicUuid(['event', 'case-1', 'cmd-1', '1'])).not.toBe(id);
    expect(deterministicUuid(['event', 'case-1', 'cmd-1', '0'])).toMatch(UUID_V7);
  });

  it('cannot be confused by parts that run into each other', () => {
    expect(deterministicUuid(['ab', 'c'])).not.toBe(deterministicUuid(['a', 'bc']));
  });

  it('keep the creation time of a UUIDv7 command id, so they sort by time', () => {
    const commandId = '01920000-0000-7000-8000-000000000000';
    expect(deterministicUuid(['x'], commandId).slice(0, 13)).toBe('01920000-0000');
    expect(deterministicUuid(['x'], commandId)).toMatch(UUID_V7);
  });
});
