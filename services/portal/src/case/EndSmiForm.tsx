// Ending SMI with the gap guard in plain sight. The domain refuses to end SMI while KOT does not
// cover the next day; the page warns before sending, and shows the refusal in the domain's words
// in one panel with the two ways forward: let SMI run on (extend it), or accept the gap with a
// reason the auditor will read.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading3,
  Heading4,
  Heading5,
  Paragraph,
} from '@utrecht/component-library-react';
import {
  addDays,
  isIsoDate,
  kotCoversDayAfter,
  minimumGapReasonLength,
  type CaseState,
  type IsoDate,
} from '@kot/domain';
import { CheckboxField } from '../forms/CheckboxField';
import { ErrorSummary } from '../forms/ErrorSummary';
import { concerns, problemSummary } from '../forms/problemSummary';
import { TextField } from '../forms/TextField';
import { useLanguage } from '../i18n/language';
import { formatDate } from '../i18n/formats';
import { useRunCommand, type CommandOutcome } from './useRunCommand';

interface EndSmiFormProps {
  state: CaseState;
  onDone(outcome: CommandOutcome): void;
  onCancel(): void;
  /** Opens the form to extend SMI instead, when the user may. */
  onExtendInstead?(): void;
}

/**
 * The day SMI would normally end: the day before a granted KOT starts when SMI reaches that far,
 * else the end SMI already has. Never today by default: SMI that runs on should not be cut short by
 * a form left as it opened.
 */
export function proposedLastDay(state: CaseState): IsoDate | '' {
  const smiEnd = state.smi[state.smi.length - 1]?.to;
  const kotFrom = state.kot[state.kot.length - 1]?.from;
  const beforeKot = kotFrom ? addDays(kotFrom, -1) : null;
  if (beforeKot && (!smiEnd || beforeKot <= smiEnd)) return beforeKot;
  return smiEnd ?? '';
}

/** The domain's refusal reads as a clause ("op 8 december is er…"); here it stands alone. */
const sentence = (clause: string) => `${clause.charAt(0).toUpperCase()}${clause.slice(1)}.`;

