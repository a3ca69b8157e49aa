// Toeslagen settles a year's KOT (vaststelling) after the year ended: which year, what came of it
// (pay more, reclaim, or no difference) and the amount in euros as people write it ("315,00").
// The outcome starts unchosen; the settlement is shown back to confirm before it is recorded.
import { useId, useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading3, Paragraph } from '@utrecht/component-library-react';
import { yearsToSettle, type CaseState } from '@kot/domain';
import { ErrorSummary } from '../forms/ErrorSummary';
import { RecordOrBack } from '../forms/RecordOrBack';
import { problemSummary } from '../forms/problemSummary';
import { SelectField } from '../forms/SelectField';
import { TextField } from '../forms/TextField';
import { useLanguage } from '../i18n/language';
import { centsOf } from '../referral/referralDraft';
import { useRunCommand, type CommandOutcome } from './useRunCommand';

interface SettleKotFormProps {
  state: CaseState;
  today: string;
  onDone(outcome: CommandOutcome): void;
  onCancel(): void;
}

/** An amount in euros with at most two decimals, comma or point: "315,00", "315", "315.5". */
const amountPattern = /^\d{1,7}([.,]\d{1,2})?$/;

export function SettleKotForm({ state, today, onDone, onCancel }: SettleKotFormProps) {
  const { tr, tFromServer } = useLanguage();
  const id = useId();
  const years = yearsToSettle(state, today);
  const [year, setYear] = useState(years.length === 1 ? String(years[0]) : '');
  const [outcome, setOutcome] = useState('');
  const [amount, setAmount] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const { run, running, problem, clearProblem } = useRunCommand();
  const ids = { year: `${id}-year`, outcome: `${id}-outcome`, amount: `${id}-amount` };
  const noDifference = outcome === 'NO_DIFFERENCE';
  const cents = noDifference ? 0 : centsOf(amount.trim());

  const outcomes = [
    { value: 'ADDITIONAL_PAYMENT', label: tr('Nabetaling aan het gezin', 'Additional payment') },
    { value: 'RECLAIM', label: tr('Terugvordering bij het gezin', 'Reclaim from the family') },
    { value: 'NO_DIFFERENCE', label: tr('Geen verschil', 'No difference') },
  ];
  const labels: Record<string, string> = {
    year: tr('Jaar', 'Year'),
    outcome: tr('Uitkomst van de vaststelling', 'Outcome of the settlement'),
    amount: tr('Bedrag in euro', 'Amount in euros'),
  };
  const messages: Record<string, string> = {
    year: tr('Kies het jaar.', 'Choose the year.'),
    outcome: tr('Kies de uitkomst.', 'Choose the outcome.'),
    amount: tr(
      'Vul een bedrag in euro in, groter dan nul, bijvoorbeeld 315,00.',
      'Fill in an amount in euros above zero, for example 315,00.',
    ),
  };
  const edit = (set: (value: string) => void) => (value: string) => {
    set(value);
    setConfirming(false);
    clearProblem();
  };

  const check = (event: FormEvent) => {
    event.preventDefault();
    const wrong = [
      ...(year === '' ? ['year'] : []),
      ...(outcome === '' ? ['outcome'] : []),
      ...(!noDifference && (!amountPattern.test(amount.trim()) || !(cents > 0)) ? ['amount'] : []),
    ];
    setMissing(wrong);
    if (wrong.length > 0) setAttempt((n) => n + 1);
    else setConfirming(true);
  };

  const record = async () => {
    const done = await run('SettleKot', {
      caseId: state.caseId,
      year: Number(year),
      outcome,
      amountCents: cents,
    });
    if (done) onDone(done);
    else {
      setConfirming(false);
      setAttempt((n) => n + 1);
    }
  };

  const fromServer = problemSummary(
    problem,
    [
      { name: 'year', id: ids.year, label: labels['year'] as string },
      { name: 'outcome', id: ids.outcome, label: labels['outcome'] as string },
      { name: 'amountCents', id: ids.amount, label: labels['amount'] as string },
    ],
    tFromServer,
  );
  const euros = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(
    cents / 100,
  );
  const chosen = outcomes.find((choice) => choice.value === outcome)?.label ?? '';

  return (
    <form
      className="portal-command-form"
      aria-labelledby={`${id}-heading`}
      onSubmit={check}
      noValidate
    >
      <Heading3 id={`${id}-heading`} tabIndex={-1}>
        {tr('Toeslag over een jaar vaststellen', "Settle a year's allowance")}
      </Heading3>
      <Paragraph>
        {tr(
          'Na afloop van een jaar stelt Dienst Toeslagen de toeslag definitief vast: het gezin krijgt geld bij, betaalt terug, of er is geen verschil.',
          'After a year ends, Dienst Toeslagen settles the allowance: the family is paid more, pays back, or there is no difference.',
        )}
      </Paragraph>
      <ErrorSummary
        heading={tr('De vaststelling is niet vastgelegd', 'The settlement was not recorded')}
        general={fromServer.general}
        items={[
          ...missing.map((name) => ({
            fieldId: ids[name as keyof typeof ids],
            label: labels[name],
            message: messages[name] as string,
          })),
          ...fromServer.items,
        ]}
        attempt={attempt}
      />
      <SelectField
        id={ids.year}
        label={labels['year']}
        value={year}
        placeholder={tr('Kies…', 'Choose…')}
        choices={years.map((open) => ({ value: String(open), label: String(open) }))}
        onChange={edit(setYear)}
        error={missing.includes('year') ? messages['year'] : undefined}
        required
      />
      <SelectField
        id={ids.outcome}
        label={labels['outcome']}
        value={outcome}
        placeholder={tr('Kies…', 'Choose…')}
        choices={outcomes}
        onChange={edit(setOutcome)}
        error={missing.includes('outcome') ? messages['outcome'] : undefined}
        required
      />
      {noDifference ? null : (
        <TextField
          id={ids.amount}
          label={labels['amount']}
          description={tr('Bijvoorbeeld 315,00', 'For example 315,00')}
          inputMode="decimal"
          value={amount}
          onChange={edit(setAmount)}
          error={missing.includes('amount') ? messages['amount'] : undefined}
          required
        />
      )}
      {confirming ? (
        <section className="portal-gap-panel" aria-labelledby={`${id}-confirm`}>
          <Paragraph id={`${id}-confirm`}>
            <strong>{tr('Klopt dit?', 'Is this right?')}</strong>{' '}
            {noDifference
              ? tr(`${year}: geen verschil.`, `${year}: no difference.`)
              : tr(
                  `${year}: ${chosen.toLowerCase()}, ${euros}.`,
                  `${year}: ${chosen.toLowerCase()}, ${euros}.`,
                )}
          </Paragraph>
          <RecordOrBack
            label={tr('Vaststelling vastleggen', 'Record the settlement')}
            running={running}
            onRecord={() => void record()}
            onBack={() => setConfirming(false)}
          />
        </section>
      ) : (
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button">
            {tr('Controleren', 'Check')}
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
            {tr('Annuleren', 'Cancel')}
          </Button>
        </ButtonGroup>
      )}
    </form>
  );
}
