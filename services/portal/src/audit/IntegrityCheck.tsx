import { Alert, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useQuery } from 'urql';
import { problemOf } from '../api/apiError';
import { useLanguage } from '../i18n/language';
import { Loading } from '../layout/Loading';
import { ProblemAlert } from '../layout/ProblemAlert';
import { integrityQuery, type IntegrityReportView } from './auditDocuments';

/** The hash chain of the case's events, checked now by the server. */
export function IntegrityCheck({ caseId }: { caseId: string }) {
  const { tr } = useLanguage();
  const [result] = useQuery<{ verifyIntegrity: IntegrityReportView }>({
    query: integrityQuery,
    variables: { id: caseId },
    requestPolicy: 'network-only',
  });
  const report = result.data?.verifyIntegrity;
  return (
    <section aria-labelledby="integrity" className="portal-section">
      <Heading2 id="integrity">
        {tr('Integriteit van de geschiedenis', 'Integrity of the history')}
      </Heading2>
      {result.error ? <ProblemAlert problem={problemOf(result.error)} /> : null}
      {!report ? (
        result.error ? null : (
          <Loading />
        )
      ) : report.valid ? (
        <Alert type="ok">
          <Paragraph>
            {tr(
              `In orde: de hashketen van alle ${report.eventCount} gebeurtenissen klopt. Er is niets gewijzigd of verwijderd.`,
              `Intact: the hash chain of all ${report.eventCount} events is valid. Nothing was altered or removed.`,
            )}
          </Paragraph>
        </Alert>
      ) : (
        <Alert type="error" role="alert">
          <Paragraph>
            {tr(
              `NIET in orde: de keten breekt bij gebeurtenis ${(report.firstInvalidRevision ?? 0) + 1}. Vanaf daar is een gebeurtenis gewijzigd, verwijderd of verplaatst nadat ze was vastgelegd. Meld dit bij de beheerder van het platform.`,
              `NOT intact: the chain breaks at event ${(report.firstInvalidRevision ?? 0) + 1}. From there on an event was altered, removed or moved after it was recorded. Report this to the platform's administrator.`,
            )}
          </Paragraph>
          {report.reason ? (
            // The event store words its finding for engineers, in English only.
            <details>
              <summary>{tr('Technische melding (Engels)', 'Technical detail')}</summary>
              <p lang="en">{report.reason}</p>
            </details>
          ) : null}
        </Alert>
      )}
    </section>
  );
}
