import { toKurrentPosition, toNumericPosition } from './positionMapping';

describe('the mapping of KurrentDB positions to numbers', () => {
  it('maps a single-record commit to its log offset and back', () => {
    expect(toNumericPosition({ commit: 4096n, prepare: 4096n })).toBe(4096);
    expect(toKurrentPosition(4096)).toEqual({ commit: 4096n, prepare: 4096n });
  });

  it('refuses positions of explicit transactions and beyond exact doubles', () => {
    expect(() => toNumericPosition({ commit: 5000n, prepare: 4096n })).toThrow(
      /explicit transaction/,
    );
    const huge = BigInt(Number.MAX_SAFE_INTEGER) + 2n;
    expect(() => toNumericPosition({ commit: huge, prepare: huge })).toThrow(/MAX_SAFE_INTEGER/);
  });
});
