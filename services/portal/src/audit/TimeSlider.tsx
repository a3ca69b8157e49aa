// The case as the platform knew it at any moment: each stop of the slider is the moment an event
// was recorded (or, on the business axis, the moment it happened), and the case is folded again
// up to there by the read side, with the rules evaluated as they stood then.
import { useId, useState } from 'react';
import { caseEventTypes } from '@kot/domain';
import { Heading2, Heading3, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import { useQuery } from 'urql';
import { problemOf } from '../api/apiError';
import type { HistoryEntryView } from '../api/caseView';
import { FundingCoverageFigure } from '../case/FundingCoverageFigure';
import { RadioGroupField } from '../forms/RadioGroupField';
import { useLanguage } from '../i18n/language';
import { formatDate, formatInstant } from '../i18n/formats';
import { eventNames, nameOf, statusNames, stepActionNames } from '../i18n/vocabulary';
import { Loading } from '../layout/Loading';
import { PartyName } from '../layout/PartyName';
import { ProblemAlert } from '../layout/ProblemAlert';
import { caseAsOfQuery, type CaseAsOfView } from './auditDocuments';

type Axis = 'RECORDED' | 'BUSINESS';

export function TimeSlider({
  caseId,
  history,
  onMoment,
}: {
  caseId: string;
  history: HistoryEntryView[];
  onMoment(revision: number | null): void;
}) {
  const { t, tr, language } = useLanguage();
  const id = useId();
  const [axis, setAxis] = useState<Axis>('RECORDED');
  // Only the case's own events move the case; deliveries of notifications do not.
  const moments = history
    .filter((entry) => (caseEventTypes as readonly string[]).includes(entry.type))
    .map((entry) => ({ entry, at: axis === 'RECORDED' ? entry.recordedAt : entry.occurredAt }))
    .sort((a, b) => a.at.localeCompare(b.at));
  const [index, setIndex] = useState(Math.max(0, moments.length - 1));
  const moment = moments[Math.min(index, moments.length - 1)];
  const [result] = useQuery<{ caseAsOf: CaseAsOfView }>({
    query: caseAsOfQuery,
    variables: { id: caseId, at: moment?.at ?? new Date().toISOString(), timeAxis: axis },
    pause: !moment,
  });
  if (!moment) return null;
  const view = result.data?.caseAsOf;
  const describe = (i: number) => {
    const m = moments[i];
    return m ? `${formatInstant(m.at, language)}: ${t(nameOf(eventNames, m.entry.type))}` : '';
  };
  const select = (next: number) => {
    setIndex(next);
    onMoment(next >= moments.length - 1 ? null : (moments[next]?.entry.position ?? null));
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="portal-section portal-time-travel">
      <Heading2 id={`${id}-heading`}>
        {tr(
          'Tijdreis: de zaak zoals het platform haar kende',
          'Time slider: the case as the platform knew it',
        )}
      </Heading2>
      <RadioGroupField
        name="axis"
        legend={tr('Tijdas', 'Time axis')}
        value={axis}
        onChange={(value) => {
          setAxis(value as Axis);
          select(moments.length - 1);
        }}
        choices={[
          {
            value: 'RECORDED',
            label: tr(
              'Zoals vastgelegd (wat het platform toen wist)',
              'As recorded (what the platform knew then)',
            ),
          },
          {
            value: 'BUSINESS',
            label: tr('Zoals het gebeurde (bedrijfstijd)', 'As it happened (business time)'),
          },
        ]}
      />
      <div className="portal-slider">
        <label htmlFor={`${id}-slider`} className="utrecht-form-label">
          {tr('Moment', 'Moment')}: <strong>{describe(index)}</strong>
        </label>
        <input
          id={`${id}-slider`}
          type="range"
          min={0}
          max={moments.length - 1}
          step={1}
          value={index}
          aria-valuetext={describe(index)}
          onChange={(event) => select(Number(event.target.value))}
          className="portal-slider__input"
        />
        <div className="portal-slider__ends portal-muted" aria-hidden="true">
          <span>{formatInstant(moments[0]?.at, language)}</span>
          <span>{formatInstant(moments[moments.length - 1]?.at, language)}</span>
        </div>
      </div>
      {result.error ? <ProblemAlert problem={problemOf(result.error)} /> : null}
      {!view ? (
        result.error ? null : (
          <Loading />
        )
      ) : (
        <div aria-live="polite" className="portal-as-of">
          <Heading3>
            {tr('Op dat moment', 'At that moment')}:{' '}
            <StatusBadge status={view.status}>{t(nameOf(statusNames, view.status))}</StatusBadge>
          </Heading3>
          <Paragraph>
            {tr(
              `${view.eventCount} gebeurtenissen meegeteld.`,
              `${view.eventCount} events counted.`,
            )}{' '}
            {view.nextStep ? (
              <>
                {tr('Volgende stap', 'Next step')}:{' '}
                <strong>{t(nameOf(stepActionNames, view.nextStep.action))}</strong>{' '}
                {tr('door', 'by')} <PartyName party={view.nextStep.responsible} />,{' '}
                {tr('uiterlijk', 'due')} {formatDate(view.nextStep.due, language)}
                {view.nextStep.overdue
                  ? tr(
                      ` (${view.nextStep.daysOverdue} dagen te laat)`,
                      ` (${view.nextStep.daysOverdue} days overdue)`,
                    )
                  : ''}
                .
              </>
            ) : (
              tr('Geen volgende stap.', 'No next step.')
            )}{' '}
            {view.eligibility
              ? tr(
                  `Recht (voorlopig): ${view.eligibility.verdict === 'yes' ? 'ja' : view.eligibility.verdict === 'no' ? 'nee' : 'onbekend'}.`,
                  `Eligible (preliminary): ${view.eligibility.verdict}.`,
                )
              : null}
          </Paragraph>
          <FundingCoverageFigure
            asOf
            coverage={view.fundingCoverage}
            referredOn={view.referredOn}
            open={view.status !== 'closed' && view.status !== 'withdrawn'}
          />
        </div>
      )}
    </section>
  );
}
