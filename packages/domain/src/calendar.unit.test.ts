import { addDays, dateInAmsterdam, daysBetween, firstOfMonth, isIsoDate } from './calendar';

describe('calendar dates in Europe/Amsterdam', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-01-31', 1)).toBe('2024-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('counts days across the daylight-saving change without drift', () => {
    expect(daysBetween('2024-03-30', '2024-04-01')).toBe(2);
    expect(daysBetween('2024-10-26', '2024-10-28')).toBe(2);
  });

  it('takes the date in Amsterdam, not in UTC, around midnight', () => {
    expect(dateInAmsterdam('2024-06-30T22:30:00Z')).toBe('2024-07-01');
    expect(dateInAmsterdam('2024-01-31T22:59:00Z')).toBe('2024-01-31');
    expect(dateInAmsterdam('2024-01-31T23:00:00Z')).toBe('2024-02-01');
  });

  it('finds the first day of a month some months back', () => {
    expect(firstOfMonth('2024-05-15', -3)).toBe('2024-02-01');
    expect(firstOfMonth('2024-02-29', -3)).toBe('2023-11-01');
    expect(firstOfMonth('2024-01-10', 0)).toBe('2024-01-01');
  });

  it('rejects impossible dates', () => {
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('1-1-2024')).toBe(false);
  });
});
