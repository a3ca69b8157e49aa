import { decodeCursor, encodeCursor } from './cursor';

describe('cursors', () => {
  it('give back the sort key they were made from', () => {
    const cursor = encodeCursor(['2024-03-16', 'c-1', 'responsible']);
    expect(decodeCursor(cursor, 3)).toEqual(['2024-03-16', 'c-1', 'responsible']);
  });

  it('are refused when they are not ours', () => {
    expect(decodeCursor('not a cursor', 3)).toBeNull();
    expect(decodeCursor(encodeCursor(['a', 'b']), 3)).toBeNull();
    expect(decodeCursor(Buffer.from('[{"x":1},"b","c"]').toString('base64url'), 3)).toBeNull();
  });
});
