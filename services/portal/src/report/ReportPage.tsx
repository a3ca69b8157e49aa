// The process in numbers: how many families were referred, taken on, applied, granted or rejected
// (and why), how many steps are overdue and how many families have days without funding.
import { useState } from 'react';
import {
  Heading1,
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
import { TextField } from '../forms/TextField';
import { useLanguage } from '../i18n/language';
import { nameOf, rejectionReasonNames } from '../i18n/vocabulary';
import { Loading } from '../layout/Loading';
import { ProblemAlert } from '../layout/ProblemAlert';
import { usePageTitle } from '../layout/usePageTitle';
import { useDirectory } from '../session/organisationDirectory';
import { useSignedIn } from '../session/session';

interface ReportView {
  municipality: string | null;
  referred: number;
  eligibility: Array<{ key: string; count: number }>;
  claimed: number;
  requested: number;
  applied: number;
  decided: number;
  granted: number;
  rejected: number;
  rejectedByReason: Array<{ key: string; count: number }>;
  openCases: number;
  overdueSteps: number;
  openGaps: number;
  casesWithGaps: number;
  casesWithUnacceptedGaps: number;
  atRisk: number;
  medianDays: Record<string, number | null>;
}

const reportQuery = `query Report($municipality: String) {
  report(municipality: $municipality) {
    municipality referred eligibility { key count } claimed requested applied decided granted rejected
    rejectedByReason { key count } openCases overdueSteps openGaps casesWithGaps casesWithUnacceptedGaps atRisk
    medianDays { referralToClaim claimToRequest requestToApplication applicationToDecision referralToDecision }
  }
}`;

export function ReportPage() {
  const { t, tr, language } = useLanguage();
  const { actor } = useSignedIn();
  const { organisationName } = useDirectory();
  usePageTitle(tr('Rapportage', 'Report'));
  const ownMunicipalityOnly = actor.role === 'smi-officer' || actor.role === 'smi-team-lead';
  const [municipality, setMunicipality] = useState('');
  const chosen = /^GM\d{4}$/.test(municipality) ? municipality : null;
  const [result] = useQuery<{ report: ReportView }>({
    query: reportQuery,
    variables: { municipality: ownMunicipalityOnly ? null : chosen },
  });
  const report = result.data?.report;
  const number = (n: number | null | undefined) =>
    n === null || n === undefined
      ? '—'
      : new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
          maximumFractionDigits: 1,
        }).format(n);

  const rows = (items: Array<[string, number | null | undefined]>) =>
    items.map(([label, value]) => (
      <TableRow key={label}>
        <TableHeaderCell scope="row">{label}</TableHeaderCell>
        <TableCell className="portal-number">{number(value)}</TableCell>
      </TableRow>
    ));

  return (
    <>
      <Heading1>{tr('Rapportage', 'Report')}</Heading1>
      <Paragraph>
        {report?.municipality
          ? tr(
              `Cijfers voor ${organisationName(report.municipality)}.`,
              `Figures for ${organisationName(report.municipality)}.`,
            )
          : tr('Cijfers voor alle gemeenten.', 'Figures for all municipalities.')}{' '}
        {tr('Alleen aantallen, geen personen.', 'Counts only, no people.')}
      </Paragraph>
      {!ownMunicipalityOnly ? (
        <TextField
          label={tr(
            'Gemeente (CBS-code, leeg voor alle)',
            'Municipality (CBS code, empty for all)',
          )}
          description={tr('Bijvoorbeeld GM0344', 'For instance GM0344')}
          value={municipality}
          onChange={(value) => setMunicipality(value.toUpperCase())}
          size={8}
        />
      ) : null}
      {result.error ? <ProblemAlert problem={problemOf(result.error)} /> : null}
      {!report ? (
        result.error ? null : (
          <Loading />
        )
      ) : (
        <div className="portal-report">
          <section aria-labelledby="funnel">
            <Heading2 id="funnel">
              {tr('Van doorverwijzing tot besluit', 'From referral to decision')}
            </Heading2>
            <Table className="portal-table portal-table--compact">
              <TableCaption className="portal-visually-hidden">
                {tr('Aantallen per stap', 'Counts per step')}
              </TableCaption>
              <TableBody>
                {rows([
                  [tr('Doorverwezen', 'Referred'), report.referred],
                  [tr('Opgepakt door ondersteuner', 'Taken on by a supporter'), report.claimed],
                  [tr('Aangevraagd', 'Requested'), report.requested],
                  [tr('Aanvraag ingediend', 'Application submitted'), report.applied],
                  [tr('Besluit genomen', 'Decided'), report.decided],
                  [tr('Toegekend', 'Granted'), report.granted],
                  [tr('Afgewezen (eerste besluit)', 'Rejected (first decision)'), report.rejected],
                ])}
              </TableBody>
            </Table>
          </section>
          <section aria-labelledby="attention">
            <Heading2 id="attention">{tr('Aandacht nodig', 'Needs attention')}</Heading2>
            <Table className="portal-table portal-table--compact">
              <TableCaption className="portal-visually-hidden">
                {tr('Open zaken en risico’s', 'Open cases and risks')}
              </TableCaption>
              <TableBody>
                {rows([
                  [tr('Open zaken', 'Open cases'), report.openCases],
                  [tr('Stappen over de termijn', 'Overdue steps'), report.overdueSteps],
                  [
                    tr(
                      'Open zaken vandaag zonder financiering',
                      'Open cases without funding today',
                    ),
                    report.openGaps,
                  ],
                  [
                    tr('Zaken met dagen zonder financiering', 'Cases with days without funding'),
                    report.casesWithGaps,
                  ],
                  [
                    tr('…waarvan niet geaccepteerd', '…of which not accepted'),
                    report.casesWithUnacceptedGaps,
                  ],
                  [tr('Zaken met risico op een gat', 'Cases at risk of a gap'), report.atRisk],
                ])}
              </TableBody>
            </Table>
          </section>
          <section aria-labelledby="reasons">
            <Heading2 id="reasons">{tr('Redenen van afwijzing', 'Reasons for rejection')}</Heading2>
            {report.rejectedByReason.length === 0 ? (
              <Paragraph>{tr('Nog geen afwijzingen.', 'No rejections yet.')}</Paragraph>
            ) : (
              <Table className="portal-table portal-table--compact">
                <TableCaption className="portal-visually-hidden">
                  {tr('Afwijzingen per reden', 'Rejections by reason')}
                </TableCaption>
                <TableBody>
                  {rows(
                    report.rejectedByReason.map((r) => [
                      t(nameOf(rejectionReasonNames, r.key)),
                      r.count,
                    ]),
                  )}
                </TableBody>
              </Table>
            )}
            <Heading2>
              {tr('Voorlopig recht bij doorverwijzing', 'Preliminary eligibility at referral')}
            </Heading2>
            <Table className="portal-table portal-table--compact">
              <TableCaption className="portal-visually-hidden">
                {tr('Zaken per uitkomst van de check', 'Cases by outcome of the check')}
              </TableCaption>
              <TableBody>
                {rows(
                  report.eligibility.map((e) => [
                    e.key === 'yes'
                      ? tr('Ja', 'Yes')
                      : e.key === 'no'
                        ? tr('Nee', 'No')
                        : tr('Onbekend', 'Unknown'),
                    e.count,
                  ]),
                )}
              </TableBody>
            </Table>
          </section>
          <section aria-labelledby="durations">
            <Heading2 id="durations">
              {tr('Doorlooptijden (mediaan, in dagen)', 'Lead times (median, in days)')}
            </Heading2>
            <Table className="portal-table portal-table--compact">
              <TableCaption className="portal-visually-hidden">
                {tr('Mediane doorlooptijden', 'Median lead times')}
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{tr('Van … tot …', 'From … to …')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{tr('Dagen', 'Days')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows([
                  [
                    tr('Doorverwijzing tot oppakken', 'Referral to claim'),
                    report.medianDays['referralToClaim'],
                  ],
                  [
                    tr('Oppakken tot aanvraag', 'Claim to request'),
                    report.medianDays['claimToRequest'],
                  ],
                  [
                    tr('Aanvraag tot ingediende formulieren', 'Request to application'),
                    report.medianDays['requestToApplication'],
                  ],
                  [
                    tr('Ingediend tot besluit', 'Application to decision'),
                    report.medianDays['applicationToDecision'],
                  ],
                  [
                    tr('Doorverwijzing tot besluit', 'Referral to decision'),
                    report.medianDays['referralToDecision'],
                  ],
                ])}
              </TableBody>
            </Table>
          </section>
        </div>
      )}
    </>
  );
}
