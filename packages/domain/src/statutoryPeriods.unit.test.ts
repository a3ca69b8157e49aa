import { objectionPeriodEnds } from './case/norms';
import {
  easterSunday,
  holidaysOf,
  isWorkingDay,
  statutoryPeriodEnd,
  statutoryPeriodInWeeks,
} from './statutoryPeriods';

describe('statutory periods as the Algemene termijnenwet counts them', () => {
  it('finds Easter Sunday, from which the moving holidays follow', () => {
    expect(['2000', '2019', '2024', '2025', '2026', '2027'].map((y) => easterSunday(+y))).toEqual([
      '2000-04-23',
      '2019-04-21',
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
    ]);
  });

  it('lists the holidays of art. 3 with Good Friday and the days a decree equated', () => {
    expect(holidaysOf(2024)).toEqual([
      '2024-01-01',
      '2024-03-29' /* Goede Vrijdag */,
      '2024-04-01' /* tweede Paasdag */,
      '2024-04-27' /* Koningsdag */,
      '2024-05-05',
      '2024-05-09' /* Hemelvaartsdag */,
      '2024-05-10' /* gelijkgesteld bij besluit */,
      '2024-05-20' /* tweede Pinksterdag */,
      '2024-12-25',
      '2024-12-26',
      '2024-12-27' /* gelijkgesteld bij besluit */,
    ]);
  });

  it("moves King's Day to the Saturday when 27 April is a Sunday", () => {
    expect(holidaysOf(2025)).toContain('2025-04-26');
    expect(holidaysOf(2025)).not.toContain('2025-04-27');
  });

  it('ends a period that would end on a holiday or in a weekend on the next working day', () => {
    expect(statutoryPeriodEnd('2024-06-11')).toBe('2024-06-11'); // an ordinary Tuesday
    expect(statutoryPeriodEnd('2022-10-01')).toBe('2022-10-03'); // Saturday
    expect(statutoryPeriodEnd('2024-05-09')).toBe('2024-05-13'); // Ascension, decreed Friday, weekend
    expect(statutoryPeriodEnd('2024-12-26')).toBe('2024-12-30'); // Boxing Day, decreed Friday, weekend
    expect(statutoryPeriodEnd('2026-01-01')).toBe('2026-01-05'); // New Year, decreed 2 January, weekend
    expect(isWorkingDay('2024-03-29')).toBe(false); // Good Friday
  });

  it('counts six weeks of objection from the day after the decision was made known (Awb 6:7, 6:8)', () => {
    // Made known on Thursday 28 March 2024: six weeks end on Ascension Day, so Monday 13 May.
    expect(objectionPeriodEnds('2024-03-28')).toBe('2024-05-13');
    expect(objectionPeriodEnds('2024-04-30')).toBe('2024-06-11');
    expect(statutoryPeriodInWeeks('2024-02-29', 6)).toBe('2024-04-11'); // across the leap day
  });
});
