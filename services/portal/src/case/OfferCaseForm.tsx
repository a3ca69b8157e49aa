// Offering a case to a supporter office: a bewindvoerder may apply for the family, a
// cliëntondersteuner often only signals — the officer chooses knowingly.
import { useId, useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading3, Paragraph } from '@utrecht/component-library-react';
import { supporterRoles, type CaseState } from '@kot/domain';
import { SelectField } from '../forms/SelectField';
import { TextField } from '../forms/TextField';
import { useLanguage } from '../i18n/language';
import { roleNames } from '../i18n/vocabulary';
import { ProblemAlert } from '../layout/ProblemAlert';
import { useDirectory } from '../session/organisationDirectory';
import { useRunCommand, type CommandOutcome } from './useRunCommand';

interface OfferCaseFormProps {
  state: CaseState;
  onDone(outcome: CommandOutcome): void;
  onCancel(): void;
}

const upper = (code: string) => code.toUpperCase().replace(/-/g, '_');

export function OfferCaseForm({ state, onDone, onCancel }: OfferCaseFormProps) {
  const { t, tr } = useLanguage();
  const headingId = useId();
  const { supporterOffices } = useDirectory();
  const [office, setOffice] = useState(
    supporterOffices[0] ? `${supporterOffices[0].organisation}|${supporterOffices[0].role}` : '',
  );
  const [organisation, setOrganisation] = useState('');
  const [role, setRole] = useState<string>('bewindvoerder');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const { run, running, problem } = useRunCommand();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const [chosenOrganisation, chosenRole] =
      supporterOffices.length > 0 ? office.split('|') : [organisation.trim(), role];
    if (!chosenOrganisation || !chosenRole) {
      setMissing(true);
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
  };

  return (
    <form className="portal-command-form" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <Heading3 id={headingId}>
        {tr('Aanbieden aan een ondersteuner', 'Offer to a supporter')}
      </Heading3>
      <Paragraph>
        {tr(
          'Een bewindvoerder mag namens het gezin aanvragen. Een cliëntondersteuner of mantelzorgmakelaar heeft daarvoor een machtiging van beide partners nodig.',
          'A bewindvoerder may apply on behalf of the family. A client supporter or care broker needs a mandate from both partners for that.',
        )}
      </Paragraph>
      {problem ? <ProblemAlert problem={problem} /> : null}
      {supporterOffices.length > 0 ? (
        <SelectField
          label={tr('Ondersteuner', 'Supporter')}
          value={office}
          choices={supporterOffices.map((o) => ({
            value: `${o.organisation}|${o.role}`,
            label: `${o.name} (${t(roleNames[o.role])})`,
          }))}
          onChange={setOffice}
        />
      ) : (
        <>
          <TextField
            label={tr('Organisatiecode van de ondersteuner', "Supporter's organisation code")}
            value={organisation}
            onChange={setOrganisation}
            required
            error={
              missing
                ? tr('Vul de organisatiecode in.', 'Fill in the organisation code.')
                : undefined
            }
          />
          <SelectField
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
