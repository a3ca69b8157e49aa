import { Button } from '@utrecht/component-library-react';
import { useLanguage } from '../i18n/language';

/** Names the other language in that language, the way Dutch government sites do. */
export function LanguageSwitch() {
  const { language, setLanguage } = useLanguage();
  const other = language === 'nl' ? 'en' : 'nl';
  return (
    <Button appearance="subtle-button" onClick={() => setLanguage(other)} lang={other}>
      {other === 'en' ? 'English' : 'Nederlands'}
    </Button>
  );
}
