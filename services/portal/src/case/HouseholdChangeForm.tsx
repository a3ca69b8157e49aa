// A change in the household, with the fields its kind needs and no others: a child who joined
// (name, BSN, birth date) or a child's childcare (LRK number, type, hours, hourly rate in euros)
// besides the flat changes. Kinds and consequential choices start unchosen; names, BSNs and birth
// dates are encrypted by the platform before they are stored.
import { useId, useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading3, Paragraph } from '@utrecht/component-library-react';
import {
  careTypes,
  isIsoDate,
  isValidBsn,
  workStatuses,
  type CaseState,
  type Child,
  type HouseholdChangeKind,
} from '@kot/domain';
import { ErrorSummary } from '../forms/ErrorSummary';
import { problemSummary } from '../forms/problemSummary';
import { SelectField } from '../forms/SelectField';
import { TextField } from '../forms/TextField';
import { useLanguage } from '../i18n/language';
import { careTypeNames, workStatusNames } from '../i18n/vocabulary';
import { centsOf } from '../referral/referralDraft';
import { useRunCommand, type CommandOutcome } from './useRunCommand';

interface HouseholdChangeFormProps {
  state: CaseState;
  partnerLabel(partnerId: string): string;
  onDone(outcome: CommandOutcome): void;
  onCancel(): void;
}

type FieldName =
  | 'changeKind'
  | 'effectiveFrom'
  | 'partnerId'
  | 'workStatus'
  | 'childName'
  | 'childBsn'
  | 'childBirthDate'
  | 'childId'
  | 'lrkNumber'
  | 'careType'
  | 'hoursPerMonth'
  | 'hourlyRate'
  | 'indicationKind'
  | 'validTo';

/** What each kind asks for, besides the kind and the date it takes effect. */
const fieldsOf: Record<HouseholdChangeKind, FieldName[]> = {
  'partner-work': ['partnerId', 'workStatus'],
  separation: ['partnerId'],
  'child-added': ['childName', 'childBsn', 'childBirthDate'],
  childcare: ['childId', 'lrkNumber', 'careType', 'hoursPerMonth', 'hourlyRate'],
  'childcare-ended': ['childId'],
  'indication-changed': ['partnerId', 'indicationKind', 'validTo'],
  'indication-ended': ['partnerId'],
};

const upper = (code: string) => code.toUpperCase().replace(/-/g, '_');
const emptyValues = Object.fromEntries(
  Object.values(fieldsOf)
    .flat()
    .map((name) => [name, '']),
) as Record<FieldName, string>;

