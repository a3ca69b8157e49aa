// The last eligibility check as it was recorded on the case: its verdict, its date and which
// conditions were not met or not known then. Beside today's evaluation, because the rules or the
// facts may have changed since; the record is what was told to the family at the time.
import { Heading3, Paragraph } from '@utrecht/component-library-react';
import { text, type Text } from '@kot/domain';
import type { CaseView } from '../api/caseView';
import { useLanguage } from '../i18n/language';
import { formatDate } from '../i18n/formats';
import { nameOf } from '../i18n/vocabulary';

/** The conditions of the domain's eligibility check (conditionCodes), in plain words. */
const conditionNames: Record<string, Text> = {
  'partner-pair': text('Er zijn twee partners', 'There are two partners'),
  'one-indicated-partner': text(
    'Eén partner heeft een Wlz-indicatie',
    'One partner has a Wlz-indication',
  ),
  'indication-counts': text('De indicatie telt mee', 'The indication counts'),
  'partner-works': text('De andere partner werkt', 'The other partner works'),
  'registered-childcare': text(
    'Het kind gaat naar geregistreerde kinderopvang',
    'The child attends registered childcare',
  ),
};

interface RecordedCheckProps {
  check: NonNullable<CaseView['lastEligibilityCheck']>;
  headingId: string;
}

export function RecordedCheck({ check, headingId }: RecordedCheckProps) {
  const { t, tr, language } = useLanguage();
  const verdict = {
    yes: tr('ja, het gezin komt in aanmerking', 'yes, the family qualifies'),
    no: tr('nee, het gezin komt niet in aanmerking', 'no, the family does not qualify'),
    unknown: tr('nog niet bekend', 'not known yet'),
  }[check.verdict as 'yes' | 'no' | 'unknown'];
  const names = (codes: string[]) => codes.map((code) => t(nameOf(conditionNames, code)));
  return (
    <section aria-labelledby={headingId} className="portal-section portal-recorded-check">
      <Heading3 id={headingId}>{tr('Laatste vastgelegde check', 'Last recorded check')}</Heading3>
      <Paragraph>
        {tr(
          `Op ${formatDate(check.checkedOn, language)}: ${verdict ?? check.verdict}.`,
          `On ${formatDate(check.checkedOn, language)}: ${verdict ?? check.verdict}.`,
        )}
      </Paragraph>
      {check.unmet.length > 0 ? (
        <>
          <Paragraph>{tr('Niet voldaan:', 'Not met:')}</Paragraph>
          <ul>
            {names(check.unmet).map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </>
      ) : null}
      {check.unknown.length > 0 ? (
        <>
          <Paragraph>{tr('Nog onbekend:', 'Not known yet:')}</Paragraph>
          <ul>
            {names(check.unknown).map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
