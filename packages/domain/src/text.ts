/** A sentence shown to people, in Dutch (the interface language) and English. */
export interface Text {
  nl: string;
  en: string;
}

export const text = (nl: string, en: string): Text => ({ nl, en });

/** The longest piece of what a caller sent that a refusal or a log line repeats. */
export const excerptLength = 40;

/**
 * A short excerpt of something a caller sent, for a refusal or a log line: never more than
 * `max` characters of it, so a megabyte of input is not sent back or written to the log.
 */
export function excerpt(value: unknown, max = excerptLength): string {
  const whole = typeof value === 'string' ? value : String(JSON.stringify(value) ?? value);
  return whole.length <= max ? whole : `${whole.slice(0, max)}… (${whole.length} characters)`;
}
