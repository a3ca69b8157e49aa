import { describePlace, mapFieldPath, parseFieldPath } from './personalFieldPaths';

const mark = (value: unknown) => `<${String(value)}>`;

describe('personal field paths', () => {
  it('reach nested fields and every element of arrays marked with []', () => {
    const data = {
      household: { partners: [{ bsn: '1' }, { bsn: '2' }, {}] },
      children: [{ name: 'Noor' }],
      other: 'kept',
    };
    const once = mapFieldPath(data, parseFieldPath('household.partners[].bsn'), mark);
    const twice = mapFieldPath(once, parseFieldPath('children[].name'), mark);
    expect(twice).toEqual({
      household: { partners: [{ bsn: '<1>' }, { bsn: '<2>' }, {}] },
      children: [{ name: '<Noor>' }],
      other: 'kept',
    });
  });

  it('leave the original data untouched', () => {
    const data = { applicant: { name: 'Sanne' } };
    mapFieldPath(data, parseFieldPath('applicant.name'), mark);
    expect(data).toEqual({ applicant: { name: 'Sanne' } });
  });

  it('skip paths that the data does not have or where the shape differs', () => {
    const data = { children: 'none', applicant: null };
    expect(mapFieldPath(data, parseFieldPath('children[].name'), mark)).toEqual(data);
    expect(mapFieldPath(data, parseFieldPath('applicant.name'), mark)).toEqual(data);
    expect(mapFieldPath(data, parseFieldPath('missing.deeper'), mark)).toEqual(data);
  });

  it('encrypt every element when the path ends in []', () => {
    expect(mapFieldPath({ aliases: ['a', 'b'] }, parseFieldPath('aliases[]'), mark)).toEqual({
      aliases: ['<a>', '<b>'],
    });
  });

  it('refuse malformed paths', () => {
    expect(() => parseFieldPath('a..b')).toThrow();
    expect(() => parseFieldPath('a[0].b')).toThrow();
  });

  it('tell the transform where each value was found, array positions included', () => {
    const places: unknown[] = [];
    mapFieldPath(
      { household: { partners: [{ bsn: '1' }, { bsn: '2' }] } },
      parseFieldPath('household.partners[].bsn'),
      (value, at) => {
        places.push([value, describePlace(at), at]);
        return value;
      },
    );

    expect(places).toEqual([
      ['1', 'household.partners[0].bsn', ['household', 'partners', 0, 'bsn']],
      ['2', 'household.partners[1].bsn', ['household', 'partners', 1, 'bsn']],
    ]);
  });
});
