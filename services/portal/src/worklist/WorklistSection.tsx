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
import {
  worklistQuery,
  type WorklistItemView,
  type WorklistScope,
  type WorklistSort,
} from '../api/worklistView';
import { useLanguage } from '../i18n/language';
import { datesInWords, formatDate } from '../i18n/formats';
import { caseLabel, urgencyNames } from '../i18n/listVocabulary';
import { nameOf, roleNames, statusNames, stepActionNames } from '../i18n/vocabulary';
import { DueDate } from '../layout/DueDate';
import { Loading } from '../layout/Loading';
import { PartyName } from '../layout/PartyName';
import { ProblemAlert } from '../layout/ProblemAlert';
import { AppLink } from '../navigation/navigation';
import { useDirectory } from '../session/organisationDirectory';
import { useSignedIn } from '../session/session';

type Audience = WorklistItemView['audience'];

interface WorklistSectionProps {
  /** Whose steps; COLLEAGUES leaves out mine (they have their own section). */
  scope: WorklistScope;
  heading: string;
  headingId: string;
  empty: string;
  /** The kinds of row this section shows; the API filters, so every page is a full page. */
  audiences: Audience[];
  sort: WorklistSort;
  /** A name, BSN or case number; the server searches (and records a search on personal data). */
  search: string;
}

const pageSize = 50;

export function WorklistSection({
  scope,
  heading,
  headingId,
  empty,
  audiences,
  sort,
  search,
}: WorklistSectionProps) {
  const { t, tr, language } = useLanguage();
  const { organisationName } = useDirectory();
  const { actor } = useSignedIn();
  // A municipality's own list is all its own cases: the name would only repeat itself.
  const showMunicipality = !/^GM\d{4}$/.test(actor.organisation);
  // My own steps are mine: a column saying so on every row would only take room.
  const showWho = scope !== 'MINE';
  const [pages, setPages] = useState<Array<string | null>>([null]);
  // A new order or search starts again at the first page.
  const [shownFor, setShownFor] = useState(`${sort}|${search}`);
  if (shownFor !== `${sort}|${search}`) {
    setShownFor(`${sort}|${search}`);
    setPages([null]);
  }
  return (
    <section aria-labelledby={headingId} className="portal-section">
      <Heading2 id={headingId}>{heading}</Heading2>
      {pages.map((after, index) => (
        <WorklistPageRows
          key={after ?? 'first'}
          scope={scope}
          after={after}
          audiences={audiences}
          sort={sort}
          search={search}
          empty={index === 0 ? empty : null}
          onMore={index === pages.length - 1 ? (cursor) => setPages([...pages, cursor]) : undefined}
          render={(items) => (
            <Table className="portal-table portal-table--rows portal-table--one-line">
              <TableCaption className="portal-visually-hidden">{heading}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{tr('Urgentie', 'Urgency')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{tr('Uiterlijk', 'Due')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{tr('Zaak', 'Case')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{tr('Stap', 'Step')}</TableHeaderCell>
                  {showWho ? (
                    <TableHeaderCell scope="col">{tr('Wie', 'Who')}</TableHeaderCell>
                  ) : null}
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
                    <TableCell data-label={tr('Urgentie', 'Urgency')}>
                      <span
                        className={
                          item.urgency.rank < 2 ? 'portal-tag portal-tag--warning' : 'portal-muted'
                        }
                        title={datesInWords(t(item.urgency.reason), language)}
                      >
                        {t(nameOf(urgencyNames, item.urgency.kind))}
                      </span>
                      <span className="portal-visually-hidden">
                        {' '}
                        {datesInWords(t(item.urgency.reason), language)}
                      </span>
                    </TableCell>
                    <TableCell
                      data-label={tr('Uiterlijk', 'Due')}
                      className={item.deadline ? 'portal-cell--wraps' : undefined}
                    >
                      <DueDate
                        due={item.due}
                        overdue={item.overdue}
                        daysOverdue={item.daysOverdue}
                      />
                      {item.deadline ? (
                        <span className="portal-muted">
                          {' '}
                          {tr('uiterste termijn', 'final deadline')}{' '}
                          <time dateTime={item.deadline}>
                            {formatDate(item.deadline, language)}
                          </time>
                        </span>
                      ) : null}
                    </TableCell>
                    <TableCell data-label={tr('Zaak', 'Case')}>
                      <AppLink to={{ page: 'case', caseId: item.caseId }}>
                        {caseLabel(item.caseNumber, item.familyName, tr)}
                      </AppLink>
                      {showMunicipality ? (
                        <span className="portal-muted">
                          {' '}
                          · {organisationName(item.municipality)}
                        </span>
                      ) : null}
                    </TableCell>
                    <TableCell data-label={tr('Stap', 'Step')}>
                      <strong title={t(item.description)}>
                        {t(nameOf(stepActionNames, item.action))}
                      </strong>
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
                    </TableCell>
                    {showWho ? (
                      <TableCell data-label={tr('Wie', 'Who')}>
                        {item.responsible.name ??
                          (item.responsible.organisation === actor.organisation ? (
                            t(nameOf(roleNames, item.responsible.role))
                          ) : (
                            <PartyName party={item.responsible} />
                          ))}
                      </TableCell>
                    ) : null}
                    <TableCell data-label={tr('Stand van zaken', 'Status')}>
                      {t(nameOf(statusNames, item.status))}
                    </TableCell>
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
  sort: WorklistSort;
  search: string;
  empty: string | null;
  onMore: ((cursor: string) => void) | undefined;
  render(items: WorklistItemView[]): ReactNode;
}

function WorklistPageRows({
  scope,
  after,
  audiences,
  sort,
  search,
  empty,
  onMore,
  render,
}: RowsProps) {
  const { tr } = useLanguage();
  const [result] = useQuery<{
    worklist: {
      items: WorklistItemView[];
      pageInfo: { endCursor: string | null; hasNextPage: boolean };
    };
  }>({
    query: worklistQuery,
    variables: { scope, audiences, first: pageSize, after, sort, search: search || null },
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
