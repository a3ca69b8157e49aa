// All cases the user may see, most urgent first, with a filter on what needs attention.
import { useState } from 'react';
import {
  Button,
  ButtonGroup,
  Heading1,
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
import { casesQuery, type CaseListItemView } from '../api/worklistView';
import { SelectField } from '../forms/SelectField';
import { useLanguage } from '../i18n/language';
import { formatDate } from '../i18n/formats';
import { nameOf, statusNames, stepActionNames, verdictNames } from '../i18n/vocabulary';
import { Loading } from '../layout/Loading';
import { ProblemAlert } from '../layout/ProblemAlert';
import { shortCaseNumber } from '../layout/caseNumber';
import { usePageTitle } from '../layout/usePageTitle';
import { AppLink } from '../navigation/navigation';
import { useDirectory } from '../session/organisationDirectory';

type Filter = 'all' | 'overdue' | 'fundingGap' | 'atRisk';

export function CaseListPage() {
  const { t, tr, language } = useLanguage();
  const { organisationName } = useDirectory();
  usePageTitle(tr('Zaken', 'Cases'));
  const [filter, setFilter] = useState<Filter>('all');
  // The cursors of the pages passed on the way here: "previous" goes back one, "next" adds one.
  const [trail, setTrail] = useState<Array<string | null>>([null]);
  const after = trail[trail.length - 1] ?? null;
  const [result] = useQuery<{
    cases: {
      items: CaseListItemView[];
      pageInfo: { endCursor: string | null; hasNextPage: boolean };
    };
  }>({
    query: casesQuery,
    variables: { first: 50, after, filter: filter === 'all' ? null : { [filter]: true } },
  });
  const verdictWord = (verdict: string | null) => t(nameOf(verdictNames, verdict ?? 'unknown'));

  return (
    <>
      <Heading1>{tr('Zaken', 'Cases')}</Heading1>
      <Paragraph>
        {tr(
          'Alle zaken die u mag inzien, de dringendste eerst.',
          'All cases you may see, most urgent first.',
        )}
      </Paragraph>
      <div className="portal-filter">
        <SelectField
          label={tr('Toon', 'Show')}
          value={filter}
          onChange={(value) => {
            setTrail([null]);
            setFilter(value as Filter);
          }}
          choices={[
            { value: 'all', label: tr('Alle zaken', 'All cases') },
            { value: 'overdue', label: tr('Met een stap over de termijn', 'With an overdue step') },
            {
              value: 'fundingGap',
              label: tr('Met dagen zonder financiering', 'With days without funding'),
            },
            { value: 'atRisk', label: tr('Met risico op een gat', 'At risk of a gap') },
          ]}
        />
      </div>
      {result.error ? <ProblemAlert problem={problemOf(result.error)} /> : null}
      {!result.data ? (
        result.error ? null : (
          <Loading />
        )
      ) : result.data.cases.items.length === 0 ? (
        <Paragraph>{tr('Geen zaken gevonden.', 'No cases found.')}</Paragraph>
      ) : (
        <Table className="portal-table">
          <TableCaption className="portal-visually-hidden">{tr('Zaken', 'Cases')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{tr('Zaak', 'Case')}</TableHeaderCell>
              <TableHeaderCell scope="col">{tr('Stand van zaken', 'Status')}</TableHeaderCell>
              <TableHeaderCell scope="col">{tr('Volgende stap', 'Next step')}</TableHeaderCell>
              <TableHeaderCell scope="col">{tr('Uiterlijk', 'Due')}</TableHeaderCell>
              <TableHeaderCell scope="col">
                {tr('Recht (voorlopig)', 'Eligible (preliminary)')}
              </TableHeaderCell>
              <TableHeaderCell scope="col">{tr('Financiering', 'Funding')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {result.data.cases.items.map((item) => (
              <TableRow
                key={item.caseId}
                className={item.overdue || item.gapDays > 0 ? 'portal-row--overdue' : undefined}
              >
                <TableCell>
                  <AppLink to={{ page: 'case', caseId: item.caseId }}>
                    {tr('Zaak', 'Case')} {shortCaseNumber(item.caseId)}
                  </AppLink>
                  <div className="portal-muted">{organisationName(item.municipality)}</div>
                </TableCell>
                <TableCell>{t(nameOf(statusNames, item.status))}</TableCell>
                <TableCell>
                  {item.nextAction ? t(nameOf(stepActionNames, item.nextAction)) : '—'}
                </TableCell>
                <TableCell>
                  {formatDate(item.due, language)}
                  {item.overdue ? (
                    <strong className="portal-overdue__label"> {tr('te laat', 'overdue')}</strong>
                  ) : null}
                </TableCell>
                <TableCell>{verdictWord(item.eligibilityVerdict)}</TableCell>
                <TableCell>
                  {item.fundedToday ? (
                    tr('Vandaag gefinancierd', 'Funded today')
                  ) : (
                    <strong className="portal-overdue__label">
                      {tr('Vandaag niet gefinancierd', 'Not funded today')}
                    </strong>
                  )}
                  {item.gapDays > 0 ? (
                    <div className="portal-overdue__label">
                      {tr(`${item.gapDays} dagen zonder`, `${item.gapDays} days without`)}
                    </div>
                  ) : null}
                  {item.atRisk ? <div>{tr('Risico op gat', 'At risk of a gap')}</div> : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {trail.length > 1 || result.data?.cases.pageInfo.hasNextPage ? (
        <nav aria-label={tr('Pagina’s', 'Pages')}>
          <ButtonGroup>
            {trail.length > 1 ? (
              <Button
                appearance="secondary-action-button"
                onClick={() => setTrail((passed) => passed.slice(0, -1))}
              >
                {tr('Vorige pagina', 'Previous page')}
              </Button>
            ) : null}
            <span className="portal-muted">
              {tr(`Pagina ${trail.length}`, `Page ${trail.length}`)}
            </span>
            {result.data?.cases.pageInfo.hasNextPage && result.data.cases.pageInfo.endCursor ? (
              <Button
                appearance="secondary-action-button"
                onClick={() => {
                  const next = result.data?.cases.pageInfo.endCursor ?? null;
                  if (next) setTrail((passed) => [...passed, next]);
                }}
              >
                {tr('Volgende pagina', 'Next page')}
              </Button>
            ) : null}
          </ButtonGroup>
        </nav>
      ) : null}
    </>
  );
}
