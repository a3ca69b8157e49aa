import { useState, type ReactNode } from 'react';
import {
  Button,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useQuery } from 'urql';
import { problemOf } from '../api/apiError';
import { worklistQuery, type WorklistItemView, type WorklistScope } from '../api/worklistView';
import { useLanguage } from '../i18n/language';
import { formatDate } from '../i18n/formats';
import { nameOf, statusNames, stepActionNames } from '../i18n/vocabulary';
import { DueDate } from '../layout/DueDate';
import { Loading } from '../layout/Loading';
import { PartyName } from '../layout/PartyName';
import { ProblemAlert } from '../layout/ProblemAlert';
import { shortCaseNumber } from '../layout/caseNumber';
import { AppLink } from '../navigation/navigation';
import { useDirectory } from '../session/organisationDirectory';

type Audience = WorklistItemView['audience'];

interface WorklistSectionProps {
  /** Whose steps; COLLEAGUES leaves out mine (they have their own section). */
  scope: WorklistScope;
  heading: string;
  headingId: string;
  empty: string;
  /** The kinds of row this section shows; the API filters, so every page is a full page. */
  audiences: Audience[];
}

const pageSize = 50;

export function WorklistSection({
  scope,
  heading,
  headingId,
  empty,
  audiences,
}: WorklistSectionProps) {
  const { t, tr, language } = useLanguage();
  const { organisationName } = useDirectory();
  const [pages, setPages] = useState<Array<string | null>>([null]);
  return (
    <section aria-labelledby={headingId} className="portal-section">
      <Heading2 id={headingId}>{heading}</Heading2>
      {pages.map((after, index) => (
        <WorklistPageRows
          key={after ?? 'first'}
          scope={scope}
          after={after}
          audiences={audiences}
          empty={index === 0 ? empty : null}
          onMore={index === pages.length - 1 ? (cursor) => setPages([...pages, cursor]) : undefined}
          render={(items) => (
            <Table className="portal-table">
              <TableCaption className="portal-visually-hidden">{heading}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{tr('Urgentie', 'Urgency')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{tr('Uiterlijk', 'Due')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{tr('Zaak', 'Case')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{tr('Stap', 'Step')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{tr('Wie', 'Who')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{tr('Stand van zaken', 'Status')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map((item) => (
                  <TableRow
                    key={`${item.caseId}-${item.audience}-${item.action}`}
                    className={item.overdue ? 'portal-row--overdue' : undefined}
                    data-urgency-rank={item.urgency.rank}
                  >
                    <TableCell>
                      <span
                        className={
                          item.urgency.rank < 2 ? 'portal-tag portal-tag--warning' : 'portal-muted'
                        }
                      >
                        {t(item.urgency.reason)}
                      </span>
                    </TableCell>
                    <TableCell>
                      <DueDate
                        due={item.due}
                        overdue={item.overdue}
                        daysOverdue={item.daysOverdue}
                      />
                      {item.deadline ? (
                        <div className="portal-muted">
                          {tr('uiterste termijn', 'final deadline')}:{' '}
                          <time dateTime={item.deadline}>
                            {formatDate(item.deadline, language)}
                          </time>
                        </div>
                      ) : null}
                    </TableCell>
                    <TableCell>
                      <AppLink to={{ page: 'case', caseId: item.caseId }}>
                        {tr('Zaak', 'Case')} {shortCaseNumber(item.caseId)}
                      </AppLink>
                      <div className="portal-muted">{organisationName(item.municipality)}</div>
                    </TableCell>
                    <TableCell>
                      <strong>{t(nameOf(stepActionNames, item.action))}</strong>
                      {item.audience === 'ESCALATION' ? (
                        <span className="portal-tag portal-tag--warning">
                          {tr('Escalatie', 'Escalation')}
                        </span>
                      ) : null}
                      {item.audience === 'OFFERED' ? (
                        <span className="portal-tag">{tr('Aanbod', 'Offer')}</span>
                      ) : null}
                      {item.audience === 'CONTINUING' ? (
                        <span className="portal-tag">
                          {tr(
                            'Loopt door; gemeente regelt financiering',
                            'Goes on; municipality secures funding',
                          )}
                        </span>
                      ) : null}
                      <div>{t(item.description)}</div>
                    </TableCell>
                    <TableCell>
                      <PartyName party={item.responsible} />
                    </TableCell>
                    <TableCell>{t(nameOf(statusNames, item.status))}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        />
      ))}
    </section>
  );
}

interface RowsProps {
  scope: WorklistScope;
  after: string | null;
  audiences: Audience[];
  empty: string | null;
  onMore: ((cursor: string) => void) | undefined;
  render(items: WorklistItemView[]): ReactNode;
}

function WorklistPageRows({ scope, after, audiences, empty, onMore, render }: RowsProps) {
  const { tr } = useLanguage();
  const [result] = useQuery<{
    worklist: {
      items: WorklistItemView[];
      pageInfo: { endCursor: string | null; hasNextPage: boolean };
    };
  }>({
    query: worklistQuery,
    variables: { scope, audiences, first: pageSize, after },
    requestPolicy: 'cache-and-network',
  });
  if (result.error) return <ProblemAlert problem={problemOf(result.error)} />;
  if (!result.data) return <Loading />;
  const { items, pageInfo } = result.data.worklist;
  return (
    <>
      {items.length === 0 && empty ? (
        <Paragraph>{empty}</Paragraph>
      ) : items.length > 0 ? (
        render(items)
      ) : null}
      {pageInfo.hasNextPage && pageInfo.endCursor && onMore ? (
        <Button
          appearance="secondary-action-button"
          onClick={() => onMore(pageInfo.endCursor as string)}
        >
          {tr('Meer laden', 'Load more')}
        </Button>
      ) : null}
    </>
  );
}
