// The owner line (ownerLine.ts) in the page's language and organisation names.
import type { NextStepView } from '../api/caseView';
import { useLanguage } from '../i18n/language';
import { useDirectory } from '../session/organisationDirectory';
import { ownerLinesText, type OwnerLineParty as Party } from './ownerLine';

/** The lines in the current language, as a hook for pages. */
export function useOwnerLines(): (
  steps: readonly NextStepView[],
  referringOfficer: Party | null,
) => string[] {
  const { language } = useLanguage();
  const { organisationName } = useDirectory();
  return (steps, referringOfficer) =>
    ownerLinesText(steps, referringOfficer, { language, organisationName });
}

/** The lines as paragraphs; nothing for a case nobody has to act on. */
export function OwnerLines({
  steps,
  referringOfficer,
}: {
  steps: readonly NextStepView[];
  referringOfficer: Party | null;
}) {
  const lines = useOwnerLines();
  return (
    <>
      {lines(steps, referringOfficer).map((line) => (
        <p key={line} className="utrecht-paragraph portal-owner-line">
          {line}
        </p>
      ))}
    </>
  );
}
