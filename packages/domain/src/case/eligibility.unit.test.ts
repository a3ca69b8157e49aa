import { assessEligibility, earliestKotStart, type ConditionCode } from './eligibility';
import type { Child, Household } from './household';
import { child, couple, partnerWithIndication, workingPartner } from '../testing/fixtures';

const unmet = (household: Household, children: Child[] = [child()], on = '2024-03-01') =>
  assessEligibility({ household, children }, on)
    .conditions.filter((c) => c.met === false)
    .map((c) => c.code);

describe('eligibility for KOT through the Wlz route', () => {
  it('says yes for a couple with one permanently indicated partner, a working partner and registered childcare', () => {
    const result = assessEligibility({ household: couple(), children: [child()] }, '2024-03-01');
    expect(result.verdict).toBe('yes');
    expect(result.conditions.every((c) => c.met === true)).toBe(true);
    expect(result.alternative).toBeNull();
  });

  const table: Array<[string, Household, Child[], string, ConditionCode[]]> = [
    [
      'a single parent',
      { composition: 'single-parent', partners: [partnerWithIndication()] },
      [child()],
      '2024-03-01',
      ['partner-pair'],
    ],
    [
      'both partners indicated',
      {
        composition: 'partners',
        partners: [
          partnerWithIndication(),
          workingPartner({ wlzIndication: { kind: 'permanent' } }),
        ],
      },
      [child()],
      '2024-03-01',
      ['one-indicated-partner'],
    ],
    [
      'no partner indicated',
      {
        composition: 'partners',
        partners: [partnerWithIndication({ wlzIndication: null }), workingPartner()],
      },
      [child()],
      '2024-03-01',
      ['one-indicated-partner'],
    ],
    [
      'a partner who volunteers',
      {
        composition: 'partners',
        partners: [partnerWithIndication(), workingPartner({ workStatus: 'volunteering' })],
      },
      [child()],
      '2024-03-01',
      ['partner-works'],
    ],
    [
      'a partner in day activities',
      {
        composition: 'partners',
        partners: [partnerWithIndication(), workingPartner({ workStatus: 'day-activities' })],
      },
      [child()],
      '2024-03-01',
      ['partner-works'],
    ],
    [
      'a permanent indication before 2021',
      couple(),
      [child()],
      '2020-12-31',
      ['indication-counts'],
    ],
    [
      'a temporary indication in 2022',
      {
        composition: 'partners',
        partners: [
          partnerWithIndication({
            wlzIndication: { kind: 'temporary', validFrom: '2022-01-01', validTo: '2025-12-31' },
          }),
          workingPartner(),
        ],
      },
      [child()],
      '2022-12-31',
      ['indication-counts'],
    ],
    [
      'an indication that expired',
      {
        composition: 'partners',
        partners: [
          partnerWithIndication({
            wlzIndication: { kind: 'temporary', validFrom: '2023-01-01', validTo: '2023-12-31' },
          }),
          workingPartner(),
        ],
      },
      [child()],
      '2024-03-01',
      ['indication-counts'],
    ],
    [
      'childcare outside the LRK',
      couple(),
      [child({ childcare: null })],
      '2024-03-01',
      ['registered-childcare'],
    ],
    [
      'a child not living at home',
      couple(),
      [child({ livesAtHome: false })],
      '2024-03-01',
      ['registered-childcare'],
    ],
    [
      'unpaid care',
      couple(),
      [
        child({
          childcare: {
            lrkNumber: '123456789',
            careType: 'daycare',
            hoursPerMonth: 40,
            hourlyRateCents: 0,
          },
        }),
      ],
      '2024-03-01',
      ['registered-childcare'],
    ],
  ];

  it.each(table)(
    'says no for %s, naming the unmet condition and the SMI alternative',
    (_name, household, children, on, expected) => {
      const result = assessEligibility({ household, children }, on);
      expect(result.verdict).toBe('no');
      expect(unmet(household, children, on)).toEqual(expected);
      expect(result.alternative?.nl).toBeTruthy();
      expect(result.alternative?.en).toBeTruthy();
    },
  );

  it('counts a temporary indication from 2023-01-01 on', () => {
    const household: Household = {
      composition: 'partners',
      partners: [
        partnerWithIndication({
          wlzIndication: { kind: 'temporary', validFrom: '2022-06-01', validTo: '2026-06-01' },
        }),
        workingPartner(),
      ],
    };
    expect(assessEligibility({ household, children: [child()] }, '2023-01-01').verdict).toBe('yes');
  });

  it('says unknown, not yes, when the kind of indication or the work status is not known', () => {
    const unknownKind: Household = {
      composition: 'partners',
      partners: [partnerWithIndication({ wlzIndication: { kind: 'unknown' } }), workingPartner()],
    };
    const unknownWork: Household = {
      composition: 'partners',
      partners: [partnerWithIndication(), workingPartner({ workStatus: 'unknown' })],
    };
    expect(
      assessEligibility({ household: unknownKind, children: [child()] }, '2024-03-01').verdict,
    ).toBe('unknown');
    expect(
      assessEligibility({ household: unknownWork, children: [child()] }, '2024-03-01').verdict,
    ).toBe('unknown');
  });

  it('lets a confirmed indication from CIZ override what the referrer stated', () => {
    const stated: Household = {
      composition: 'partners',
      partners: [partnerWithIndication({ wlzIndication: { kind: 'unknown' } }), workingPartner()],
    };
    const result = assessEligibility(
      {
        household: stated,
        children: [child()],
        confirmedIndication: { partnerId: 'p1', kind: 'permanent', validFrom: '2019-06-01' },
      },
      '2024-03-01',
    );
    expect(result.verdict).toBe('yes');
  });

  const bothIndicated: Household = {
    composition: 'partners',
    partners: [partnerWithIndication(), workingPartner({ wlzIndication: { kind: 'permanent' } })],
  };

  it('keeps a clear no for a couple where both partners are indicated, also once CIZ confirms one of them', () => {
    const result = assessEligibility(
      {
        household: bothIndicated,
        children: [child()],
        confirmedIndication: { partnerId: 'p1', kind: 'permanent', validFrom: '2019-06-01' },
      },
      '2024-03-01',
    );
    expect(result.verdict).toBe('no');
    const reason = result.conditions.find((c) => c.code === 'one-indicated-partner');
    expect(reason).toMatchObject({ met: false });
    expect(reason?.explanation.en).toMatch(/Both partners have a Wlz-indication/);
    expect(result.alternative?.en).toMatch(/stays on the municipality's SMI/);
  });

  it.each([
    ['both partners are indicated', bothIndicated],
    [
      'neither partner is indicated',
      {
        composition: 'partners',
        partners: [
          partnerWithIndication({ wlzIndication: null }),
          workingPartner({ workStatus: 'unknown' }),
        ],
      } as Household,
    ],
  ])(
    'reports no unrelated condition as unknown beside the clear no when %s',
    (_name, household) => {
      const result = assessEligibility({ household, children: [child()] }, '2024-03-01');
      expect(result.verdict).toBe('no');
      expect(result.conditions.filter((c) => c.met === null)).toEqual([]);
      expect(result.conditions.map((c) => c.code)).toEqual([
        'partner-pair',
        'one-indicated-partner',
        'registered-childcare',
      ]);
    },
  );

  it('does not count on what the referrer stated once CIZ reported the indication not found', () => {
    const result = assessEligibility(
      { household: couple(), children: [child()], indicationNotFound: true },
      '2024-03-01',
    );
    expect(result.verdict).toBe('unknown');
    expect(result.conditions.find((c) => c.code === 'indication-counts')).toMatchObject({
      met: null,
      explanation: { en: expect.stringMatching(/Wlz-indication was not found in CIZ's data/) },
    });
    // A copy of CIZ's decision settles it.
    expect(
      assessEligibility(
        {
          household: couple(),
          children: [child()],
          indicationNotFound: true,
          confirmedIndication: { partnerId: 'p1', kind: 'permanent', validFrom: '2019-06-01' },
        },
        '2024-03-01',
      ).verdict,
    ).toBe('yes');
  });

  it('caps the hours at 230 a month per child with a note, without refusing', () => {
    const many = child({
      childcare: {
        lrkNumber: '123456789',
        careType: 'daycare',
        hoursPerMonth: 250,
        hourlyRateCents: 1000,
      },
    });
    const result = assessEligibility({ household: couple(), children: [many] }, '2024-03-01');
    expect(result.verdict).toBe('yes');
    expect(result.notes[0]?.en).toMatch(/at most 230 of 250 hours/);
  });

  it('gives a single parent a clear no with the reason and the alternative, in Dutch and English', () => {
    const result = assessEligibility(
      {
        household: { composition: 'single-parent', partners: [partnerWithIndication()] },
        children: [child()],
      },
      '2024-03-01',
    );
    const reason = result.conditions.find((c) => c.code === 'partner-pair');
    expect(reason?.explanation.nl).toMatch(/alleenstaande ouder/);
    expect(result.alternative?.nl).toMatch(/SMI/);
  });
});

describe('earliest KOT start', () => {
  it('is the first day of the month three months before the application month', () => {
    expect(earliestKotStart('2024-05-15')).toBe('2024-02-01');
    expect(earliestKotStart('2024-01-02')).toBe('2023-10-01');
  });

  it('is never before the indication counts', () => {
    expect(earliestKotStart('2023-02-10', { kind: 'temporary', validFrom: '2022-05-01' })).toBe(
      '2023-01-01',
    );
    expect(earliestKotStart('2024-05-15', { kind: 'permanent', validFrom: '2024-03-15' })).toBe(
      '2024-03-15',
    );
  });
});
