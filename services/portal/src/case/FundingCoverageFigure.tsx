// Whether the family's childcare is funded every day, as a picture: SMI and KOT periods on a time
// axis, the days without either in red, the coming days at risk striped red. Colour is never the
// only signal: every row is labelled, patterns differ, and a table below says it all in words.
import { useId } from 'react';
import {
  Alert,
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
import { addDays } from '@kot/domain';
import type { FundingCoverageView } from '../api/caseView';
import { useLanguage } from '../i18n/language';
import { formatDate } from '../i18n/formats';
import { coverageAxis, dayCount, lastDayOf, riskRanges } from './coverageAxis';

interface FundingCoverageFigureProps {
  coverage: FundingCoverageView;
  referredOn: string | null;
  open: boolean;
  /** In the time slider: the figure shows a past moment, not today. */
  asOf?: boolean;
}

const width = 760;
const left = 150;
const right = 10;
const rowHeight = 34;
const rows = { smi: 30, kot: 30 + rowHeight, gap: 30 + 2 * rowHeight };
const height = 30 + 3 * rowHeight + 24;

export function FundingCoverageFigure({
  coverage,
  referredOn,
  open,
  asOf,
}: FundingCoverageFigureProps) {
  const { tr, language } = useLanguage();
  const id = useId();
  const axis = coverageAxis(coverage, referredOn);
  const risk = riskRanges(coverage, open);
  const x = (date: string) => left + axis.position(date) * (width - left - right);
  const xEnd = (date: string) => x(addDays(date, 1));
  const date = (d: string | null) => formatDate(d, language);
  const monthLabel = (d: string) =>
    new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
      month: 'short',
      year: '2-digit',
      timeZone: 'UTC',
    }).format(new Date(`${d}T00:00:00Z`));

  const now = asOf ? tr('Op dat moment', 'At that moment') : tr('Vandaag', 'Today');
  const days = (n: number) => (n === 1 ? tr('1 dag', '1 day') : tr(`${n} dagen`, `${n} days`));
  const summary = coverage.fundedToday
    ? coverage.fundedUntil
      ? tr(
          `${now} gefinancierd, zonder onderbreking tot en met ${date(coverage.fundedUntil)}.`,
          `${now}: funded, without interruption until ${date(coverage.fundedUntil)}.`,
        )
      : tr(
          `${now} gefinancierd; de kinderopvangtoeslag loopt door.`,
          `${now}: funded; the childcare allowance continues.`,
        )
    : tr(
        `${now} is de opvang NIET gefinancierd: geen SMI en geen kinderopvangtoeslag.`,
        `${now}: the childcare is NOT funded: neither SMI nor childcare allowance.`,
      );
  const gapSentence =
    coverage.gapDays > 0
      ? tr(
          `${days(coverage.gapDays)} zonder financiering tot dan.`,
          `${days(coverage.gapDays)} without funding up to then.`,
        )
      : tr('Tot nu toe geen dag zonder financiering.', 'No day without funding so far.');
  const riskSentence =
    coverage.daysAtRisk > 0 && open
      ? tr(
          `${days(coverage.daysAtRisk)} in de 3 weken daarna zonder financiering (risico).`,
          `${days(coverage.daysAtRisk)} in the 3 weeks after without funding (at risk).`,
        )
      : '';

  return (
    <section aria-labelledby={`${id}-heading`} className="portal-section">
      <Heading2 id={`${id}-heading`}>
        {tr('Financiering van de opvang', 'Funding of the childcare')}
      </Heading2>
      {!coverage.fundedToday || coverage.gapDays > 0 || (open && coverage.daysAtRisk > 0) ? (
        <Alert type={coverage.fundedToday ? 'warning' : 'error'}>
          <Paragraph>
            {summary} {gapSentence} {riskSentence}
          </Paragraph>
        </Alert>
      ) : (
        <Paragraph>
          {summary} {gapSentence}
        </Paragraph>
      )}
      <figure className="portal-coverage">
        <svg
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          className="portal-coverage__svg"
        >
          <title id={`${id}-title`}>
            {tr(
              'Financiering per dag: SMI, kinderopvangtoeslag en dagen zonder financiering',
              'Funding per day: SMI, childcare allowance and days without funding',
            )}
          </title>
          <desc
            id={`${id}-desc`}
          >{`${summary} ${gapSentence} ${riskSentence} ${tr('De tabel onder de figuur geeft alle periodes.', 'The table below the figure lists every period.')}`}</desc>
          <defs>
            <pattern
              id={`${id}-risk`}
              width="8"
              height="8"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width="8" height="8" fill="#fff" />
              <rect width="4" height="8" fill="#b00020" />
            </pattern>
            <pattern id={`${id}-accepted`} width="6" height="6" patternUnits="userSpaceOnUse">
              <rect width="6" height="6" fill="#f6d5d9" />
              <circle cx="3" cy="3" r="1.6" fill="#b00020" />
            </pattern>
          </defs>
          {axis.months.map((month) => (
            <g key={month}>
              <line
                x1={x(month)}
                x2={x(month)}
                y1={22}
                y2={height - 20}
                className="portal-coverage__grid"
              />
              <text x={x(month) + 3} y={height - 6} className="portal-coverage__tick">
                {monthLabel(month)}
              </text>
            </g>
          ))}
          <text x={4} y={rows.smi + 17} className="portal-coverage__label">
            SMI
          </text>
          <text x={4} y={rows.kot + 17} className="portal-coverage__label">
            {tr('Kinderopvangtoeslag', 'Childcare allowance')}
          </text>
          <text
            x={4}
            y={rows.gap + 17}
            className="portal-coverage__label portal-coverage__label--gap"
          >
            {tr('Geen financiering', 'No funding')}
          </text>
          {coverage.smi.map((p) => (
            <rect
              key={`smi-${p.from}`}
              x={x(p.from)}
              y={rows.smi + 4}
              width={Math.max(2, xEnd(lastDayOf(p, axis)) - x(p.from))}
              height={rowHeight - 10}
              className="portal-coverage__smi"
            />
          ))}
          {coverage.kot.map((p) => (
            <rect
              key={`kot-${p.from}`}
              x={x(p.from)}
              y={rows.kot + 4}
              width={Math.max(2, xEnd(lastDayOf(p, axis)) - x(p.from))}
              height={rowHeight - 10}
              className="portal-coverage__kot"
            />
          ))}
          {coverage.gaps.map((g) => (
            <rect
              key={`gap-${g.from}`}
              x={x(g.from)}
              y={rows.gap + 4}
              width={Math.max(2, xEnd(g.to) - x(g.from))}
              height={rowHeight - 10}
              fill={g.acceptedReason !== null ? `url(#${id}-accepted)` : '#b00020'}
              stroke="#b00020"
            />
          ))}
          {risk.map((r) => (
            <rect
              key={`risk-${r.from}`}
              x={x(r.from)}
              y={rows.gap + 4}
              width={Math.max(2, xEnd(r.to) - x(r.from))}
              height={rowHeight - 10}
              fill={`url(#${id}-risk)`}
              stroke="#b00020"
            />
          ))}
          <line
            x1={x(coverage.today)}
            x2={x(coverage.today)}
            y1={14}
            y2={height - 20}
            className="portal-coverage__today"
          />
          <text
            x={x(coverage.today)}
            y={12}
            textAnchor="middle"
            className="portal-coverage__today-label"
          >
            {now.toLowerCase()}
          </text>
        </svg>
        <figcaption className="portal-coverage__legend">
          <span>
            <span className="portal-swatch portal-swatch--smi" aria-hidden="true" />{' '}
            {tr('SMI (gemeente)', 'SMI (municipality)')}
          </span>
          <span>
            <span className="portal-swatch portal-swatch--kot" aria-hidden="true" />{' '}
            {tr('Kinderopvangtoeslag (Dienst Toeslagen)', 'Childcare allowance (Dienst Toeslagen)')}
          </span>
          <span>
            <span className="portal-swatch portal-swatch--gap" aria-hidden="true" />{' '}
            {tr('Dag zonder financiering', 'Day without funding')}
          </span>
          <span>
            <span className="portal-swatch portal-swatch--risk" aria-hidden="true" />{' '}
            {tr(
              'Risico: komende dagen zonder financiering',
              'At risk: coming days without funding',
            )}
          </span>
          <span>
            <span className="portal-swatch portal-swatch--accepted" aria-hidden="true" />{' '}
            {tr('Geaccepteerd gat', 'Accepted gap')}
          </span>
        </figcaption>
      </figure>
      <Table className="portal-table portal-table--compact">
        <TableCaption>{tr('Periodes in woorden', 'Periods in words')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{tr('Soort', 'Kind')}</TableHeaderCell>
            <TableHeaderCell scope="col">{tr('Van', 'From')}</TableHeaderCell>
            <TableHeaderCell scope="col">{tr('Tot en met', 'Until')}</TableHeaderCell>
            <TableHeaderCell scope="col">{tr('Toelichting', 'Note')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {coverage.smi.map((p) => (
            <TableRow key={`smi-${p.from}`}>
              <TableCell>SMI</TableCell>
              <TableCell>{date(p.from)}</TableCell>
              <TableCell>{date(p.to)}</TableCell>
              <TableCell>
                {coverage.smiEndsOn === p.to ? tr('Lopende SMI', 'Current SMI') : ''}
              </TableCell>
            </TableRow>
          ))}
          {coverage.kot.map((p) => (
            <TableRow key={`kot-${p.from}`}>
              <TableCell>{tr('Kinderopvangtoeslag', 'Childcare allowance')}</TableCell>
              <TableCell>{date(p.from)}</TableCell>
              <TableCell>{p.to ? date(p.to) : tr('loopt door', 'continues')}</TableCell>
              <TableCell />
            </TableRow>
          ))}
          {coverage.gaps.map((g) => (
            <TableRow key={`gap-${g.from}`} className="portal-row--gap">
              <TableCell>
                <strong>{tr('Geen financiering', 'No funding')}</strong>
              </TableCell>
              <TableCell>{date(g.from)}</TableCell>
              <TableCell>{date(g.to)}</TableCell>
              <TableCell>
                {days(g.days)}
                {g.acceptedReason !== null
                  ? tr(` – geaccepteerd: ${g.acceptedReason}`, ` – accepted: ${g.acceptedReason}`)
                  : tr(' – niet geaccepteerd', ' – not accepted')}
              </TableCell>
            </TableRow>
          ))}
          {risk.map((r) => (
            <TableRow key={`risk-${r.from}`} className="portal-row--gap">
              <TableCell>
                <strong>{tr('Risico', 'At risk')}</strong>
              </TableCell>
              <TableCell>{date(r.from)}</TableCell>
              <TableCell>{date(r.to)}</TableCell>
              <TableCell>
                {tr(
                  `${days(dayCount(r))} zonder SMI of toeslag (komend)`,
                  `${days(dayCount(r))} without SMI or allowance (coming)`,
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
