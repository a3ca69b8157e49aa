// One recording action as a form: the fields its spec names, the domain's refusal shown beside the
// field it concerns (or above the form), and the case id added on sending. Choices start empty;
// a step hard to undo shows what it will record and do, and is recorded only when confirmed.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, ButtonGroup, Heading3, Paragraph } from '@utrecht/component-library-react';
import type { CaseCommandType, CaseState } from '@kot/domain';
import { CheckboxField } from '../forms/CheckboxField';
import { ErrorSummary } from '../forms/ErrorSummary';
import { concerns, problemSummary } from '../forms/problemSummary';
import { SelectField } from '../forms/SelectField';
import { TextField } from '../forms/TextField';
import { useLanguage } from '../i18n/language';
import { formatDate } from '../i18n/formats';
import type { CommandFormSpec, FieldSpec, FormContext } from './commandForms';
import type { CommandOutcome } from './useRunCommand';
import { useRunCommand } from './useRunCommand';

interface CommandFormProps {
  type: CaseCommandType;
  spec: CommandFormSpec;
  state: CaseState;
  today: string;
  partnerLabel(partnerId: string): string;
  onDone(outcome: CommandOutcome): void;
  onCancel(): void;
}

type Values = Record<string, string | boolean>;

function initialValues(fields: FieldSpec[], ctx: FormContext): Values {
  const values: Values = {};
  for (const field of fields) {
    if (field.kind === 'check') values[field.name] = false;
    else if (field.kind === 'choice') values[field.name] = field.initial?.(ctx) ?? '';
    else if (field.kind === 'partner') {
      const indicated = ctx.state.household?.partners.find((p) => p.wlzIndication !== null);
      values[field.name] =
        indicated?.partnerId ?? ctx.state.household?.partners[0]?.partnerId ?? '';
    } else if (field.kind === 'date') values[field.name] = field.initial?.(ctx) ?? '';
    else values[field.name] = '';
  }
  return values;
}

const shown = (field: FieldSpec, ctx: FormContext) =>
  field.kind !== 'text' || !field.shownWhen || field.shownWhen(ctx);

/** Choices and partners must always be made; other fields when their spec says so. */
const isRequired = (field: FieldSpec, ctx: FormContext): boolean => {
  switch (field.kind) {
    case 'choice':
    case 'partner':
      return true;
    case 'check':
      return field.mustBeChecked === true;
    case 'text':
      return field.required === true || (field.requiredWhen?.(ctx) ?? false);
    case 'date':
      return field.required === true;
  }
};

/** Empty optional fields are left out: the API then uses its default (today, open-ended…). */
function inputOf(
  caseId: string,
  fields: FieldSpec[],
  values: Values,
  ctx: FormContext,
): Record<string, unknown> {
  const input: Record<string, unknown> = { caseId };
  for (const field of fields) {
    if (!shown(field, ctx)) continue;
    const value = values[field.name];
    if (typeof value === 'boolean') input[field.name] = value;
    else if (value !== undefined && value.trim() !== '') input[field.name] = value.trim();
  }
  return input;
}

