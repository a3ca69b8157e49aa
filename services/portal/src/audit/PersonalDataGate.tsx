// An auditor sees a case without who the family is. Reading names and BSNs is recorded (who, when,
// which fields), so the page asks for them only when the auditor chooses to, and says so first.
import { Button, Paragraph } from '@utrecht/component-library-react';
import { useLanguage } from '../i18n/language';

export function PersonalDataGate({ onShow, everyStep }: { onShow(): void; everyStep?: boolean }) {
  const { tr } = useLanguage();
  return (
    <div className="portal-personal-gate">
      <Paragraph>
        {tr(
          'De gegevens van het gezin (namen, BSN’s, geboortedata, toelichtingen) zijn verborgen.',
          "The family's details (names, BSNs, dates of birth, explanations) are hidden.",
        )}{' '}
        {everyStep
          ? tr(
              'Als u ze toont, wordt bij elke stap van de tijdreis vastgelegd dat u ze heeft ingezien.',
              'If you show them, every step of the time slider records that you read them.',
            )
          : tr(
              'Als u ze toont, wordt vastgelegd dat u ze heeft ingezien: wie, wanneer en welke gegevens.',
              'If you show them, it is recorded that you read them: who, when and which details.',
            )}
      </Paragraph>
      <Button appearance="secondary-action-button" onClick={onShow}>
        {tr('Persoonsgegevens tonen (wordt vastgelegd)', 'Show personal data (recorded)')}
      </Button>
    </div>
  );
}
