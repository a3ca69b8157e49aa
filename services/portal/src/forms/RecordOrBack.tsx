// The buttons under a summary shown back before it is recorded: record it, or go back to the form.
import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { useLanguage } from '../i18n/language';

interface RecordOrBackProps {
  /** What the primary button records, e.g. "Beleid vastleggen". */
  label: string;
  running: boolean;
  onRecord(): void;
  onBack(): void;
}

export function RecordOrBack({ label, running, onRecord, onBack }: RecordOrBackProps) {
  const { tr } = useLanguage();
  return (
    <ButtonGroup>
      <Button
        type="button"
        appearance="primary-action-button"
        busy={running}
        disabled={running}
        onClick={onRecord}
      >
        {label}
      </Button>
      <Button type="button" appearance="secondary-action-button" onClick={onBack}>
        {tr('Terug', 'Back')}
      </Button>
    </ButtonGroup>
  );
}
