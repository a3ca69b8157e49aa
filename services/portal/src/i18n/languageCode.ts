/** The interface languages: Dutch first, English beside it. */
export type Language = 'nl' | 'en';