export function EndSmiForm({ state, onDone, onCancel, onExtendInstead }: EndSmiFormProps) {
  const { tr, tFromServer, language } = useLanguage();
  const headingId = useId();
  const [lastDay, setLastDay] = useState<string>(() => proposedLastDay(state));
  const [reason, setReason] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [guardRefused, setGuardRefused] = useState(false);
  const [missing, setMissing] = useState<string[]>([]);
  const [failedAttempts, setFailedAttempts] = useState(0);
  const { run, running, problem, clearProblem } = useRunCommand();
  const acceptHeading = useRef<HTMLHeadingElement>(null);
  // After the refusal the ways forward are in one panel: the keyboard goes to its heading.
  useEffect(() => {
    if (guardRefused) acceptHeading.current?.focus();
  }, [guardRefused]);

  const validDay = isIsoDate(lastDay);
  const opensGap = validDay && !kotCoversDayAfter(state, lastDay);
  const firstDayWithout = validDay ? formatDate(addDays(lastDay, 1), language) : '';
  const ids = {
    lastDay: `${headingId}-last-day`,
    reason: `${headingId}-reason`,
    understood: `${headingId}-understood`,
  };

  const changeLastDay = (next: string) => {
    setLastDay(next);
    // A refusal about another day no longer applies: ask again for the new one.
    setGuardRefused(false);
    setMissing([]);
    clearProblem();
  };

  const send = async (acceptGapReason?: string) => {
    const outcome = await run('EndSmi', {
      caseId: state.caseId,
      lastDay,
      ...(acceptGapReason ? { acceptGapReason } : {}),
    });
    if (outcome) onDone(outcome);
    else setFailedAttempts((n) => n + 1);
    return outcome;
  };

  const endWithoutGap = async (event: FormEvent) => {
    event.preventDefault();
    if (!validDay) {
      setMissing(['lastDay']);
      setFailedAttempts((n) => n + 1);
      return;
    }
    setMissing([]);
    const outcome = await send();
    if (!outcome) setGuardRefused(true);
  };

  const endAcceptingGap = async () => {
    const empty = [
      ...(reason.trim().length < minimumGapReasonLength ? ['reason'] : []),
      ...(understood ? [] : ['understood']),
    ];
    setMissing(empty);
    if (empty.length > 0) {
      setFailedAttempts((n) => n + 1);
      return;
    }
    await send(reason.trim());
  };

  const guardProblem = problem?.fields.some((f) => concerns(f.field, 'acceptGapReason'))
    ? problem
    : null;
  const otherProblem = problem && !guardProblem ? problem : null;
  const reasonHint = tr(
    `Minstens ${minimumGapReasonLength} tekens.`,
    `At least ${minimumGapReasonLength} characters.`,
  );
  const messages: Record<string, string> = {
    lastDay: tr('Vul de laatste dag in.', 'Fill in the last day.'),
    reason: tr(
      `Geef een reden van minstens ${minimumGapReasonLength} tekens.`,
      `Give a reason of at least ${minimumGapReasonLength} characters.`,
    ),
    understood: tr('Bevestig dat u dit begrijpt.', 'Confirm that you understand this.'),
  };
  const labels: Record<string, string> = {
    lastDay: tr('Laatste dag SMI', 'Last day of SMI'),
    reason: tr('Ik accepteer het gat, omdat…', 'I accept the gap, because…'),
    understood: tr('Bevestiging', 'Confirmation'),
  };
  const fromServer = problemSummary(
    otherProblem,
    [{ name: 'lastDay', id: ids.lastDay, label: labels['lastDay'] as string }],
    tFromServer,
  );
  const summaryItems = [
    ...missing.map((name) => ({
      fieldId: ids[name as keyof typeof ids],
      label: labels[name],
      message: messages[name] as string,
    })),
    ...fromServer.items,
  ];
  const lastDayRefusal = otherProblem?.fields.find((f) => concerns(f.field, 'lastDay'));
  const lastDayError = missing.includes('lastDay')
    ? messages['lastDay']
    : lastDayRefusal
      ? tFromServer(lastDayRefusal.reason)
      : undefined;

  return (
    <form
      className="portal-command-form"
      aria-labelledby={headingId}
      onSubmit={endWithoutGap}
      noValidate
    >
      <Heading3 id={headingId} tabIndex={-1}>
        {tr('SMI beëindigen', 'End SMI')}
      </Heading3>
      <Paragraph>
        {tr(
          'SMI mag alleen stoppen als de kinderopvangtoeslag de volgende dag betaalt. Anders zit het gezin zonder vergoeding voor de opvang.',
          'SMI may only stop when the childcare allowance pays from the next day. Otherwise the family has no funding for childcare.',
        )}
      </Paragraph>
      <ErrorSummary
        heading={tr('SMI is niet beëindigd', 'SMI was not ended')}
        general={fromServer.general}
        items={summaryItems}
        attempt={failedAttempts}
      />
      <TextField
        id={ids.lastDay}
        type="date"
        label={labels['lastDay']}
        value={lastDay}
        onChange={changeLastDay}
        error={lastDayError}
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
        <section className="portal-gap-panel" role="alert" aria-labelledby={`${headingId}-refused`}>
          <Heading4 id={`${headingId}-refused`} ref={acceptHeading} tabIndex={-1}>
            {tr(
              'SMI is niet beëindigd: kies hoe het verder gaat',
              'SMI was not ended: choose how to go on',
            )}
          </Heading4>
          {guardProblem.fields.map((field) => (
            <Paragraph key={field.field}>{sentence(tFromServer(field.reason))}</Paragraph>
          ))}
          {onExtendInstead ? (
            <>
              <Paragraph>
                {tr(
                  'Meestal is dit de goede weg: laat de SMI doorlopen tot de kinderopvangtoeslag betaalt.',
                  'Usually this is the right way: let SMI run on until the childcare allowance pays.',
                )}
              </Paragraph>
              <ButtonGroup>
                <Button type="button" appearance="primary-action-button" onClick={onExtendInstead}>
                  {tr('SMI verlengen', 'Extend SMI')}
                </Button>
              </ButtonGroup>
            </>
          ) : null}
          <Heading5 id={`${headingId}-accept`}>
            {tr('Of: het gat toch accepteren', 'Or: accept the gap anyway')}
          </Heading5>
          <Paragraph>
            {tr(
              `Alleen als het gezin bewust vanaf ${firstDayWithout} zonder vergoeding zit. Uw reden wordt met de beëindiging vastgelegd en is zichtbaar voor de auditor.`,
              `Only when the family knowingly goes without funding from ${firstDayWithout}. Your reason is recorded with the end and is visible to the auditor.`,
            )}
          </Paragraph>
          <TextField
            id={ids.reason}
            multiline
            label={labels['reason']}
            description={reasonHint}
            value={reason}
            onChange={setReason}
            required
            error={missing.includes('reason') ? messages['reason'] : undefined}
          />
          <CheckboxField
            id={ids.understood}
            label={tr(
              `Ik begrijp dat het gezin vanaf ${firstDayWithout} geen SMI en geen kinderopvangtoeslag heeft.`,
              `I understand that the family has neither SMI nor childcare allowance from ${firstDayWithout}.`,
            )}
            checked={understood}
            onChange={setUnderstood}
            error={missing.includes('understood') ? messages['understood'] : undefined}
          />
          <ButtonGroup>
            <Button
              type="button"
              appearance={onExtendInstead ? 'secondary-action-button' : 'primary-action-button'}
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
