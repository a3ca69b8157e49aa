import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { useLanguage } from '../i18n/language';
import { AppLink } from '../navigation/navigation';
import { usePageTitle } from './usePageTitle';

export function NotFoundPage() {
  const { tr } = useLanguage();
  usePageTitle(tr('Pagina niet gevonden', 'Page not found'));
  return (
    <>
      <Heading1>{tr('Pagina niet gevonden', 'Page not found')}</Heading1>
      <Paragraph>
        {tr('Deze pagina bestaat niet (meer). ', 'This page does not exist (any more). ')}
        <AppLink to={{ page: 'worklist' }}>
          {tr('Naar uw werklijst', 'Go to your worklist')}
        </AppLink>
      </Paragraph>
    </>
  );
}
