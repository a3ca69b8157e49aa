// Ending SMI with the gap guard in plain sight. The domain refuses to end SMI while KOT does not
// cover the next day; the page warns before sending, shows the refusal in the domain's words, and
// only then offers the explicit path: accept the gap, with a reason the auditor will read.
import { useId, useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading3,
  Heading4,
  Paragraph,
} from '@utrecht/component-library-react';
import { addDays, isIsoDate, kotCoversDayAfter, type CaseState } from '@kot/domain';
import { CheckboxField } from '../forms/CheckboxField';
import { TextField } from '../forms/TextField';
import { useLanguage } from '../i18n/language';
import { formatDate } from '../i18n/formats';
import { ProblemAlert } from '../layout/ProblemAlert';
import { useRunCommand, type CommandOutcome } from './useRunCommand';

interface EndSmiFormProps {
  state: CaseState;
  today: string;
  onDone(outcome: CommandOutcome): void;
  onCancel(): void;
}

export function EndSmiForm({ state, today, onDone, onCancel }: EndSmiFormProps) {
  const { t, tr, language } = useLanguage();
  const headingId = useId();
  const kotFrom = state.kot[state.kot.length - 1]?.from;
  const [lastDay, setLastDay] = useState(kotFrom ? addDays(kotFrom, -1) : today);
  const [reason, setReason] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [guardRefused, setGuardRefused] = useState(false);
  const [missing, setMissing] = useState<string[]>([]);
  const { run, running, problem } = useRunCommand();

  const validDay = isIsoDate(lastDay);
  const opensGap = validDay && !kotCoversDayAfter(state, lastDay);
  const firstDayWithout = validDay ? formatDate(addDays(lastDay, 1), language) : '';

  const send = async (acceptGapReason?: string) => {
    const outcome = await run('EndSmi', {
      caseId: state.caseId,
      lastDay,
      ...(acceptGapReason ? { acceptGapReason } : {}),
    });
    if (outcome) onDone(outcome);
    return outcome;
  };

  const endWithoutGap = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await send();
    if (!outcome) setGuardRefused(true);
  };

  const endAcceptingGap = async () => {
    const empty = [
      ...(reason.trim().length < 3 ? ['reason'] : []),
      ...(understood ? [] : ['understood']),
    ];
    setMissing(empty);
    if (empty.length === 0) await send(reason.trim());
  };

  const guardProblem = problem?.fields.some((f) => f.field === 'acceptGapReason') ? problem : null;
  const otherProblem = problem && !guardProblem ? problem : null;

  return (
    <form
      className="portal-command-form"
      aria-labelledby={headingId}
      onSubmit={endWithoutGap}
      noValidate
    >
      <Heading3 id={headingId}>{tr('SMI beëindigen', 'End SMI')}</Heading3>
      <Paragraph>
        {tr(
          'SMI mag alleen stoppen als de kinderopvangtoeslag de volgende dag betaalt. Anders zit het gezin zonder vergoeding voor de opvang.',
          'SMI may only stop when the childcare allowance pays from the next day. Otherwise the family has no funding for childcare.',
        )}
      </Paragraph>
      {otherProblem ? <ProblemAlert problem={otherProblem} /> : null}
      <TextField
        type="date"
        label={tr('Laatste dag SMI', 'Last day of SMI')}
        value={lastDay}
        onChange={setLastDay}
        required
      />
      {opensGap && !guardProblem ? (
        <Alert type="warning">
          <Paragraph>
            {tr(
              `Let op: voor ${firstDayWithout} is geen kinderopvangtoeslag toegekend. Het platform weigert dit zonder uitdrukkelijke acceptatie van het gat.`,
              `Note: no childcare allowance is granted for ${firstDayWithout}. The platform refuses this without explicit acceptance of the gap.`,
            )}
          </Paragraph>
        </Alert>
      ) : null}
      {guardProblem ? (
        <Alert type="error" role="alert">
          <Heading4>{tr('SMI is niet beëindigd', 'SMI was not ended')}</Heading4>
          {guardProblem.fields.map((field) => (
            <Paragraph key={field.field}>{t(field.reason)}.</Paragraph>
          ))}
        </Alert>
      ) : null}
      <ButtonGroup>
        <Button
          type="submit"
          appearance="primary-action-button"
          busy={running && !guardRefused}
          disabled={running}
        >
          {tr('SMI beëindigen', 'End SMI')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {tr('Annuleren', 'Cancel')}
        </Button>
      </ButtonGroup>
      {guardRefused && guardProblem ? (
        <section className="portal-gap-acceptance" aria-labelledby={`${headingId}-accept`}>
          <Heading4 id={`${headingId}-accept`}>
            {tr('Het gat toch accepteren', 'Accept the gap anyway')}
          </Heading4>
          <Paragraph>
            {tr(
              `Alleen als het gezin bewust vanaf ${firstDayWithout} zonder vergoeding zit. Uw reden wordt met de beëindiging vastgelegd en is zichtbaar voor de auditor.`,
              `Only when the family knowingly goes without funding from ${firstDayWithout}. Your reason is recorded with the end and is visible to the auditor.`,
            )}
          </Paragraph>
          <TextField
            multiline
            label={tr('Ik accepteer het gat, omdat…', 'I accept the gap, because…')}
            value={reason}
            onChange={setReason}
            required
            error={
              missing.includes('reason')
                ? tr(
                    'Geef een reden van minstens 3 tekens.',
                    'Give a reason of at least 3 characters.',
                  )
                : undefined
            }
          />
          <CheckboxField
            label={tr(
              `Ik begrijp dat het gezin vanaf ${firstDayWithout} geen SMI en geen kinderopvangtoeslag heeft.`,
              `I understand that the family has neither SMI nor childcare allowance from ${firstDayWithout}.`,
            )}
            checked={understood}
            onChange={setUnderstood}
            error={
              missing.includes('understood')
                ? tr('Bevestig dat u dit begrijpt.', 'Confirm that you understand this.')
                : undefined
            }
          />
          <ButtonGroup>
            <Button
              type="button"
              appearance="primary-action-button"
              hint="danger"
              busy={running}
              disabled={running}
              onClick={() => void endAcceptingGap()}
            >
              {tr('SMI beëindigen en gat accepteren', 'End SMI and accept the gap')}
            </Button>
          </ButtonGroup>
        </section>
      ) : null}
    </form>
  );
}
