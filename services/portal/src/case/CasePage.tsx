// One case: where it stands, what the user may do about it, the journey, the funding picture,
// eligibility and who is involved. The read side evaluates the rules; the page shows them.
import { useMemo, useState } from 'react';
import {
  Button,
  ButtonGroup,
  Heading1,
  Paragraph,
  StatusBadge,
} from '@utrecht/component-library-react';
import { isOpen } from '@kot/domain';
import { useQuery } from 'urql';
import { problemOf } from '../api/apiError';
import {
  caseHistoryQuery,
  caseQuery,
  caseWithoutPersonalDataQuery,
  type CaseView,
  type HistoryEntryView,
} from '../api/caseView';
import { DecisionResult } from '../eligibility/DecisionResult';
import { EligibilityResult } from '../eligibility/EligibilityResult';
import { RecordedCheck } from '../eligibility/RecordedCheck';
import { SupportersNearby } from '../eligibility/SupportersNearby';
import { useLanguage } from '../i18n/language';
import { formatInstant, formatList, todayInAmsterdam } from '../i18n/formats';
import { nameOf, statusNames } from '../i18n/vocabulary';
import { Loading } from '../layout/Loading';
import { ProblemAlert } from '../layout/ProblemAlert';
import { shortCaseNumber } from '../layout/caseNumber';
import { usePageTitle } from '../layout/usePageTitle';
import { AppLink } from '../navigation/navigation';
import { useDirectory } from '../session/organisationDirectory';
import { useSignedIn } from '../session/session';
import { AccessEndedNotice } from './AccessEndedNotice';
import { ActionsSection } from './ActionsSection';
import { caseStateOf } from './caseStateOf';
import { FundingCoverageFigure } from './FundingCoverageFigure';
import { JourneyTimeline } from './JourneyTimeline';
import { OwnerLines } from './OwnerLines';
import { PartiesSection } from './PartiesSection';
import type { CommandOutcome } from './useRunCommand';

