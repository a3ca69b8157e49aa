// How dates, times and amounts read in the interface language.
// Calendar dates (YYYY-MM-DD) are already Amsterdam dates: they are shown as they are. Instants
// are shown in Europe/Amsterdam, whatever the time zone of the browser.
import { dateInAmsterdam, type IsoDate } from '@kot/domain';
import type { Language } from './languageCode';

const locales: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

export function formatDate(date: IsoDate | null | undefined, language: Language): string {
  if (!date) return '—';
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locales[language], {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** A sentence with calendar dates in it (YYYY-MM-DD, as the domain writes them), in words. */
export function datesInWords(sentence: string, language: Language): string {
  return sentence.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (date) => formatDate(date, language));
}

export function formatInstant(instant: string | null | undefined, language: Language): string {
  if (!instant) return '—';
  return new Intl.DateTimeFormat(locales[language], {
    timeZone: 'Europe/Amsterdam',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(new Date(instant));
}

export const todayInAmsterdam = (): IsoDate => dateInAmsterdam(new Date().toISOString());

export function formatEuro(cents: number, language: Language): string {
  return new Intl.NumberFormat(locales[language], { style: 'currency', currency: 'EUR' }).format(
    cents / 100,
  );
}

/** "Sanne en Daan", "Sanne and Daan": names joined as the language does. */
export function formatList(items: string[], language: Language): string {
  return new Intl.ListFormat(locales[language], { style: 'long', type: 'conjunction' }).format(
    items,
  );
}
