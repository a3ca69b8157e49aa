// Statutory periods as Dutch law counts them. A period set by law (the objection period, the
// decision periods) that ends on a Saturday, a Sunday or a generally recognised holiday runs to
// the end of the next day that is none of those (Algemene termijnenwet, art. 1). The holidays are
// the Atw's own list (art. 3(1)), Good Friday (art. 3(2)), and the days equated to them by the
// decrees under art. 3(3), which the government takes about every three years.
import { addDays, dayNumber, fromDayNumber, type IsoDate } from './calendar';

/** Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * Days equated to a holiday by decree (Atw art. 3(3)), from the decrees we hold: "Besluit
 * gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025" and
 * "Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei
 * 2028", and 27 May 2022. A new decree's days are added here when it is published.
 */
export const daysEquatedByDecree: readonly IsoDate[] = [
  '2022-05-27',
  '2023-04-28',
  '2023-05-19',
  '2024-05-10',
  '2024-12-27',
  '2025-05-30',
  '2026-01-02',
  '2026-05-15',
  '2027-05-07',
  '2028-04-28',
  '2028-05-26',
];

/** The day the King's (before 2014 the Queen's) birthday is celebrated; a Sunday moves it back a day. */
function kingsDay(year: number): IsoDate {
  const date = year >= 2014 ? `${year}-04-27` : `${year}-04-30`;
  return isSunday(date) ? addDays(date, -1) : date;
}

/** The generally recognised holidays of a year (Atw art. 3), with Good Friday and decreed days. */
export function holidaysOf(year: number): IsoDate[] {
  const easter = easterSunday(year);
  const days = [
    `${year}-01-01` /* Nieuwjaarsdag */,
    addDays(easter, -2) /* Goede Vrijdag, art. 3(2) */,
    addDays(easter, 1) /* tweede Paasdag */,
    kingsDay(year),
    `${year}-05-05`,
    addDays(easter, 39) /* Hemelvaartsdag */,
    addDays(easter, 50) /* tweede Pinksterdag */,
    `${year}-12-25`,
    `${year}-12-26`,
    ...daysEquatedByDecree.filter((day) => day.startsWith(`${year}-`)),
  ];
  return [...new Set(days)].sort();
}

const holidayCache = new Map<number, ReadonlySet<IsoDate>>();

export function isHoliday(date: IsoDate): boolean {
  const year = Number(date.slice(0, 4));
  let holidays = holidayCache.get(year);
  if (!holidays) {
    holidays = new Set(holidaysOf(year));
    holidayCache.set(year, holidays);
  }
  return holidays.has(date);
}

/** 1970-01-01 was a Thursday: day number 0 is weekday 4 (0 = Sunday). */
const weekday = (date: IsoDate): number => (((dayNumber(date) + 4) % 7) + 7) % 7;
const isSunday = (date: IsoDate): boolean => weekday(date) === 0;

export const isWeekend = (date: IsoDate): boolean => weekday(date) === 0 || weekday(date) === 6;

/** A day on which a statutory period can end: no Saturday, Sunday or generally recognised holiday. */
export const isWorkingDay = (date: IsoDate): boolean => !isWeekend(date) && !isHoliday(date);

/**
 * The last day of a statutory period that would end on `nominalEnd`: that day, or the next working
 * day when it is not one (Atw art. 1). Bounded: no run of non-working days is longer than a week.
 */
export function statutoryPeriodEnd(nominalEnd: IsoDate): IsoDate {
  let day = dayNumber(nominalEnd);
  for (let step = 0; step < 14 && !isWorkingDay(fromDayNumber(day)); step++) day++;
  return fromDayNumber(day);
}

/**
 * The last day of a period of `weeks` weeks that starts the day after `startsAfter` (as an
 * objection period starts the day after the decision was made known, Awb 6:8): the same weekday
 * `weeks` weeks later, moved to the next working day where the Atw says so.
 */
export const statutoryPeriodInWeeks = (startsAfter: IsoDate, weeks: number): IsoDate =>
  statutoryPeriodEnd(addDays(startsAfter, weeks * 7));

const pad = (n: number): string => String(n).padStart(2, '0');
