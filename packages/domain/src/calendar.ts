// Calendar dates are ISO strings (YYYY-MM-DD) in Europe/Amsterdam; instants are ISO timestamps.
// Arithmetic happens on day numbers (days since 1970-01-01), so month boundaries, leap years and
// daylight-saving changes cannot shift a date.

export type IsoDate = string;
export type Instant = string;

const DAY_MS = 86_400_000;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function isInstant(value: unknown): value is Instant {
  return (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}T/.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}

// Day numbers and dates are converted on every fold and every read-model row; both directions
// are remembered (a platform's dates span a few thousand days, so the maps stay small).
const dayNumbers = new Map<IsoDate, number>();
const datesOfDays = new Map<number, IsoDate>();
const MAX_REMEMBERED = 100_000;

export function dayNumber(date: IsoDate): number {
  let day = dayNumbers.get(date);
  if (day === undefined) {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    day = Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
    if (dayNumbers.size >= MAX_REMEMBERED) dayNumbers.clear();
    dayNumbers.set(date, day);
  }
  return day;
}

export function fromDayNumber(day: number): IsoDate {
  let date = datesOfDays.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (datesOfDays.size >= MAX_REMEMBERED) datesOfDays.clear();
    datesOfDays.set(day, date);
  }
  return date;
}

export const addDays = (date: IsoDate, days: number): IsoDate =>
  fromDayNumber(dayNumber(date) + days);

/** Days from `from` to `to` (positive when `to` is later). */
export const daysBetween = (from: IsoDate, to: IsoDate): number => dayNumber(to) - dayNumber(from);

export const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a <= b ? a : b);
export const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a >= b ? a : b);

const amsterdam = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

let lastInstant: Instant | null = null;
let lastDate: IsoDate = '';

/** The calendar date in Amsterdam at a given instant. */
export function dateInAmsterdam(instant: Instant): IsoDate {
  // One instant is asked for many times in a row (every rule of a case's rows at one `now`).
  if (instant !== lastInstant) {
    lastDate = amsterdam.format(new Date(instant));
    lastInstant = instant;
  }
  return lastDate;
}

/** First day of the month `months` months before (negative) or after the month of `date`. */
export function firstOfMonth(date: IsoDate, months = 0): IsoDate {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const shifted = new Date(Date.UTC(y, m - 1 + months, 1));
  return shifted.toISOString().slice(0, 10);
}