export function CommandForm({
  type,
  spec,
  state,
  today,
  partnerLabel,
  onDone,
  onCancel,
}: CommandFormProps) {
  const { t, tr, tFromServer, language } = useLanguage();
  const headingId = useId();
  const ctx: FormContext = { state, today };
  const fields = spec.fields.filter((field) => shown(field, ctx));
  const [values, setValues] = useState<Values>(() => initialValues(spec.fields, ctx));
  const [missing, setMissing] = useState<string[]>([]);
  // The values are complete and the consequence is on screen: the next press records.
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const consequence = spec.confirm?.(ctx) ?? null;
  // Goes up after every attempt that was not recorded: the error summary then takes the focus.
  const [failedAttempts, setFailedAttempts] = useState(0);
  const { run, running, problem } = useRunCommand();
  const set = (name: string, value: string | boolean) =>
    setValues((current) => ({ ...current, [name]: value }));
  const idOf = (name: string) => `${headingId}-${name}`;
  const uncheckedMessage = tr('Vink dit aan.', 'Please tick this box.');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const empty = fields
      .filter((field) =>
        field.kind === 'check'
          ? field.mustBeChecked && values[field.name] !== true
          : isRequired(field, ctx) && !String(values[field.name] ?? '').trim(),
      )
      .map((field) => field.name);
    setMissing(empty);
    if (empty.length > 0) {
      setFailedAttempts((n) => n + 1);
      return;
    }
    if (consequence && !confirming) {
      setConfirming(true);
      return;
    }
    const outcome = await run(type, inputOf(state.caseId, spec.fields, values, ctx));
    if (outcome) onDone(outcome);
    else {
      setConfirming(false);
      setFailedAttempts((n) => n + 1);
    }
  };

  const missingMessageOf = (field: FieldSpec) => {
    const label = t(field.label);
    if (field.kind === 'check') return uncheckedMessage;
    if (field.kind === 'choice' || field.kind === 'partner')
      return tr(`Kies bij “${label}”.`, `Choose “${label}”.`);
    return tr(`Vul “${label}” in.`, `Fill in “${label}”.`);
  };
  /** A filled-in value as the confirmation shows it: choices by name, dates in words. */
  const shownValue = (field: FieldSpec): string => {
    const value = values[field.name];
    if (field.kind === 'check') return value === true ? tr('Ja', 'Yes') : tr('Nee', 'No');
    const raw = String(value ?? '').trim();
    if (!raw) return tr('(niet ingevuld)', '(not filled in)');
    if (field.kind === 'choice') {
      const choice = field.choices.find((c) => c.value === raw);
      return choice ? t(choice.label) : raw;
    }
    if (field.kind === 'partner') return partnerLabel(raw);
    if (field.kind === 'date') return formatDate(raw, language);
    return raw;
  };
  const errorOf = (name: string) => {
    const fromServer = problem?.fields.find((f) => concerns(f.field, name));
    if (fromServer) return tFromServer(fromServer.reason);
    const field = spec.fields.find((f) => f.name === name);
    return field && missing.includes(name) ? missingMessageOf(field) : undefined;
  };
  const formFields = fields.map((field) => ({
    name: field.name,
    id: idOf(field.name),
    label: t(field.label),
  }));
  const fromServer = problemSummary(problem, formFields, tFromServer);
  const summaryItems = [
    ...fields
      .filter((field) => missing.includes(field.name))
      // The message names the field already ("Vul “Reden” in."); a label before it would repeat it.
      .map((field) => ({
        fieldId: idOf(field.name),
        label: field.kind === 'check' ? t(field.label) : undefined,
        message: missingMessageOf(field),
      })),
    ...fromServer.items,
  ];

  const lowerFirst = (words: string) => words.charAt(0).toLowerCase() + words.slice(1);
  if (confirming && consequence) {
    return (
      <form
        className="portal-command-form"
        aria-labelledby={headingId}
        onSubmit={submit}
        noValidate
      >
        <Heading3 id={headingId}>{t(spec.label)}</Heading3>
        <div ref={confirmRef} tabIndex={-1} className="portal-confirmation">
          <Alert type="warning">
            <Paragraph>
              <strong>
                {tr('Wat er gebeurt als u dit vastlegt', 'What happens when you record this')}
              </strong>
            </Paragraph>
            <Paragraph>{t(consequence)}</Paragraph>
          </Alert>
        </div>
        <dl className="portal-facts portal-confirmation__values">
          {fields.map((field) => (
            <div key={field.name}>
              <dt>{t(field.label)}</dt>
              <dd>{shownValue(field)}</dd>
            </div>
          ))}
        </dl>
        <ButtonGroup>
          <Button
            type="submit"
            appearance="primary-action-button"
            hint={spec.danger ? 'danger' : undefined}
            busy={running}
            disabled={running}
          >
            {tr(`Ja, ${lowerFirst(t(spec.label))}`, `Yes, ${lowerFirst(t(spec.label))}`)}
          </Button>
          <Button
            type="button"
            appearance="secondary-action-button"
            onClick={() => setConfirming(false)}
          >
            {tr('Terug naar het formulier', 'Back to the form')}
          </Button>
        </ButtonGroup>
      </form>
    );
  }

  return (
    <form className="portal-command-form" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <Heading3 id={headingId} tabIndex={-1}>
        {t(spec.label)}
      </Heading3>
      <Paragraph>{t(spec.explanation)}</Paragraph>
      <ErrorSummary
        heading={tr('Dit kan zo niet worden vastgelegd', 'This cannot be recorded like this')}
        general={fromServer.general}
        items={summaryItems}
        attempt={failedAttempts}
      />
      {fields.map((field) => {
        const value = values[field.name];
        switch (field.kind) {
          case 'date':
            return (
              <TextField
                key={field.name}
                id={idOf(field.name)}
                type="date"
                label={t(field.label)}
                description={field.description ? t(field.description) : undefined}
                value={String(value ?? '')}
                required={field.required}
                error={errorOf(field.name)}
                onChange={(next) => set(field.name, next)}
              />
            );
          case 'text':
            return (
              <TextField
                key={field.name}
                id={idOf(field.name)}
                multiline
                label={t(field.label)}
                description={field.description ? t(field.description) : undefined}
                value={String(value ?? '')}
                required={isRequired(field, ctx)}
                error={errorOf(field.name)}
                onChange={(next) => set(field.name, next)}
              />
            );
          case 'choice':
            return (
              <SelectField
                key={field.name}
                id={idOf(field.name)}
                label={t(field.label)}
                value={String(value ?? '')}
                placeholder={tr('Kies…', 'Choose…')}
                required
                choices={field.choices.map((choice) => ({
                  value: choice.value,
                  label: t(choice.label),
                }))}
                error={errorOf(field.name)}
                onChange={(next) => set(field.name, next)}
              />
            );
          case 'partner':
            return (
              <SelectField
                key={field.name}
                id={idOf(field.name)}
                label={t(field.label)}
                value={String(value ?? '')}
                choices={(state.household?.partners ?? []).map((p) => ({
                  value: p.partnerId,
                  label: partnerLabel(p.partnerId),
                }))}
                error={errorOf(field.name)}
                onChange={(next) => set(field.name, next)}
              />
            );
          case 'check':
            return (
              <CheckboxField
                key={field.name}
                id={idOf(field.name)}
                label={t(field.label)}
                checked={value === true}
                error={errorOf(field.name)}
                onChange={(next) => set(field.name, next)}
              />
            );
        }
      })}
      <ButtonGroup>
        <Button
          type="submit"
          appearance="primary-action-button"
          hint={spec.danger ? 'danger' : undefined}
          busy={running}
          disabled={running}
        >
          {t(spec.label)}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {tr('Annuleren', 'Cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
