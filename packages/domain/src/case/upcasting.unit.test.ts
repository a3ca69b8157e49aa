import { upcast, type Upcaster } from './upcasting';
import { personalFields } from './personalFields';

describe('upcasting stored events', () => {
  it('passes current-version events through unchanged', () => {
    const stored = {
      type: 'SmiExtended',
      schemaVersion: 1,
      data: { until: '2024-09-30', decidedOn: '2024-06-01' },
    };
    expect(upcast(stored)).toEqual(stored);
  });

  it('applies a chain of upcasters from an old version to the current one', () => {
    const upcasters: Upcaster[] = [
      {
        type: 'SmiExtended',
        fromVersion: -1,
        upcast: (data) => ({ ...data, until: data.endDate }),
      },
      {
        type: 'SmiExtended',
        fromVersion: 0,
        upcast: ({ endDate: _old, ...data }) => ({ ...data, decidedOn: data.until }),
      },
    ];
    expect(
      upcast(
        { type: 'SmiExtended', schemaVersion: -1, data: { endDate: '2024-09-30' } },
        upcasters,
      ),
    ).toEqual({
      type: 'SmiExtended',
      schemaVersion: 1,
      data: { until: '2024-09-30', decidedOn: '2024-09-30' },
    });
  });

  it('refuses a version it has no upcaster for, instead of folding a wrong shape', () => {
    expect(() => upcast({ type: 'SmiExtended', schemaVersion: 7, data: {} })).toThrow(
      /No upcaster/,
    );
  });
});

describe('personal data marking', () => {
  it('marks names, BSNs and birth dates of parents and children in a referral', () => {
    expect(personalFields('ReferralOpened', 1)).toEqual(
      expect.arrayContaining([
        'household.partners[].bsn',
        'household.partners[].name',
        'children[].bsn',
        'children[].birthDate',
      ]),
    );
  });

  it('marks free text that may describe the family, and nothing in events without personal data', () => {
    expect(personalFields('ObjectionFiled', 1)).toEqual(['grounds', 'lateReason']);
    expect(personalFields('WlzRequestRegistered', 1)).toEqual([]);
  });
});
