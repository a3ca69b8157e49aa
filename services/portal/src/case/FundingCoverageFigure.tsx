// Whether the family's childcare is funded every day, as the domain computed it (fundingCoverage):
// SMI and KOT periods on a time axis, days without either in red, gaps the officer accepted in grey
// with the reason (for those who may read it), and the days at risk in the coming weeks. Colour is
// never the only signal: every row is labelled, patterns differ, and a table says it all in words.
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
import { addDays, norms } from '@kot/domain';
import type { FundingCoverageView } from '../api/caseView';
import { useLanguage } from '../i18n/language';
import { formatDate } from '../i18n/formats';
import { coverageAxis, lastDayOf, riskWindow } from './coverageAxis';

interface FundingCoverageFigureProps {
  coverage: FundingCoverageView;
  referredOn: string | null;
  open: boolean;
  /** In the time slider: the figure shows a past moment, not today. */
  asOf?: boolean;
  /** Whether personal fields (the reasons) were asked for; without them a reason is not shown. */
  personalShown?: boolean;
}

const width = 760;
const left = 150;
const right = 10;
const rowHeight = 34;
const rows = { smi: 30, kot: 30 + rowHeight, gap: 30 + 2 * rowHeight };
const height = 30 + 3 * rowHeight + 24;
const weeksAhead = Math.round(norms.smiEndingWarning / 7);

