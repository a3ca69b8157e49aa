// Once Dienst Toeslagen has decided, its decision is what counts: the case shows it, with the
// reason, in place of the platform's provisional eligibility check.
import { Alert, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { CaseView } from '../api/caseView';
import { useLanguage } from '../i18n/language';
import { formatDate } from '../i18n/formats';
import { nameOf, rejectionReasonNames } from '../i18n/vocabulary';

type Decision = NonNullable<CaseView['decision']>;

export function DecisionResult({ decision, headingId }: { decision: Decision; headingId: string }) {
  const { t, tr, language } = useLanguage();
  const granted = decision.outcome === 'granted';
  const decidedOn = formatDate(decision.decidedOn, language);
  return (
    <section aria-labelledby={headingId} className="portal-section portal-eligibility">
      <Heading2 id={headingId}>
        {tr('Besluit van Dienst Toeslagen', 'Decision by Dienst Toeslagen')}
      </Heading2>
      <Alert type={granted ? 'ok' : 'error'}>
        <Paragraph>
          <strong>
            {granted
              ? decision.grantedFrom
                ? tr(
                    `Kinderopvangtoeslag toegekend vanaf ${formatDate(decision.grantedFrom, language)}.`,
                    `Childcare allowance granted from ${formatDate(decision.grantedFrom, language)}.`,
                  )
                : tr('Kinderopvangtoeslag toegekend.', 'Childcare allowance granted.')
              : tr('Kinderopvangtoeslag afgewezen.', 'Childcare allowance rejected.')}
          </strong>{' '}
          {tr(`Besloten op ${decidedOn}.`, `Decided on ${decidedOn}.`)}
        </Paragraph>
      </Alert>
      {!granted && decision.reason ? (
        <Paragraph>
          <strong>{tr('Reden: ', 'Reason: ')}</strong>
          {t(nameOf(rejectionReasonNames, decision.reason))}
          {decision.explanation ? `. ${decision.explanation}` : ''}
        </Paragraph>
      ) : null}
      <Paragraph className="portal-muted">
        {tr(
          'Dit besluit vervangt de voorlopige controle van het platform.',
          "This decision replaces the platform's provisional check.",
        )}
      </Paragraph>
    </section>
  );
}
