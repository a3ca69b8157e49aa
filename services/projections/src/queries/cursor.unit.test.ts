import { decodeCursor, encodeCursor } from './cursor';

const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('cursors', () => {
  it('give back the sort key they were made from', () => {
    const cursor = encodeCursor(['2024-03-16', 'c-1', 'responsible']);
    expect(decodeCursor(cursor, ['date', 'text', 'text'])).toEqual([
      '2024-03-16',
      'c-1',
      'responsible',
    ]);
  });

  it('are refused when they are not ours', () => {
    expect(decodeCursor('not a cursor', ['date', 'text'])).toBeNull();
    expect(decodeCursor(encodeCursor(['2024-03-16']), ['date', 'text'])).toBeNull();
    expect(decodeCursor(raw([{ x: 1 }, 'b']), ['date', 'text'])).toBeNull();
  });

  it.each([
    ['a date that is not a date', ['tomorrow', 'c-1']],
    ['a date that does not exist', ['2024-02-30', 'c-1']],
    ['a number where a date belongs', [20240316, 'c-1']],
    ['a null where an id belongs', ['2024-03-16', null]],
    ['an empty id', ['2024-03-16', '']],
    ['an id longer than any of ours', ['2024-03-16', 'x'.repeat(201)]],
  ])('are refused when tampered with: %s', (_what, key) => {
    expect(decodeCursor(raw(key), ['date', 'text'])).toBeNull();
  });
});
