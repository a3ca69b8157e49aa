import { useEffect } from 'react';
import { useLanguage } from '../i18n/language';

/** Every page names itself in the browser tab, so screen reader users know where they landed. */
export function usePageTitle(title: string): void {
  const { tr } = useLanguage();
  useEffect(() => {
    document.title = `${title} – ${tr('Van SMI naar kinderopvangtoeslag', 'From SMI to childcare allowance')}`;
  }, [title, tr]);
}
