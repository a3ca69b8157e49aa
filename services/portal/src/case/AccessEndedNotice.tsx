// After a step that hands the case away (an offer declined, a case given back) the user may no
// longer see it. Instead of a "not found", the page confirms what was recorded and where to go now.
import { useEffect, useRef } from 'react';
import { Alert, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useLanguage } from '../i18n/language';
import { eventNames, nameOf } from '../i18n/vocabulary';
import { shortCaseNumber } from '../layout/caseNumber';
import { usePageTitle } from '../layout/usePageTitle';
import { AppLink } from '../navigation/navigation';
import type { CommandOutcome } from './useRunCommand';

export function AccessEndedNotice({
  caseId,
  outcome,
}: {
  caseId: string;
  outcome: CommandOutcome;
}) {
  const { t, tr } = useLanguage();
  const heading = useRef<HTMLHeadingElement>(null);
  usePageTitle(`${tr('Vastgelegd', 'Recorded')}: ${tr('zaak', 'case')} ${shortCaseNumber(caseId)}`);
  useEffect(() => heading.current?.focus(), []);
  const recorded = outcome.events.map((event) => t(nameOf(eventNames, event.type))).join(', ');
  return (
    <>
      <Heading1 ref={heading} tabIndex={-1}>
        {tr('Vastgelegd', 'Recorded')}: {recorded}
      </Heading1>
      <Alert type="ok" role="status">
        <Paragraph>
          {tr(
            `Zaak ${shortCaseNumber(caseId)} ligt weer bij de SMI-consulent van de gemeente. U heeft er daarom geen toegang meer toe; de gemeente ziet uw reden en zoekt zo nodig iemand anders.`,
            `Case ${shortCaseNumber(caseId)} is back with the municipality's SMI officer, so you no longer have access to it. The municipality sees your reason and finds someone else if needed.`,
          )}
        </Paragraph>
      </Alert>
      <Paragraph>
        <AppLink to={{ page: 'worklist' }}>
          {tr('Terug naar uw werklijst', 'Back to your worklist')}
        </AppLink>
      </Paragraph>
    </>
  );
}
