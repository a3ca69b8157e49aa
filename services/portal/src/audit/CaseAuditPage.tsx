// For auditors: the case's full history, the time slider, and the integrity check.
import { useState } from 'react';
import { Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useQuery } from 'urql';
import { problemOf } from '../api/apiError';
import { caseHistoryQuery, type HistoryEntryView } from '../api/caseView';
import { useLanguage } from '../i18n/language';
import { Loading } from '../layout/Loading';
import { ProblemAlert } from '../layout/ProblemAlert';
import { shortCaseNumber } from '../layout/caseNumber';
import { usePageTitle } from '../layout/usePageTitle';
import { AppLink } from '../navigation/navigation';
import { HistoryTable } from './HistoryTable';
import { IntegrityCheck } from './IntegrityCheck';
import { TimeSlider, type Moment } from './TimeSlider';

export function CaseAuditPage({ caseId }: { caseId: string }) {
  const { tr } = useLanguage();
  usePageTitle(`${tr('Audit van zaak', 'Audit of case')} ${shortCaseNumber(caseId)}`);
  const [result] = useQuery<{ caseHistory: HistoryEntryView[] }>({
    query: caseHistoryQuery,
    variables: { id: caseId },
    requestPolicy: 'network-only',
  });
  const [moment, setMoment] = useState<Moment | null>(null);
  const history = result.data?.caseHistory;
  return (
    <>
      <Heading1>
        {tr('Audit van zaak', 'Audit of case')} {shortCaseNumber(caseId)}
      </Heading1>
      <Paragraph className="portal-muted">
        {tr('Volledig zaak-id', 'Full case id')} <code>{caseId}</code>
      </Paragraph>
      <Paragraph>
        <AppLink to={{ page: 'case', caseId }}>
          {tr('Naar de zaak zoals die nu is', 'To the case as it is now')}
        </AppLink>
      </Paragraph>
      <IntegrityCheck caseId={caseId} />
      {result.error ? <ProblemAlert problem={problemOf(result.error)} /> : null}
      {!history ? (
        result.error ? null : (
          <Loading />
        )
      ) : (
        <>
          <TimeSlider caseId={caseId} history={history} onMoment={setMoment} />
          <section aria-labelledby="history" className="portal-section">
            <Heading2 id="history">{tr('Geschiedenis', 'History')}</Heading2>
            {moment !== null ? (
              <Paragraph className="portal-muted">
                {moment.axis === 'RECORDED'
                  ? tr(
                      'Gebeurtenissen die na het gekozen moment zijn vastgelegd, staan gedimd.',
                      'Events recorded after the chosen moment are dimmed.',
                    )
                  : tr(
                      'Gebeurtenissen die na het gekozen moment gebeurden (bedrijfstijd), staan gedimd.',
                      'Events that happened after the chosen moment (business time) are dimmed.',
                    )}
              </Paragraph>
            ) : null}
            <HistoryTable caseId={caseId} history={history} moment={moment} />
          </section>
        </>
      )}
    </>
  );
}
