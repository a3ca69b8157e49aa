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
import { eventNames, nameOf, statusNames, stepActionNames, verdictNames } from '../i18n/vocabulary';
import { Loading } from '../layout/Loading';
import { PartyName } from '../layout/PartyName';
import { ProblemAlert } from '../layout/ProblemAlert';
import { FamilyList } from '../case/PartiesSection';
import { caseAsOfQueryOf, type CaseAsOfView } from './auditDocuments';
import { PersonalDataGate } from './PersonalDataGate';

export type Axis = 'RECORDED' | 'BUSINESS';

/** A chosen moment on an axis: later events (on that axis) were not part of the case then. */
export interface Moment {
  axis: Axis;
  at: string;
}

export function TimeSlider({
  caseId,
  history,
  onMoment,
}: {
  caseId: string;
  history: HistoryEntryView[];
  /** null: the latest moment, nothing is later. */
  onMoment(moment: Moment | null): void;
}) {
  const { t, tr, language } = useLanguage();
  const id = useId();
  const [axis, setAxis] = useState<Axis>('RECORDED');
  // Every answer with personal data is recorded as a read: only after the auditor chose to see it.
  const [personalAsked, setPersonalAsked] = useState(false);
  // Only the case's own events move the case; deliveries of notifications do not.
  const moments = history
    .filter((entry) => (caseEventTypes as readonly string[]).includes(entry.type))
    .map((entry) => ({ entry, at: axis === 'RECORDED' ? entry.recordedAt : entry.occurredAt }))
    .sort((a, b) => a.at.localeCompare(b.at));
  const [index, setIndex] = useState(Math.max(0, moments.length - 1));
  const moment = moments[Math.min(index, moments.length - 1)];
  const [result] = useQuery<{ caseAsOf: CaseAsOfView }>({
    query: caseAsOfQueryOf(personalAsked),
    variables: { id: caseId, at: moment?.at ?? new Date().toISOString(), timeAxis: axis },
    pause: !moment,
  });
  if (!moment) return null;
  const view = result.data?.caseAsOf;
  const describe = (i: number) => {
    const m = moments[i];
    return m ? `${formatInstant(m.at, language)}: ${t(nameOf(eventNames, m.entry.type))}` : '';
  };
  const select = (next: number, on: Axis = axis) => {
    setIndex(next);
    const chosen = moments[next];
    onMoment(next >= moments.length - 1 || !chosen ? null : { axis: on, at: chosen.at });
  };
  const eventCount = (n: number) =>
    n === 1
      ? tr('1 gebeurtenis meegeteld.', '1 event counted.')
      : tr(`${n} gebeurtenissen meegeteld.`, `${n} events counted.`);
  const verdictWord = (verdict: string) => t(nameOf(verdictNames, verdict));

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
          select(moments.length - 1, value as Axis);
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
        <div className="portal-as-of">
          {/* Read out after each step of the slider: a sentence, not the figure and table below. */}
          <p className="portal-visually-hidden" aria-live="polite">
            {tr(
              `${describe(index)}. Stand van zaken toen: ${t(nameOf(statusNames, view.status))}.`,
              `${describe(index)}. Status then: ${t(nameOf(statusNames, view.status))}.`,
            )}
          </p>
          <Heading3>
            {tr('Op dat moment', 'At that moment')}:{' '}
            <StatusBadge status={view.status}>{t(nameOf(statusNames, view.status))}</StatusBadge>
          </Heading3>
          <Paragraph>
            {eventCount(view.eventCount)}{' '}
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
                  `Recht (voorlopig): ${verdictWord(view.eligibility.verdict)}.`,
                  `Eligible (preliminary): ${verdictWord(view.eligibility.verdict)}.`,
                )
              : null}
          </Paragraph>
          <FundingCoverageFigure
            asOf
            coverage={view.fundingCoverage}
            referredOn={view.referredOn}
            open={view.status !== 'closed' && view.status !== 'withdrawn'}
            personalShown={personalAsked}
          />
          {view.viewLevel !== 'PERSONAL' ? null : personalAsked ? (
            <FamilyList view={view} />
          ) : (
            <PersonalDataGate everyStep onShow={() => setPersonalAsked(true)} />
          )}
        </div>
      )}
    </section>
  );
}