export function CasePage({ caseId }: { caseId: string }) {
  const { t, tr, tFromServer, language } = useLanguage();
  const { actor } = useSignedIn();
  const { organisationName } = useDirectory();
  usePageTitle(`${tr('Zaak', 'Case')} ${shortCaseNumber(caseId)}`);
  // Every read of personal data by an auditor is recorded: they see the family only when they ask.
  const [personalAsked, setPersonalAsked] = useState(actor.role !== 'auditor');
  const [accessEnded, setAccessEnded] = useState<CommandOutcome | null>(null);
  const [caseResult] = useQuery<{ case: CaseView }>({
    query: personalAsked ? caseQuery : caseWithoutPersonalDataQuery,
    variables: { id: caseId },
  });
  const [historyResult] = useQuery<{ caseHistory: HistoryEntryView[] }>({
    query: caseHistoryQuery,
    variables: { id: caseId },
    requestPolicy: 'network-only',
  });
  const view = caseResult.data?.case;
  const state = useMemo(() => (view ? caseStateOf(view) : null), [view]);

  if (accessEnded) return <AccessEndedNotice caseId={caseId} outcome={accessEnded} />;
  if (caseResult.error && !view) {
    return (
      <>
        <Heading1>
          {tr('Zaak', 'Case')} {shortCaseNumber(caseId)}
        </Heading1>
        <ProblemAlert problem={problemOf(caseResult.error)} />
      </>
    );
  }
  if (!view || !state) return <Loading />;
  const today = todayInAmsterdam();
  const history = historyResult.data?.caseHistory ?? [];
  // A parent by name; without the name (an auditor's summary view) by their place: Ouder 1, 2.
  const partnerLabel = (partnerId: string) => {
    const partners = view.household?.partners ?? [];
    const partner = partners.find((p) => p.partnerId === partnerId);
    return partner?.name ?? `${tr('Ouder', 'Parent')} ${partners.indexOf(partner!) + 1 || 1}`;
  };
  const familyName =
    view.viewLevel === 'PERSONAL'
      ? formatList(
          (view.household?.partners ?? []).flatMap((p) => (p.name ? [p.name] : [])),
          language,
        )
      : null;

  return (
    <>
      <div className="portal-case-heading">
        <Heading1>
          {tr('Zaak', 'Case')} {shortCaseNumber(view.id)}
          {familyName ? <span className="portal-case-heading__family">{familyName}</span> : null}
        </Heading1>
        <StatusBadge status={view.status}>{t(nameOf(statusNames, view.status))}</StatusBadge>
      </div>
      {view.atTurn.length > 0 ? (
        <div className={`portal-turn portal-turn--${view.urgency.kind}`}>
          <OwnerLines steps={view.atTurn} referringOfficer={view.referringOfficer} />
          {/* On time says nothing the line above does not: only what makes a case urgent. */}
          {view.urgency.kind !== 'on-time' ? (
            <p className="utrecht-paragraph portal-turn__urgency">
              {tFromServer(view.urgency.reason)}
            </p>
          ) : null}
        </div>
      ) : null}
      <Paragraph className="portal-muted">
        {organisationName(view.municipality)} · {tr('zaaknummer', 'case number')}{' '}
        <code>{shortCaseNumber(view.id)}</code>· {tr('bijgewerkt', 'computed')}{' '}
        {formatInstant(view.computedAt, language)}
        {actor.role === 'auditor' ? (
          <>
            {' · '}
            <AppLink to={{ page: 'case-audit', caseId: view.id }}>
              {tr('Geschiedenis, tijdreis en integriteit', 'History, time slider and integrity')}
            </AppLink>
          </>
        ) : null}
      </Paragraph>
      {/* On paper: the case as it stood when printed and who printed it; menus and actions stay off. */}
      <ButtonGroup className="portal-no-print">
        <Button appearance="subtle-button" onClick={() => window.print()}>
          {tr('Afdrukken', 'Print')}
        </Button>
      </ButtonGroup>
      <Paragraph className="portal-print-only">
        {tr('Afgedrukt op', 'Printed on')} {formatInstant(new Date().toISOString(), language)}{' '}
        {tr('door', 'by')} {actor.name ?? actor.id} ({organisationName(actor.organisation)}).{' '}
        {tr(
          'Dit is de stand van dat moment; de actuele stand staat in het platform.',
          'This is the case as it stood then; the platform has the current state.',
        )}
      </Paragraph>
      {view.viewLevel === 'SUMMARY' && isOpen(state) ? (
        <Paragraph>
          {view.signalledBy?.organisation === actor.organisation &&
          view.signalledBy.role === actor.role
            ? tr(
                'Uw organisatie heeft dit gezin gesignaleerd. U ziet het proces. Wie het gezin is, ziet u als u de zaak oppakt.',
                'Your organisation signalled this family. You see the process. Who the family is, you see when you take on the case.',
              )
            : tr(
                'Deze zaak is aan uw organisatie aangeboden. U ziet het proces, nog niet wie het gezin is.',
                'This case was offered to your organisation. You see the process, not yet who the family is.',
              )}
        </Paragraph>
      ) : null}
      {actor.role !== 'auditor' ? (
        <ActionsSection
          state={state}
          atTurn={view.atTurn
            // Only the steps that are the user's own: another's step is not their obvious action.
            .filter(
              (step) =>
                step.responsible.organisation === actor.organisation &&
                step.responsible.role === actor.role,
            )
            .map((step) => step.action)}
          today={today}
          partnerLabel={partnerLabel}
          onAccessEnded={setAccessEnded}
        />
      ) : null}
      <JourneyTimeline view={view} history={history} />
      <FundingCoverageFigure
        coverage={view.fundingCoverage}
        referredOn={view.referredOn}
        open={isOpen(state)}
        personalShown={personalAsked}
      />
      {view.decision ? (
        <DecisionResult decision={view.decision} headingId="eligibility" />
      ) : view.eligibility ? (
        <EligibilityResult eligibility={view.eligibility} headingId="eligibility" />
      ) : null}
      {view.lastEligibilityCheck ? (
        <RecordedCheck check={view.lastEligibilityCheck} headingId="recorded-check" />
      ) : null}
      {isOpen(state) ? (
        <SupportersNearby
          municipality={view.municipality}
          headingLevel={3}
          headingId="supporters"
        />
      ) : null}
      <PartiesSection
        view={view}
        today={today}
        personalShown={personalAsked}
        onShowPersonal={() => setPersonalAsked(true)}
      />
    </>
  );
}
