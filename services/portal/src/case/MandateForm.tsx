// Taking on a case (or recording a new mandate) with the evidence that the supporter may act for
// the family: bewind, curatele, mentorschap, a DigiD-machtiging from each partner, or a volmacht.
import { useId, useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading3, Paragraph } from '@utrecht/component-library-react';
import { mandateTypes, type CaseState, type MandateType } from '@kot/domain';
import { CheckboxField } from '../forms/CheckboxField';
import { ErrorSummary } from '../forms/ErrorSummary';
import { concerns, problemSummary } from '../forms/problemSummary';
import { SelectField } from '../forms/SelectField';
import { TextField } from '../forms/TextField';
import { useLanguage } from '../i18n/language';
import { mandateTypeNames } from '../i18n/vocabulary';
import { useRunCommand, type CommandOutcome } from './useRunCommand';

interface MandateFormProps {
  command: 'ClaimCase' | 'RecordMandate';
  state: CaseState;
  today: string;
  partnerLabel(partnerId: string): string;
  onDone(outcome: CommandOutcome): void;
  onCancel(): void;
}

const upper = (code: string) => code.toUpperCase().replace(/-/g, '_');

export function MandateForm({
  command,
  state,
  today,
  partnerLabel,
  onDone,
  onCancel,
}: MandateFormProps) {
  const { t, tr, tFromServer } = useLanguage();
  const headingId = useId();
  const [failedAttempts, setFailedAttempts] = useState(0);
  const ids = {
    type: `${headingId}-type`,
    validFrom: `${headingId}-valid-from`,
    validUntil: `${headingId}-valid-until`,
    reference: `${headingId}-reference`,
  };
  const labels = {
    type: tr('Soort machtiging', 'Kind of mandate'),
    validFrom: tr('Geldig vanaf', 'Valid from'),
    validUntil: tr('Geldig tot en met (leeg: onbepaald)', 'Valid until (empty: indefinite)'),
    reference: tr('Kenmerk van de machtiging (als bekend)', "The mandate's reference (if known)"),
  };
  // No kind of mandate is assumed: the evidence decides what the supporter may do.
  const [type, setType] = useState<MandateType | ''>('');
  const [missing, setMissing] = useState<Array<'type' | 'reference'>>([]);
  const [validFrom, setValidFrom] = useState(today);
  const [validUntil, setValidUntil] = useState('');
  const [reference, setReference] = useState('');
  const [partnerIds, setPartnerIds] = useState<string[]>([]);
  const [consentOf, setConsentOf] = useState<string[]>([]);
  const byCourt =
    type === 'court-bewind' || type === 'court-curatele' || type === 'court-mentorschap';
  const namesPartners = byCourt || type === 'digid-machtiging' || type === 'written-volmacht';
  const toggle = (set: typeof setPartnerIds, partnerId: string) => (checked: boolean) =>
    set((ids) => (checked ? [...ids, partnerId] : ids.filter((id) => id !== partnerId)));
  const { run, running, problem } = useRunCommand();
  const partners = state.household?.partners ?? [];

  // Every court measure names the court's ruling (the domain refuses one without it).
  const referenceRequired = byCourt;
  const missingMessages = {
    type: tr(`Kies bij “${labels.type}”.`, `Choose “${labels.type}”.`),
    reference: tr(
      'Vul het kenmerk van de uitspraak van de rechtbank in.',
      'Fill in the reference of the court’s ruling.',
    ),
  };
  const fieldError = (name: string) => {
    if ((name === 'type' || name === 'reference') && missing.includes(name))
      return missingMessages[name];
    const found = problem?.fields.find((f) => concerns(f.field, name));
    return found ? tFromServer(found.reason) : undefined;
  };
  const summary = problemSummary(
    problem,
    (Object.keys(ids) as Array<keyof typeof ids>).map((name) => ({
      name,
      id: ids[name],
      label: labels[name],
    })),
    tFromServer,
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const empty = [
      ...(type === '' ? (['type'] as const) : []),
      ...(referenceRequired && !reference.trim() ? (['reference'] as const) : []),
    ];
    setMissing(empty);
    if (type === '' || empty.length > 0) {
      setFailedAttempts((n) => n + 1);
      return;
    }
    const outcome = await run(command, {
      caseId: state.caseId,
      mandate: {
        type: upper(type),
        validFrom,
        ...(validUntil ? { validUntil } : {}),
        ...(reference.trim() ? { reference: reference.trim() } : {}),
        ...(namesPartners ? { partnerIds } : {}),
        ...(byCourt && consentOf.length > 0
          ? { consentOf: consentOf.filter((id) => !partnerIds.includes(id)) }
          : {}),
      },
    });
    if (outcome) onDone(outcome);
    else setFailedAttempts((n) => n + 1);
  };

  const title =
    command === 'ClaimCase'
      ? tr('Zaak oppakken', 'Take on the case')
      : tr('Machtiging vastleggen', 'Record a mandate');
  return (
    <form className="portal-command-form" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <Heading3 id={headingId} tabIndex={-1}>
        {title}
      </Heading3>
      <Paragraph>
        {tr(
          'Met welk bewijs mag u namens het gezin optreden? Zonder machtiging kunt u de zaak oppakken om te signaleren, maar niet aanvragen.',
          'What evidence lets you act for the family? Without a mandate you can take the case on to signal, but not apply.',
        )}
      </Paragraph>
      <ErrorSummary
        heading={tr('Dit kan zo niet worden vastgelegd', 'This cannot be recorded like this')}
        general={summary.general}
        items={[
          ...missing.map((name) => ({ fieldId: ids[name], message: missingMessages[name] })),
          ...summary.items,
        ]}
        attempt={failedAttempts}
      />
      <SelectField
        id={ids.type}
        label={labels.type}
        value={type}
        placeholder={tr('Kies…', 'Choose…')}
        required
        choices={mandateTypes.map((m) => ({ value: m, label: t(mandateTypeNames[m]) }))}
        onChange={(value) => setType(value as MandateType | '')}
        error={fieldError('type')}
      />
      {namesPartners ? (
        <fieldset className="portal-fieldset">
          <legend>
            {byCourt
              ? tr(
                  'Welke ouders plaatste de rechtbank onder de maatregel?',
                  'Which parents did the court place under the measure?',
                )
              : tr(
                  'Wie gaf de machtiging of volmacht?',
                  'Who gave the mandate or power of attorney?',
                )}
          </legend>
          {partners.map((partner) => (
            <CheckboxField
              key={partner.partnerId}
              label={partnerLabel(partner.partnerId)}
              checked={partnerIds.includes(partner.partnerId)}
              onChange={toggle(setPartnerIds, partner.partnerId)}
            />
          ))}
        </fieldset>
      ) : null}
      {byCourt && partners.some((partner) => !partnerIds.includes(partner.partnerId)) ? (
        <fieldset className="portal-fieldset">
          <legend>
            {tr(
              'Welke andere ouder stemde in met de aanvraag? (beide ouders tekenen)',
              'Which other parent consented to the application? (both parents sign)',
            )}
          </legend>
          {partners
            .filter((partner) => !partnerIds.includes(partner.partnerId))
            .map((partner) => (
              <CheckboxField
                key={partner.partnerId}
                label={partnerLabel(partner.partnerId)}
                checked={consentOf.includes(partner.partnerId)}
                onChange={toggle(setConsentOf, partner.partnerId)}
              />
            ))}
        </fieldset>
      ) : null}
      {type !== 'none' && type !== '' ? (
        <>
          <TextField
            id={ids.validFrom}
            type="date"
            label={labels.validFrom}
            value={validFrom}
            onChange={setValidFrom}
            required
            error={fieldError('validFrom')}
          />
          <TextField
            id={ids.validUntil}
            type="date"
            label={labels.validUntil}
            value={validUntil}
            onChange={setValidUntil}
            error={fieldError('validUntil')}
          />
          <TextField
            id={ids.reference}
            label={
              referenceRequired
                ? tr(
                    'Kenmerk van de rechtbank (zaaknummer van de uitspraak)',
                    'Court reference (case number of the ruling)',
                  )
                : labels.reference
            }
            description={tr('Wordt versleuteld opgeslagen.', 'Stored encrypted.')}
            value={reference}
            onChange={setReference}
            required={referenceRequired}
            error={fieldError('reference')}
          />
        </>
      ) : null}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={running} disabled={running}>
          {title}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {tr('Annuleren', 'Cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
