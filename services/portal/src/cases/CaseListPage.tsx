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
import { caseLabel } from '../i18n/listVocabulary';
import { ListSearch } from '../layout/ListSearch';
import { usePageTitle } from '../layout/usePageTitle';
import { AppLink } from '../navigation/navigation';
import { useDirectory } from '../session/organisationDirectory';
import { useSignedIn } from '../session/session';
import { CIZ, TOESLAGEN } from '@kot/domain';

type Filter = 'all' | 'overdue' | 'fundingGap' | 'atRisk';

export function CaseListPage() {
  const { t, tr, language } = useLanguage();
  const { organisationName, users } = useDirectory();
  const { actor } = useSignedIn();
  usePageTitle(tr('Zaken', 'Cases'));
  const [filter, setFilter] = useState<Filter>('all');
  const [search, setSearch] = useState('');
  /** Whose turn it is: only the cases where this organisation takes the next step. */
  const [turn, setTurn] = useState('');
  const turnChoices = [
    ...new Set([
      actor.organisation,
      ...(users ?? []).map((user) => user.organisation),
      CIZ,
      TOESLAGEN,
    ]),
  ]
    .filter((organisation) => !organisation.startsWith('household:'))
    .map((organisation) => ({
      value: organisation,
      label:
        organisation === actor.organisation
          ? tr(
              `Uw organisatie (${organisationName(organisation)})`,
              `Your organisation (${organisationName(organisation)})`,
            )
          : organisationName(organisation),
    }));
  const filterInput = {
    ...(filter === 'all' ? {} : { [filter]: true }),
    ...(turn ? { responsibleOrganisation: turn } : {}),
  };
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
    variables: {
      first: 50,
      after,
      filter: Object.keys(filterInput).length > 0 ? filterInput : null,
      search: search || null,
    },
  });
  const verdictWord = (verdict: string | null) => t(nameOf(verdictNames, verdict ?? 'unknown'));

  return (
    <>
      <Heading1>{tr('Zaken', 'Cases')}</Heading1>
      <Paragraph>
        {tr(
          'Alle zaken die u mag inzien. De zaak met de eerste uiterste datum staat bovenaan.',
          'All cases you may see. The case with the soonest due date is at the top.',
        )}
      </Paragraph>
      <div className="portal-list-tools">
        <ListSearch
          role={actor.role}
          search={search}
          onSearch={(value) => {
            setTrail([null]);
            setSearch(value);
          }}
        />
        <SelectField
          id="case-turn"
          label={tr('Aan zet', 'Whose turn')}
          value={turn}
          onChange={(value) => {
            setTrail([null]);
            setTurn(value);
          }}
          choices={[{ value: '', label: tr('Iedereen', 'Anyone') }, ...turnChoices]}
        />
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
        <Paragraph>
          {search
            ? tr(`Geen zaken gevonden voor “${search}”.`, `No cases found for “${search}”.`)
            : tr('Geen zaken gevonden.', 'No cases found.')}
        </Paragraph>
      ) : (
        <Table className="portal-table portal-table--rows">
          <TableCaption className="portal-visually-hidden">{tr('Zaken', 'Cases')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{tr('Zaak', 'Case')}</TableHeaderCell>
              <TableHeaderCell scope="col">{tr('Stand van zaken', 'Status')}</TableHeaderCell>
              <TableHeaderCell scope="col">{tr('Aan zet', 'Whose turn')}</TableHeaderCell>
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
                <TableCell data-label={tr('Zaak', 'Case')}>
                  <AppLink to={{ page: 'case', caseId: item.caseId }}>
                    {caseLabel(item.caseNumber, item.familyName, tr)}
                  </AppLink>
                  {item.municipality !== actor.organisation ? (
                    <span className="portal-muted"> · {organisationName(item.municipality)}</span>
                  ) : null}
                </TableCell>
                <TableCell data-label={tr('Stand van zaken', 'Status')}>
                  {t(nameOf(statusNames, item.status))}
                </TableCell>
                <TableCell data-label={tr('Aan zet', 'Whose turn')}>
                  {item.nextAction && item.responsibleOrganisation ? (
                    <>
                      <strong>{organisationName(item.responsibleOrganisation)}</strong>:{' '}
                      {t(nameOf(stepActionNames, item.nextAction)).toLowerCase()}
                    </>
                  ) : (
                    tr('Niemand: geen open stap', 'No one: no open step')
                  )}
                </TableCell>
                <TableCell data-label={tr('Uiterlijk', 'Due')}>
                  {formatDate(item.due, language)}
                  {item.overdue ? (
                    <strong className="portal-overdue__label"> {tr('te laat', 'overdue')}</strong>
                  ) : null}
                </TableCell>
                <TableCell data-label={tr('Recht (voorlopig)', 'Eligible (preliminary)')}>
                  {verdictWord(item.eligibilityVerdict)}
                </TableCell>
                <TableCell data-label={tr('Financiering', 'Funding')}>
                  {item.fundedToday ? (
                    tr('Vandaag gefinancierd', 'Funded today')
                  ) : (
                    <strong className="portal-overdue__label">
                      {tr('Vandaag niet gefinancierd', 'Not funded today')}
                    </strong>
                  )}
                  {item.gapDays > 0 ? (
                    <span className="portal-overdue__label">
                      {' '}
                      {tr(
                        `(${item.gapDays} ${item.gapDays === 1 ? 'dag' : 'dagen'} zonder)`,
                        `(${item.gapDays} ${item.gapDays === 1 ? 'day' : 'days'} without)`,
                      )}
                    </span>
                  ) : null}
                  {item.atRisk ? (
                    <span> · {tr('financiering loopt af', 'funding ends soon')}</span>
                  ) : null}
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
