// The domain's eligibility verdict in words: a clear yes, no or not yet known, each condition with
// its reason, and what the family can do instead. People excluded by the rules deserve to know why.
import { Alert, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import type { Text } from '@kot/domain';
import { useLanguage } from '../i18n/language';
import { formatDate } from '../i18n/formats';

export interface EligibilityLike {
  verdict: 'yes' | 'no' | 'unknown';
  on: string;
  conditions: Array<{ code: string; met: boolean | null; explanation: Text }>;
  alternative: Text | null;
  notes: Text[];
}

interface EligibilityResultProps {
  eligibility: EligibilityLike;
  headingLevel?: 2 | 3;
  /** Live results announce themselves politely while the officer types. */
  live?: boolean;
  headingId: string;
}

export function EligibilityResult({
  eligibility,
  headingLevel = 2,
  live,
  headingId,
}: EligibilityResultProps) {
  const { tFromServer: t, tr, language } = useLanguage();
  const Heading = headingLevel === 2 ? Heading2 : Heading3;
  const verdictText = {
    yes: tr(
      'Ja, het gezin komt waarschijnlijk in aanmerking voor kinderopvangtoeslag.',
      'Yes, the family probably qualifies for the childcare allowance.',
    ),
    no: tr(
      'Nee, het gezin komt via deze regeling niet in aanmerking.',
      'No, the family does not qualify through this route.',
    ),
    unknown: tr(
      'Nog niet bekend: er ontbreken gegevens.',
      'Not known yet: some facts are missing.',
    ),
  }[eligibility.verdict];
  const type =
    eligibility.verdict === 'yes' ? 'ok' : eligibility.verdict === 'no' ? 'error' : 'warning';
  const mark = (met: boolean | null) =>
    met === true
      ? tr('Voldaan', 'Met')
      : met === false
        ? tr('Niet voldaan', 'Not met')
        : tr('Onbekend', 'Unknown');
  return (
    <section aria-labelledby={headingId} className="portal-section portal-eligibility">
      <Heading id={headingId}>
        {tr('Recht op kinderopvangtoeslag', 'Entitlement to the childcare allowance')}
      </Heading>
      <div aria-live={live ? 'polite' : undefined}>
        <Alert type={type}>
          <Paragraph>
            <strong>{verdictText}</strong>{' '}
            <span className="portal-muted">
              ({tr('peildatum', 'reference date')} {formatDate(eligibility.on, language)})
            </span>
          </Paragraph>
        </Alert>
      </div>
      <ul className="portal-conditions">
        {eligibility.conditions.map((condition) => (
          <li
            key={condition.code}
            className={`portal-condition portal-condition--${condition.met === true ? 'met' : condition.met === false ? 'unmet' : 'unknown'}`}
          >
            <span className="portal-condition__mark">{mark(condition.met)}:</span>{' '}
            {t(condition.explanation)}
          </li>
        ))}
      </ul>
      {eligibility.alternative ? (
        <Paragraph>
          <strong>{tr('Wat het gezin kan doen: ', 'What the family can do: ')}</strong>
          {t(eligibility.alternative)}
        </Paragraph>
      ) : null}
      {eligibility.notes.map((note) => (
        <Paragraph key={note.en}>{t(note)}</Paragraph>
      ))}
    </section>
  );
}
