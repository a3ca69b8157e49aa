// Offering a case to a supporter office: a bewindvoerder may apply for the family, a
// cliëntondersteuner often only signals — the officer chooses knowingly.
import { useId, useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading3, Paragraph } from '@utrecht/component-library-react';
import { CIZ, TOESLAGEN, supporterRoles, type CaseState } from '@kot/domain';
import { ErrorSummary } from '../forms/ErrorSummary';
import { problemSummary } from '../forms/problemSummary';
import { SelectField } from '../forms/SelectField';
import { TextField } from '../forms/TextField';
import { useLanguage } from '../i18n/language';
import { roleNames } from '../i18n/vocabulary';
import { useDirectory } from '../session/organisationDirectory';
import { useRunCommand, type CommandOutcome } from './useRunCommand';

interface OfferCaseFormProps {
  state: CaseState;
  onDone(outcome: CommandOutcome): void;
  onCancel(): void;
}

const upper = (code: string) => code.toUpperCase().replace(/-/g, '_');

/**
 * Without a directory of organisations the officer types the supporter's code. It is the code that
 * organisation's sign-in carries: one word, and not a municipality or a national desk.
 */
export function organisationCodeProblem(
  code: string,
): 'empty' | 'spaces' | 'not-a-supporter' | null {
  if (code === '') return 'empty';
  if (/\s/.test(code)) return 'spaces';
  if (/^GM\d{4}$/.test(code) || code === CIZ || code === TOESLAGEN) return 'not-a-supporter';
  return null;
}

export function OfferCaseForm({ state, onDone, onCancel }: OfferCaseFormProps) {
  const { t, tr, tFromServer } = useLanguage();
  const headingId = useId();
  const ids = {
    office: `${headingId}-office`,
    organisation: `${headingId}-organisation`,
    role: `${headingId}-role`,
  };
  const { supporterOffices } = useDirectory();
  // Who gets to see the family is chosen, never preset.
  const [office, setOffice] = useState('');
  const [officeMissing, setOfficeMissing] = useState(false);
  const [organisation, setOrganisation] = useState('');
  const [role, setRole] = useState<string>('bewindvoerder');
  const [note, setNote] = useState('');
  const [codeProblem, setCodeProblem] = useState<ReturnType<typeof organisationCodeProblem>>(null);
  const [failedAttempts, setFailedAttempts] = useState(0);
  const { run, running, problem } = useRunCommand();
  const codeMessages = {
    empty: tr('Vul de organisatiecode in.', 'Fill in the organisation code.'),
    spaces: tr(
      'Een organisatiecode is één woord, zonder spaties.',
      'An organisation code is one word, without spaces.',
    ),
    'not-a-supporter': tr(
      'Dit is de code van een gemeente, CIZ of Dienst Toeslagen, niet van een ondersteuner.',
      'This is the code of a municipality, CIZ or Dienst Toeslagen, not of a supporter.',
    ),
  };
  const officeMessage = tr('Kies bij “Ondersteuner”.', 'Choose “Supporter”.');
  const codeLabel = tr('Organisatiecode van de ondersteuner', "Supporter's organisation code");

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const [chosenOrganisation, chosenRole] =
      supporterOffices.length > 0 ? office.split('|') : [organisation.trim(), role];
    const found =
      supporterOffices.length > 0 ? null : organisationCodeProblem(chosenOrganisation ?? '');
    setCodeProblem(found);
    setOfficeMissing(supporterOffices.length > 0 && office === '');
    if (found || !chosenOrganisation || !chosenRole) {
      setFailedAttempts((n) => n + 1);
      return;
    }
    const name = supporterOffices.find(
      (o) => o.organisation === chosenOrganisation && o.role === chosenRole,
    )?.name;
    const outcome = await run('OfferCase', {
      caseId: state.caseId,
      to: { organisation: chosenOrganisation, role: upper(chosenRole), ...(name ? { name } : {}) },
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    if (outcome) onDone(outcome);
    else setFailedAttempts((n) => n + 1);
  };
  const fromServer = problemSummary(
    problem,
    [
      {
        name: 'organisation',
        id: supporterOffices.length > 0 ? ids.office : ids.organisation,
        label: tr('Ondersteuner', 'Supporter'),
      },
      {
        name: 'role',
        id: supporterOffices.length > 0 ? ids.office : ids.role,
        label: tr('Rol', 'Role'),
      },
    ],
    tFromServer,
  );
  const summaryItems = [
    ...(codeProblem
      ? [{ fieldId: ids.organisation, label: codeLabel, message: codeMessages[codeProblem] }]
      : []),
    ...(officeMissing
      ? [{ fieldId: ids.office, label: tr('Ondersteuner', 'Supporter'), message: officeMessage }]
      : []),
    ...fromServer.items,
  ];

  return (
    <form className="portal-command-form" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <Heading3 id={headingId} tabIndex={-1}>
        {tr('Aanbieden aan een ondersteuner', 'Offer to a supporter')}
      </Heading3>
      <Paragraph>
        {tr(
          'Een bewindvoerder mag namens het gezin aanvragen. Een cliëntondersteuner of mantelzorgmakelaar heeft daarvoor een machtiging van beide partners nodig.',
          'A bewindvoerder may apply on behalf of the family. A client supporter or care broker needs a mandate from both partners for that.',
        )}
      </Paragraph>
      <ErrorSummary
        heading={tr('De zaak is niet aangeboden', 'The case was not offered')}
        general={fromServer.general}
        items={summaryItems}
        attempt={failedAttempts}
      />
      {supporterOffices.length > 0 ? (
        <SelectField
          id={ids.office}
          label={tr('Ondersteuner', 'Supporter')}
          value={office}
          placeholder={tr('Kies…', 'Choose…')}
          required
          error={officeMissing ? officeMessage : undefined}
          choices={supporterOffices.map((o) => ({
            value: `${o.organisation}|${o.role}`,
            label: `${o.name} (${t(roleNames[o.role])})`,
          }))}
          onChange={setOffice}
        />
      ) : (
        <>
          <TextField
            id={ids.organisation}
            label={codeLabel}
            description={tr(
              'Het platform heeft geen lijst van organisaties. Vul de code in waarmee de organisatie van de ondersteuner inlogt (zoals die in haar toegangstokens staat); vraag die zo nodig bij de ondersteuner na.',
              "The platform has no list of organisations. Fill in the code the supporter's organisation signs in with (as in its access tokens); ask the supporter if needed.",
            )}
            value={organisation}
            onChange={setOrganisation}
            required
            error={codeProblem ? codeMessages[codeProblem] : undefined}
          />
          <SelectField
            id={ids.role}
            label={tr('Rol', 'Role')}
            value={role}
            choices={supporterRoles.map((r) => ({ value: r, label: t(roleNames[r]) }))}
            onChange={setRole}
          />
        </>
      )}
      <TextField
        label={tr(
          'Notitie voor de ondersteuner (optioneel, geen persoonsgegevens)',
          'Note for the supporter (optional, no personal data)',
        )}
        value={note}
        onChange={setNote}
        multiline
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={running} disabled={running}>
          {tr('Zaak aanbieden', 'Offer the case')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {tr('Annuleren', 'Cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