export function HouseholdChangeForm({
  state,
  partnerLabel,
  onDone,
  onCancel,
}: HouseholdChangeFormProps) {
  const { t, tr, tFromServer } = useLanguage();
  const id = useId();
  const [kind, setKind] = useState<HouseholdChangeKind | ''>('');
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [values, setValues] = useState(emptyValues);
  const [wrong, setWrong] = useState<FieldName[]>([]);
  const [attempt, setAttempt] = useState(0);
  const { run, running, problem, clearProblem } = useRunCommand();
  const idOf = (name: FieldName) => `${id}-${name}`;
  const shown: FieldName[] = kind ? fieldsOf[kind] : [];

  const labels: Record<FieldName, string> = {
    changeKind: tr('Wat is er veranderd', 'What changed'),
    effectiveFrom: tr('Ingangsdatum', 'Takes effect on'),
    partnerId: tr('Welke ouder', 'Which parent'),
    workStatus: tr('Werk van die ouder', "That parent's work"),
    childName: tr('Naam van het kind', "Child's name"),
    childBsn: tr('BSN van het kind', "Child's BSN"),
    childBirthDate: tr('Geboortedatum van het kind', "Child's birth date"),
    childId: tr('Welk kind', 'Which child'),
    lrkNumber: tr('LRK-nummer van de opvanglocatie', 'LRK number of the childcare location'),
    careType: tr('Soort opvang', 'Type of care'),
    hoursPerMonth: tr('Uren per maand', 'Hours per month'),
    hourlyRate: tr('Uurtarief in euro', 'Hourly rate in euros'),
    indicationKind: tr('Soort indicatie', 'Kind of indication'),
    validTo: tr('Geldig tot en met (bij tijdelijk)', 'Valid until (when temporary)'),
  };
  const messageOf = (name: FieldName): string => {
    switch (name) {
      case 'childBsn':
        return tr(
          'Dit BSN klopt niet. Een BSN heeft 9 cijfers en moet door de elfproef komen; kijk het na op een brief van de Belastingdienst of het paspoort.',
          'This BSN is not right. A BSN has 9 digits and must pass the eleven check; check it against a letter from the tax office or the passport.',
        );
      case 'hourlyRate':
        return tr(
          'Vul een uurtarief in euro in, bijvoorbeeld 9,85.',
          'Fill in an hourly rate in euros, for example 9,85.',
        );
      case 'hoursPerMonth':
        return tr(
          'Vul een heel aantal uren per maand in.',
          'Fill in a whole number of hours per month.',
        );
      default:
        return tr(
          `Vul ${labels[name].toLowerCase()} in.`,
          `Fill in ${labels[name].toLowerCase()}.`,
        );
    }
  };

  const set = (name: FieldName) => (value: string) => {
    setValues((current) => ({ ...current, [name]: value }));
    clearProblem();
  };

  const problems = (): FieldName[] => {
    const found: FieldName[] = [];
    if (!kind) found.push('changeKind');
    if (!isIsoDate(effectiveFrom)) found.push('effectiveFrom');
    for (const name of shown) {
      const value = values[name].trim();
      if (name === 'validTo') {
        if (values.indicationKind === 'TEMPORARY' && !isIsoDate(value)) found.push(name);
      } else if (name === 'childBsn') {
        if (!isValidBsn(value)) found.push(name);
      } else if (name === 'hourlyRate') {
        if (!(centsOf(value) > 0)) found.push(name);
      } else if (name === 'hoursPerMonth') {
        if (!/^\d{1,3}$/.test(value) || Number(value) < 1) found.push(name);
      } else if (value === '') found.push(name);
    }
    return found;
  };

  const inputOf = (changeKind: HouseholdChangeKind): Record<string, unknown> => {
    const v = (name: FieldName) => values[name].trim();
    const facts: Record<string, unknown> = {
      caseId: state.caseId,
      changeKind: upper(changeKind),
      effectiveFrom,
    };
    if (shown.includes('partnerId')) facts['partnerId'] = v('partnerId');
    if (shown.includes('workStatus')) facts['workStatus'] = v('workStatus');
    if (shown.includes('childId')) facts['childId'] = v('childId');
    if (changeKind === 'child-added') {
      facts['child'] = {
        childId: nextChildId(state),
        name: v('childName'),
        bsn: v('childBsn'),
        birthDate: v('childBirthDate'),
        livesAtHome: true,
        childcare: null,
      };
    }
    if (changeKind === 'childcare') {
      facts['childcare'] = {
        lrkNumber: v('lrkNumber'),
        careType: v('careType'),
        hoursPerMonth: Number(v('hoursPerMonth')),
        hourlyRateCents: centsOf(v('hourlyRate')),
      };
    }
    if (changeKind === 'indication-changed') {
      facts['indicationKind'] = v('indicationKind');
      if (v('validTo')) facts['validTo'] = v('validTo');
    }
    return facts;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = problems();
    setWrong(found);
    if (found.length > 0 || !kind) {
      setAttempt((n) => n + 1);
      return;
    }
    const outcome = await run('RecordHouseholdChange', inputOf(kind));
    if (outcome) onDone(outcome);
    else setAttempt((n) => n + 1);
  };

  const serverNames: Array<[string, FieldName]> = [
    ['child.name', 'childName'],
    ['child.bsn', 'childBsn'],
    ['child.birthDate', 'childBirthDate'],
    ['childcare.lrkNumber', 'lrkNumber'],
    ['childcare.hoursPerMonth', 'hoursPerMonth'],
    ['childcare.hourlyRateCents', 'hourlyRate'],
    ['effectiveFrom', 'effectiveFrom'],
    ['childId', 'childId'],
    ['partnerId', 'partnerId'],
  ];
  const fromServer = problemSummary(
    problem,
    serverNames.map(([name, field]) => ({ name, id: idOf(field), label: labels[field] })),
    tFromServer,
  );
  const errorOf = (name: FieldName) => (wrong.includes(name) ? messageOf(name) : undefined);
  const partners = (state.household?.partners ?? []).map((p) => ({
    value: p.partnerId,
    label: partnerLabel(p.partnerId),
  }));
  const children = childrenOf(state).map((child, index) => ({
    value: child.childId,
    label:
      child.name ||
      tr(`Kind ${index + 1} (${child.childId})`, `Child ${index + 1} (${child.childId})`),
  }));
  const choose = tr('Kies…', 'Choose…');
  const kindNames: Record<HouseholdChangeKind, string> = {
    'partner-work': tr('Een partner gaat werken of stopt', 'A partner starts or stops working'),
    separation: tr('De partners gaan uit elkaar', 'The partners separate'),
    'child-added': tr('Er komt een kind bij', 'A child joins the household'),
    childcare: tr(
      'Opvang van een kind is nieuw of gewijzigd',
      "A child's childcare is new or changed",
    ),
    'childcare-ended': tr('Een kind stopt met de opvang', 'A child leaves childcare'),
    'indication-changed': tr(
      'De Wlz-indicatie is verlengd of gewijzigd',
      'The Wlz-indication was extended or changed',
    ),
    'indication-ended': tr('De Wlz-indicatie is beëindigd', 'The Wlz-indication ended'),
  };

  const field = (name: FieldName) => {
    const common = {
      id: idOf(name),
      label: labels[name],
      value: values[name],
      onChange: set(name),
      error: errorOf(name),
    };
    switch (name) {
      case 'partnerId':
        return (
          <SelectField key={name} {...common} placeholder={choose} choices={partners} required />
        );
      case 'childId':
        return (
          <SelectField key={name} {...common} placeholder={choose} choices={children} required />
        );
      case 'workStatus':
        return (
          <SelectField
            key={name}
            {...common}
            placeholder={choose}
            choices={workStatuses.map((w) => ({ value: upper(w), label: t(workStatusNames[w]) }))}
            required
          />
        );
      case 'careType':
        return (
          <SelectField
            key={name}
            {...common}
            placeholder={choose}
            choices={careTypes.map((c) => ({ value: upper(c), label: t(careTypeNames[c]) }))}
            required
          />
        );
      case 'indicationKind':
        return (
          <SelectField
            key={name}
            {...common}
            placeholder={choose}
            choices={[
              { value: 'PERMANENT', label: tr('Permanent', 'Permanent') },
              { value: 'TEMPORARY', label: tr('Tijdelijk', 'Temporary') },
            ]}
            required
          />
        );
      case 'childBirthDate':
      case 'validTo':
        return <TextField key={name} {...common} type="date" required={name !== 'validTo'} />;
      case 'childBsn':
        return (
          <TextField
            key={name}
            {...common}
            inputMode="numeric"
            description={tr(
              '9 cijfers. We controleren het nummer met de elfproef, zodat een tikfout opvalt. Het BSN wordt versleuteld opgeslagen.',
              '9 digits. We check the number with the eleven check, so a typo stands out. The BSN is stored encrypted.',
            )}
            required
          />
        );
      case 'hoursPerMonth':
        return <TextField key={name} {...common} inputMode="numeric" required />;
      case 'hourlyRate':
        return (
          <TextField
            key={name}
            {...common}
            inputMode="decimal"
            description={tr('Bijvoorbeeld 9,85', 'For example 9,85')}
            required
          />
        );
      case 'childName':
        return (
          <TextField
            key={name}
            {...common}
            description={tr('Wordt versleuteld opgeslagen.', 'Stored encrypted.')}
            required
          />
        );
      default:
        return (
          <TextField
            key={name}
            {...common}
            inputMode={name === 'lrkNumber' ? 'numeric' : undefined}
            required
          />
        );
    }
  };

  return (
    <form
      className="portal-command-form"
      aria-labelledby={`${id}-heading`}
      onSubmit={submit}
      noValidate
    >
      <Heading3 id={`${id}-heading`} tabIndex={-1}>
        {tr('Wijziging in het gezin vastleggen', 'Record a change in the household')}
      </Heading3>
      <Paragraph>
        {tr(
          'Het recht wordt vanaf de ingangsdatum opnieuw beoordeeld. Loopt er kinderopvangtoeslag, geef de wijziging dan ook door aan Dienst Toeslagen.',
          'The right is re-assessed from the date it takes effect. While the allowance runs, also pass the change to Dienst Toeslagen.',
        )}
      </Paragraph>
      <ErrorSummary
        heading={tr('De wijziging is niet vastgelegd', 'The change was not recorded')}
        general={fromServer.general}
        items={[
          ...wrong.map((name) => ({
            fieldId: idOf(name),
            label: labels[name],
            message: messageOf(name),
          })),
          ...fromServer.items,
        ]}
        attempt={attempt}
      />
      <SelectField
        id={idOf('changeKind')}
        label={labels.changeKind}
        value={kind}
        placeholder={choose}
        choices={(Object.keys(fieldsOf) as HouseholdChangeKind[]).map((k) => ({
          value: k,
          label: kindNames[k],
        }))}
        onChange={(value) => {
          setKind(value as HouseholdChangeKind | '');
          setWrong([]);
          clearProblem();
        }}
        error={errorOf('changeKind')}
        required
      />
      <TextField
        id={idOf('effectiveFrom')}
        type="date"
        label={labels.effectiveFrom}
        value={effectiveFrom}
        onChange={setEffectiveFrom}
        error={errorOf('effectiveFrom')}
        required
      />
      {shown.map(field)}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={running} disabled={running}>
          {tr('Wijziging vastleggen', 'Record the change')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {tr('Annuleren', 'Cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** The referral's children and those who joined later (by id: their data is personal), once each. */
function childrenOf(state: CaseState): Array<Pick<Child, 'childId' | 'name'>> {
  const known = new Set(state.children.map((child) => child.childId));
  const joined = state.householdChanges.flatMap((change) => {
    const childId = change.child?.childId ?? change.childId;
    return change.changeKind === 'child-added' && childId && !known.has(childId)
      ? [{ childId, name: change.child?.name ?? '' }]
      : [];
  });
  return [...state.children, ...joined];
}

/** An id for a child who joins: the next free c<n>. */
function nextChildId(state: CaseState): string {
  const all = childrenOf(state);
  const taken = new Set(all.map((child) => child.childId));
  let n = all.length + 1;
  while (taken.has(`c${n}`)) n++;
  return `c${n}`;
}
