import { canonicalJson, NotJsonError } from './canonicalJson';

describe('canonicalJson', () => {
  it('sorts object keys at every level and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('writes strings and numbers exactly as JSON.stringify does (RFC 8785)', () => {
    expect(canonicalJson({ s: 'é "q" \\ \n 😀 \u2028', n: [0.1, 1e21, -0, 5e-324, 100] })).toBe(
      `{"n":[0.1,1e+21,0,5e-324,100],"s":${JSON.stringify('é "q" \\ \n 😀 \u2028')}}`,
    );
  });

  it('leaves out properties whose value is undefined, as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it('gives the same text for the same value whatever the key order', () => {
    expect(canonicalJson({ x: 1, y: [1, 2] })).toBe(canonicalJson({ y: [1, 2], x: 1 }));
  });

  it.each([
    ['a BigInt', { a: 1n }, 'a'],
    ['a function', { f: () => 1 }, 'f'],
    ['NaN', { list: [Number.NaN] }, 'list[0]'],
    ['a class instance', { when: new Date(0) }, 'when'],
    ['U+0000', { name: 'a\u0000' }, 'name'],
    ['a lone surrogate', { name: 'x\udc00' }, 'name'],
  ])('refuses %s and names where it is', (_what, value, path) => {
    expect(() => canonicalJson(value)).toThrow(NotJsonError);
    expect(() => canonicalJson(value)).toThrow(new RegExp(`^${path.replace(/[[\]]/g, '\\$&')}:`));
  });

  it('refuses circular structures but accepts the same object twice side by side', () => {
    const shared = { v: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"v":1},"b":{"v":1}}');
    const loop: Record<string, unknown> = {};
    loop['self'] = loop;
    expect(() => canonicalJson(loop)).toThrow(/circular/);
  });
});
