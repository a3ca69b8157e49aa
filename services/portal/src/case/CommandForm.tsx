// One recording action as a form: the fields its spec names, the domain's refusal shown beside the
// field it concerns (or above the form), and the case id added on sending.
import { useId, useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading3, Paragraph } from '@utrecht/component-library-react';
import type { CaseCommandType, CaseState } from '@kot/domain';
import { CheckboxField } from '../forms/CheckboxField';
import { ErrorSummary } from '../forms/ErrorSummary';
import { concerns, problemSummary } from '../forms/problemSummary';
import { SelectField } from '../forms/SelectField';
import { TextField } from '../forms/TextField';
import { useLanguage } from '../i18n/language';
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
    else if (field.kind === 'choice')
      values[field.name] = field.initial?.(ctx) ?? field.choices[0]?.value ?? '';
    else if (field.kind === 'partner') {
      const indicated = ctx.state.household?.partners.find((p) => p.wlzIndication !== null);
      values[field.name] =
        indicated?.partnerId ?? ctx.state.household?.partners[0]?.partnerId ?? '';
    } else if (field.kind === 'date') values[field.name] = field.initial?.(ctx) ?? '';
    else values[field.name] = '';
  }
  return values;
}

/** Empty optional fields are left out: the API then uses its default (today, open-ended…). */
function inputOf(caseId: string, fields: FieldSpec[], values: Values): Record<string, unknown> {
  const input: Record<string, unknown> = { caseId };
  for (const field of fields) {
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
  const { t, tr, tFromServer } = useLanguage();
  const headingId = useId();
  const [values, setValues] = useState<Values>(() => initialValues(spec.fields, { state, today }));
  const [missing, setMissing] = useState<string[]>([]);
  // Goes up after every attempt that was not recorded: the error summary then takes the focus.
  const [failedAttempts, setFailedAttempts] = useState(0);
  const { run, running, problem } = useRunCommand();
  const set = (name: string, value: string | boolean) =>
    setValues((current) => ({ ...current, [name]: value }));
  const idOf = (name: string) => `${headingId}-${name}`;
  const missingMessage = tr('Vul dit veld in.', 'Please fill in this field.');
  const uncheckedMessage = tr('Vink dit aan.', 'Please tick this box.');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const empty = spec.fields
      .filter((field) =>
        field.kind === 'check'
          ? field.mustBeChecked && values[field.name] !== true
          : 'required' in field && field.required && !String(values[field.name] ?? '').trim(),
      )
      .map((field) => field.name);
    setMissing(empty);
    if (empty.length > 0) {
      setFailedAttempts((n) => n + 1);
      return;
    }
    const outcome = await run(type, inputOf(state.caseId, spec.fields, values));
    if (outcome) onDone(outcome);
    else setFailedAttempts((n) => n + 1);
  };

  const missingMessageOf = (field: FieldSpec) =>
    field.kind === 'check' ? uncheckedMessage : missingMessage;
  const errorOf = (name: string) => {
    const fromServer = problem?.fields.find((f) => concerns(f.field, name));
    if (fromServer) return tFromServer(fromServer.reason);
    const field = spec.fields.find((f) => f.name === name);
    return field && missing.includes(name) ? missingMessageOf(field) : undefined;
  };
  const formFields = spec.fields.map((field) => ({
    name: field.name,
    id: idOf(field.name),
    label: t(field.label),
  }));
  const fromServer = problemSummary(problem, formFields, tFromServer);
  const summaryItems = [
    ...spec.fields
      .filter((field) => missing.includes(field.name))
      .map((field) => ({
        fieldId: idOf(field.name),
        label: t(field.label),
        message: missingMessageOf(field),
      })),
    ...fromServer.items,
  ];

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
      {spec.fields.map((field) => {
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
                value={String(value ?? '')}
                required={field.required}
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
