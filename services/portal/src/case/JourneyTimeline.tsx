import { Heading2, Paragraph } from '@utrecht/component-library-react';
import type { CaseView, HistoryEntryView } from '../api/caseView';
import { useLanguage } from '../i18n/language';
import { formatDate } from '../i18n/formats';
import { DueDate } from '../layout/DueDate';
import { PartyName } from '../layout/PartyName';
import { journeySteps } from './journeySteps';
import { useOwnerLines } from './OwnerLines';

export function JourneyTimeline({
  view,
  history,
}: {
  view: CaseView;
  history: HistoryEntryView[];
}) {
  const { tr, t, tFromServer, language } = useLanguage();
  const steps = journeySteps(view, history);
  const ownerLines = useOwnerLines();
  const progressWords = {
    done: tr('Afgerond', 'Done'),
    current: tr('Nu aan zet', 'Now'),
    upcoming: tr('Nog te doen', 'To come'),
    skipped: tr('Niet nodig', 'Not needed'),
  };
  return (
    <section aria-labelledby="journey" className="portal-section">
      <Heading2 id="journey">{tr('Traject', 'Journey')}</Heading2>
      <ol className="portal-timeline">
        {steps.map((step) => (
          <li
            key={step.key}
            className={`portal-timeline__step portal-timeline__step--${step.progress}${step.current?.overdue ? ' portal-timeline__step--overdue' : ''}`}
            aria-current={step.progress === 'current' ? 'step' : undefined}
          >
            <span className="portal-timeline__marker" aria-hidden="true" />
            <div className="portal-timeline__body">
              <span className="portal-timeline__state">{progressWords[step.progress]}</span>
              <strong className="portal-timeline__label">{t(step.label)}</strong>
              {step.outcome ? (
                <span>
                  {' – '}
                  {step.outcome.granted
                    ? step.outcome.grantedFrom
                      ? tr(
                          `Toegekend vanaf ${formatDate(step.outcome.grantedFrom, language)}`,
                          `Granted from ${formatDate(step.outcome.grantedFrom, language)}`,
                        )
                      : tr('Toegekend', 'Granted')
                    : tr('Afgewezen', 'Rejected')}
                </span>
              ) : null}
              {step.doneOn ? (
                <div className="portal-muted">
                  {formatDate(step.doneOn, language)}
                  {step.doneBy ? (
                    <>
                      {' · '}
                      <PartyName party={step.doneBy} />
                    </>
                  ) : null}
                </div>
              ) : null}
              {step.current ? (
                <div className="portal-timeline__current">
                  <Paragraph className="portal-owner-line">
                    {ownerLines([step.current], view.referringOfficer)[0]}
                  </Paragraph>
                  <Paragraph>{tFromServer(step.current.description)}</Paragraph>
                  <dl className="portal-facts">
                    <div>
                      <dt>{tr('Uiterlijk', 'Due')}</dt>
                      <dd>
                        <DueDate
                          due={step.current.due}
                          overdue={step.current.overdue}
                          daysOverdue={step.current.daysOverdue}
                        />
                      </dd>
                    </div>
                    {step.current.overdue ? (
                      <div>
                        <dt>{tr('Geëscaleerd naar', 'Escalated to')}</dt>
                        <dd>
                          <PartyName party={step.current.escalateTo} />
                        </dd>
                      </div>
                    ) : null}
                    {step.current.deadline ? (
                      <div>
                        <dt>{t(step.current.deadline.description)}</dt>
                        <dd>{formatDate(step.current.deadline.date, language)}</dd>
                      </div>
                    ) : null}
                  </dl>
                </div>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
