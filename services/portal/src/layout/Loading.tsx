import { Paragraph } from '@utrecht/component-library-react';
import { useLanguage } from '../i18n/language';

export function Loading() {
  const { tr } = useLanguage();
  return (
    <Paragraph role="status" aria-live="polite">
      {tr('Bezig met laden…', 'Loading…')}
    </Paragraph>
  );
}