export function FundingCoverageFigure({
  coverage,
  referredOn,
  open,
  asOf,
  personalShown = true,
}: FundingCoverageFigureProps) {
  const { tr, language } = useLanguage();
  const id = useId();
  const axis = coverageAxis(coverage, referredOn);
  const lookAhead = riskWindow(coverage);
  const showRisk = open && coverage.daysAtRisk > 0;
  const x = (date: string) => left + axis.position(date) * (width - left - right);
  const xEnd = (date: string) => x(addDays(date, 1));
  const date = (d: string | null) => formatDate(d, language);
  const monthLabel = (d: string) =>
    new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
      month: 'short',
      year: '2-digit',
      timeZone: 'UTC',
    }).format(new Date(`${d}T00:00:00Z`));

  const unaccepted = coverage.gaps.filter((g) => !g.accepted);
  const unacceptedDays = unaccepted.reduce((sum, g) => sum + g.days, 0);
  const acceptedDays = coverage.gapDays - unacceptedDays;
  // An acceptance reaching into the coming weeks: the days at risk may be days the officer chose.
  const acceptedAhead = coverage.acceptedGaps.filter(
    (g) => g.from <= lookAhead.to && (g.to === null || g.to >= lookAhead.from),
  );
  const reasonWords = (reason: string | null) =>
    reason !== null
      ? reason
      : personalShown
        ? tr('de reden ziet alleen wie de zaak behandelt', 'only those handling the case see why')
        : tr('de reden staat bij de persoonsgegevens', 'the reason is with the personal data');

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
    coverage.gapDays === 0
      ? tr('Tot nu toe geen dag zonder financiering.', 'No day without funding so far.')
      : [
          unacceptedDays > 0
            ? tr(
                `${days(unacceptedDays)} zonder financiering die niemand heeft geaccepteerd.`,
                `${days(unacceptedDays)} without funding that nobody accepted.`,
              )
            : '',
          acceptedDays > 0
            ? tr(
                `${days(acceptedDays)} zonder financiering, bewust geaccepteerd.`,
                `${days(acceptedDays)} without funding, knowingly accepted.`,
              )
            : '',
        ]
          .filter(Boolean)
          .join(' ');
  const riskSentence = showRisk
    ? tr(
        `${days(coverage.daysAtRisk)} in de komende ${weeksAhead} weken zonder SMI of toeslag (risico)${acceptedAhead.length > 0 ? ', waarvoor een gat is geaccepteerd' : ''}.`,
        `${days(coverage.daysAtRisk)} in the coming ${weeksAhead} weeks without SMI or allowance (at risk)${acceptedAhead.length > 0 ? ', for which a gap was accepted' : ''}.`,
      )
    : '';
  const alarming = !coverage.fundedToday || unacceptedDays > 0 || showRisk;

  return (
    <section aria-labelledby={`${id}-heading`} className="portal-section">
      <Heading2 id={`${id}-heading`}>
        {tr('Financiering van de opvang', 'Funding of the childcare')}
      </Heading2>
      {alarming ? (
        <Alert type={coverage.fundedToday && unacceptedDays === 0 ? 'warning' : 'error'}>
          <Paragraph>
            {summary} {gapSentence} {riskSentence}
          </Paragraph>
        </Alert>
      ) : (
        <Paragraph>
          {summary} {gapSentence}
        </Paragraph>
      )}
      {/* Focusable: on a phone the figure scrolls sideways in its own area (lists.css). */}
      <figure className="portal-coverage" tabIndex={0}>
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
            <pattern id={`${id}-accepted`} width="6" height="6" patternUnits="userSpaceOnUse">
              <rect width="6" height="6" fill="#e6e6e6" />
              <path d="M0 6 L6 0" stroke="#595959" strokeWidth="1.5" />
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
          {showRisk ? (
            <rect
              x={x(lookAhead.from)}
              y={rows.gap + 1}
              width={Math.max(2, xEnd(lookAhead.to) - x(lookAhead.from))}
              height={rowHeight - 4}
              className="portal-coverage__risk"
            />
          ) : null}
          {coverage.acceptedGaps.map((g) => (
            <rect
              key={`accepted-${g.from}-${g.acceptedOn}`}
              x={x(g.from)}
              y={rows.gap + 4}
              width={Math.max(2, xEnd(g.to ?? axis.end) - x(g.from))}
              height={rowHeight - 10}
              fill={`url(#${id}-accepted)`}
              className="portal-coverage__accepted"
            />
          ))}
          {unaccepted.map((g) => (
            <rect
              key={`gap-${g.from}`}
              x={x(g.from)}
              y={rows.gap + 4}
              width={Math.max(2, xEnd(g.to) - x(g.from))}
              height={rowHeight - 10}
              className="portal-coverage__gap"
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
            {tr('Dag zonder financiering, niet geaccepteerd', 'Day without funding, not accepted')}
          </span>
          <span>
            <span className="portal-swatch portal-swatch--accepted" aria-hidden="true" />{' '}
            {tr('Geaccepteerd gat', 'Accepted gap')}
          </span>
          <span>
            <span className="portal-swatch portal-swatch--risk" aria-hidden="true" />{' '}
            {tr(
              `Komende ${weeksAhead} weken met dagen zonder financiering (risico)`,
              `Coming ${weeksAhead} weeks with days without funding (at risk)`,
            )}
          </span>
        </figcaption>
      </figure>
      <Table className="portal-table portal-table--compact portal-coverage-table">
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
              <TableCell data-label={tr('Soort', 'Kind')}>SMI</TableCell>
              <TableCell data-label={tr('Van', 'From')}>{date(p.from)}</TableCell>
              <TableCell data-label={tr('Tot en met', 'Until')}>{date(p.to)}</TableCell>
              <TableCell data-label={tr('Toelichting', 'Note')}>
                {coverage.smiEndsOn === p.to ? tr('Lopende SMI', 'Current SMI') : ''}
              </TableCell>
            </TableRow>
          ))}
          {coverage.kot.map((p) => (
            <TableRow key={`kot-${p.from}`}>
              <TableCell data-label={tr('Soort', 'Kind')}>
                {tr('Kinderopvangtoeslag', 'Childcare allowance')}
              </TableCell>
              <TableCell data-label={tr('Van', 'From')}>{date(p.from)}</TableCell>
              <TableCell data-label={tr('Tot en met', 'Until')}>
                {p.to ? date(p.to) : tr('loopt door', 'continues')}
              </TableCell>
              <TableCell data-label={tr('Toelichting', 'Note')} />
            </TableRow>
          ))}
          {coverage.gaps.map((g) =>
            g.accepted ? (
              <TableRow key={`gap-${g.from}`} className="portal-row--accepted">
                <TableCell data-label={tr('Soort', 'Kind')}>
                  {tr('Geaccepteerd gat', 'Accepted gap')}
                </TableCell>
                <TableCell data-label={tr('Van', 'From')}>{date(g.from)}</TableCell>
                <TableCell data-label={tr('Tot en met', 'Until')}>{date(g.to)}</TableCell>
                <TableCell data-label={tr('Toelichting', 'Note')}>
                  {tr(
                    `${days(g.days)} zonder financiering, geaccepteerd: `,
                    `${days(g.days)} without funding, accepted: `,
                  )}
                  {reasonWords(g.acceptedReason)}
                </TableCell>
              </TableRow>
            ) : (
              <TableRow key={`gap-${g.from}`} className="portal-row--gap">
                <TableCell data-label={tr('Soort', 'Kind')}>
                  <strong>{tr('Geen financiering', 'No funding')}</strong>
                </TableCell>
                <TableCell data-label={tr('Van', 'From')}>{date(g.from)}</TableCell>
                <TableCell data-label={tr('Tot en met', 'Until')}>{date(g.to)}</TableCell>
                <TableCell data-label={tr('Toelichting', 'Note')}>
                  {days(g.days)} – {tr('niet geaccepteerd', 'not accepted')}
                </TableCell>
              </TableRow>
            ),
          )}
          {coverage.acceptedGaps
            .filter((g) => g.to === null || g.to > coverage.today)
            .map((g) => (
              <TableRow key={`accepted-${g.from}-${g.acceptedOn}`} className="portal-row--accepted">
                <TableCell data-label={tr('Soort', 'Kind')}>
                  {tr('Gat geaccepteerd', 'Gap accepted')}
                </TableCell>
                <TableCell data-label={tr('Van', 'From')}>{date(g.from)}</TableCell>
                <TableCell data-label={tr('Tot en met', 'Until')}>
                  {g.to
                    ? date(g.to)
                    : tr('tot de financiering weer begint', 'until funding resumes')}
                </TableCell>
                <TableCell data-label={tr('Toelichting', 'Note')}>
                  {tr(`Vastgelegd op ${date(g.acceptedOn)}`, `Recorded on ${date(g.acceptedOn)}`)}:{' '}
                  {reasonWords(g.reason)}
                </TableCell>
              </TableRow>
            ))}
          {showRisk ? (
            <TableRow className="portal-row--gap">
              <TableCell data-label={tr('Soort', 'Kind')}>
                <strong>{tr('Risico', 'At risk')}</strong>
              </TableCell>
              <TableCell data-label={tr('Van', 'From')}>{date(lookAhead.from)}</TableCell>
              <TableCell data-label={tr('Tot en met', 'Until')}>{date(lookAhead.to)}</TableCell>
              <TableCell data-label={tr('Toelichting', 'Note')}>
                {tr(
                  `${days(coverage.daysAtRisk)} zonder SMI of toeslag in deze ${weeksAhead} weken`,
                  `${days(coverage.daysAtRisk)} without SMI or allowance in these ${weeksAhead} weeks`,
                )}
                {acceptedAhead.length > 0
                  ? tr(
                      ' (voor een deel of alles is een gat geaccepteerd, zie hierboven)',
                      ' (a gap was accepted for some or all of them, see above)',
                    )
                  : ''}
              </TableCell>
            </TableRow>
          ) : null}
        </TableBody>
      </Table>
    </section>
  );
}
