// The interface speaks Dutch; English is one click away and remembered on this device.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Text } from '@kot/domain';
import { datesInWords } from './formats';
import type { Language } from './languageCode';

export type { Language } from './languageCode';

interface LanguageContextValue {
  language: Language;
  setLanguage(language: Language): void;
  t(text: Text): string;
  /** `t` for sentences from the server: the ISO dates in them written out (2 december 2026). */
  tFromServer(text: Text): string;
  /** A sentence written in place, in both languages. */
  tr(nl: string, en: string): string;
}

const storageKey = 'kot-portal-language';
const LanguageContext = createContext<LanguageContextValue | null>(null);

function storedLanguage(): Language {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<LanguageContextValue>(
    () => ({
      language,
      setLanguage(next) {
        setLanguageState(next);
        try {
          localStorage.setItem(storageKey, next);
        } catch {
          // Private browsing may refuse storage; the choice then lasts for this page only.
        }
      },
      t: (text) => text[language],
      tFromServer: (text) => datesInWords(text[language], language),
      tr: (nl, en) => (language === 'nl' ? nl : en),
    }),
    [language],
  );
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageContextValue {
  const value = useContext(LanguageContext);
  if (!value) throw new Error('useLanguage needs a LanguageProvider');
  return value;
}
