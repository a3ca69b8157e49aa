/** A sentence shown to people, in Dutch (the interface language) and English. */
export interface Text {
  nl: string;
  en: string;
}

export const text = (nl: string, en: string): Text => ({ nl, en });
