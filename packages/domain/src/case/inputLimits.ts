// How much and how old: the bounds every command's fields are held to before any rule runs. An
// event log keeps what it accepts for good, so impossible or oversized input is refused at the
// field. The figures are documented in the package README; change them there too.

import type { IsoDate } from '../calendar';

/** Most characters a text field may hold, by kind of text. */
export const textLimits = {
  /** A person's full name (the longest Dutch names with prefixes stay well below this). */
  name: 200,
  /** A reference the sending system chose: partnerId, childId, personId. */
  reference: 64,
  /** An organisation code: a CBS code, CIZ, DienstToeslagen or a supporter organisation id. */
  organisation: 64,
  /** Free text: reasons, explanations, grounds of an objection, notes. */
  sentence: 2000,
} as const;

/** At most this many children in one referral. */
export const maximumChildren = 20;

/** Business dates outside these years are typing errors, whatever the field. */
export const earliestDate: IsoDate = '1900-01-01';
export const latestDate: IsoDate = '2199-12-31';

/**
 * A parent is at least 12 and at most 100 years old on the day the referral is sent. A child is
 * born, and at most 13 years old: childcare that KOT pays for (day care, out-of-school care)
 * serves children until they leave primary school, at 12 or 13.
 */
export const parentAge = { youngest: 12, oldest: 100 } as const;
export const childAge = { oldest: 13 } as const;

/** The same day `years` years earlier (29 February becomes 28 February in other years). */
export function yearsBefore(date: IsoDate, years: number): IsoDate {
  const [year, month, day] = date.split('-') as [string, string, string];
  const shifted = `${String(Number(year) - years).padStart(4, '0')}-${month}-${day}`;
  return month === '02' && day === '29' && !isLeapYear(Number(year) - years)
    ? shifted.replace(/-29$/, '-28')
    : shifted;
}

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
