// The SMI officer refers a family. While the form is filled in, the domain's own eligibility check
// runs in the browser on what is known so far: a clear yes, no or unknown, each reason, and what
// the family can do instead — before anything is sent. With `signal`, the same form is how any
// professional signals a family without an SMI period (SignalFamily): the municipality is chosen,
// every choice starts empty, and beside the check stand the organisations that can help there.
import { useMemo, useState, type FormEvent } from 'react';
import {
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  Heading1,
  Paragraph,
} from '@utrecht/component-library-react';
import {
  assessEligibility,
  careTypes,
  workStatuses,
  type CareType,
  type WorkStatus,
} from '@kot/domain';
import { CheckboxField } from '../forms/CheckboxField';
import { RadioGroupField } from '../forms/RadioGroupField';
import { SelectField } from '../forms/SelectField';
import { TextField } from '../forms/TextField';
import { EligibilityResult } from '../eligibility/EligibilityResult';
import { SupportersNearby } from '../eligibility/SupportersNearby';
import { emptySignal, signalInputOf, signalProblemsOf } from '../signal/signalDraft';
import { useLanguage } from '../i18n/language';
import { todayInAmsterdam } from '../i18n/formats';
import { careTypeNames, workStatusNames } from '../i18n/vocabulary';
import { ErrorSummary, type SummaryItem } from '../forms/ErrorSummary';
import { usePageTitle } from '../layout/usePageTitle';
import { useNavigation } from '../navigation/navigation';
import { useDirectory } from '../session/organisationDirectory';
import { useSignedIn } from '../session/session';
import { useRunCommand } from '../case/useRunCommand';
import {
  emptyChild,
  emptyReferral,
  factsOf,
  fieldIdOf,
  inputOf,
  problemsOf,
  type ChildDraft,
  type IndicationChoice,
  type PartnerDraft,
  type ReferralDraft,
} from './referralDraft';

export function ReferralPage({ signal = false }: { signal?: boolean }) {
  const { t, tr, tFromServer } = useLanguage();
  const { actor } = useSignedIn();
  const { organisationName, municipalities, loaded } = useDirectory();
  const { navigate } = useNavigation();
  usePageTitle(
    signal
      ? tr('Gezin signaleren', 'Signal a family')
      : tr('Gezin doorverwijzen', 'Refer a family'),
  );
  const today = todayInAmsterdam();
  const [draft, setDraft] = useState<ReferralDraft>(() =>
    signal ? emptySignal(today) : emptyReferral(today),
  );
  // Without a directory of municipalities the signaller types the municipality's CBS code.
  const typedMunicipality = loaded && municipalities.length === 0;
  const problemsOfDraft = signal
    ? (d: ReferralDraft) => signalProblemsOf(d, typedMunicipality)
    : problemsOf;
  const choicePlaceholder = signal ? tr('Kies…', 'Choose…') : undefined;
  const [attempted, setAttempted] = useState(false);
  // Goes up after every attempt that was not sent: the error summary then takes the focus.
  const [failedAttempts, setFailedAttempts] = useState(0);
  const { run, running, problem } = useRunCommand();

  const eligibility = useMemo(() => assessEligibility(factsOf(draft), today), [draft, today]);
  const problems = problemsOfDraft(draft);
  const errorOf = (path: string) => {
    // The API names fields from the mutation's argument: `input.household.partners[0].bsn`.
    const fromServer = problem?.fields.find((f) => f.field.replace(/^input\./, '') === path);
    if (fromServer) return tFromServer(fromServer.reason);
    return attempted && problems[path] ? t(problems[path]) : undefined;
  };

  const setPartner = (index: 0 | 1, change: Partial<PartnerDraft>) =>
    setDraft((d) => {
      const partners: [PartnerDraft, PartnerDraft] = [...d.partners];
      partners[index] = { ...partners[index], ...change };
      return { ...d, partners };
    });
  const setChild = (index: number, change: Partial<ChildDraft>) =>
    setDraft((d) => ({
      ...d,
      children: d.children.map((c, i) => (i === index ? { ...c, ...change } : c)),
    }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (Object.keys(problemsOfDraft(draft)).length > 0) {
      setFailedAttempts((n) => n + 1);
      return;
    }
    // The case page loads the new case itself, held until the read side has it (rememberWrite).
    const outcome = signal
      ? await run('SignalFamily', signalInputOf(draft), false)
      : await run('OpenReferral', inputOf(draft, actor.organisation), false);
    if (outcome) navigate({ page: 'case', caseId: outcome.caseId });
    else setFailedAttempts((n) => n + 1);
  };

  const fieldWords: Record<string, string> = {
    name: tr('Naam', 'Name'),
    bsn: 'BSN',
    birthDate: tr('Geboortedatum', 'Date of birth'),
    lrkNumber: tr('LRK-nummer', 'LRK number'),
    careType: tr('Soort opvang', 'Type of care'),
    hoursPerMonth: tr('Uren per maand', 'Hours per month'),
    hourlyRateCents: tr('Uurtarief', 'Hourly rate'),
    from: tr('Vanaf', 'From'),
    to: tr('Tot en met', 'Until'),
    municipality: tr('Gemeente', 'Municipality'),
    wlzIndication: tr('Wlz-indicatie', 'Wlz-indication'),
    workStatus: tr('Werk', 'Work'),
  };
  /** "Ouder 2, BSN" for household.partners[1].bsn: the field as the form labels it. */
  const fieldLabelOf = (path: string): string | undefined => {
    const last = path.split('.').pop() ?? '';
    const field = fieldWords[last];
    const partner = /^household\.partners\[(\d+)\]\./.exec(path);
    const child = /^children\[(\d+)\]\./.exec(path);
    const group = partner
      ? draft.composition === 'partners'
        ? tr(`Ouder ${Number(partner[1]) + 1}`, `Parent ${Number(partner[1]) + 1}`)
        : tr('De ouder', 'The parent')
      : child
        ? tr(`Kind ${Number(child[1]) + 1}`, `Child ${Number(child[1]) + 1}`)
        : path.startsWith('smiPeriod.')
          ? tr('SMI-periode', 'SMI period')
          : undefined;
    if (!group) return field;
    return field ? `${group}, ${field}` : group;
  };
  const summaryItem = (path: string, message: string): SummaryItem => {
    const label = fieldLabelOf(path);
    return {
      ...(label ? { fieldId: fieldIdOf(path), label } : {}),
      message,
    };
  };

  const indicationChoices = [
    { value: 'none', label: tr('Geen Wlz-indicatie', 'No Wlz-indication') },
    { value: 'permanent', label: tr('Permanente Wlz-indicatie', 'Permanent Wlz-indication') },
    { value: 'temporary', label: tr('Tijdelijke Wlz-indicatie', 'Temporary Wlz-indication') },
    {
      value: 'unknown',
      label: tr('Wlz-indicatie, soort onbekend', 'Wlz-indication, kind unknown'),
    },
  ];
  const localItems = attempted
    ? Object.entries(problems).map(([path, reason]) => summaryItem(path, t(reason)))
    : [];
  const serverItems = (problem?.fields ?? []).map((f) =>
    summaryItem(f.field.replace(/^input\./, ''), tFromServer(f.reason)),
  );
  const problemCount = localItems.length;

  const partnerFields = (index: 0 | 1) => {
    const partner = draft.partners[index];
    const at = `household.partners[${index}]`;
    return (
      <Fieldset key={index}>
        <FieldsetLegend>
          {draft.composition === 'partners'
            ? tr(`Ouder ${index + 1}`, `Parent ${index + 1}`)
            : tr('De ouder', 'The parent')}
        </FieldsetLegend>
        <TextField
          label={tr('Naam', 'Name')}
          value={partner.name}
          onChange={(name) => setPartner(index, { name })}
          id={fieldIdOf(`${at}.name`)}
          error={errorOf(`${at}.name`)}
          required
          autoComplete="off"
        />
        <TextField
          label="BSN"
          description={tr('9 cijfers', '9 digits')}
          value={partner.bsn}
          inputMode="numeric"
          onChange={(bsn) => setPartner(index, { bsn })}
          id={fieldIdOf(`${at}.bsn`)}
          error={errorOf(`${at}.bsn`)}
          required
          size={12}
        />
        <TextField
          type="date"
          label={tr('Geboortedatum', 'Date of birth')}
          value={partner.birthDate}
          onChange={(birthDate) => setPartner(index, { birthDate })}
          id={fieldIdOf(`${at}.birthDate`)}
          error={errorOf(`${at}.birthDate`)}
          required
        />
        <SelectField
          label={tr('Wlz-indicatie', 'Wlz-indication')}
          value={partner.indication}
          choices={indicationChoices}
          id={fieldIdOf(`${at}.wlzIndication`)}
          error={errorOf(`${at}.wlzIndication`)}
          placeholder={choicePlaceholder}
          required={signal}
          onChange={(value) => setPartner(index, { indication: value as IndicationChoice })}
        />
        {/* Until the signaller chooses, neither follow-up question is asked. */}
        {partner.indication === '' ? null : partner.indication !== 'none' ? (
          <TextField
            type="date"
            label={tr('Indicatie geldig vanaf (als bekend)', 'Indication valid from (if known)')}
            value={partner.indicationFrom}
            onChange={(indicationFrom) => setPartner(index, { indicationFrom })}
          />
        ) : (
          <SelectField
            label={tr('Werk', 'Work')}
            description={tr(
              'Vrijwilligerswerk en dagbesteding tellen niet als werk.',
              'Volunteering and day activities do not count as work.',
            )}
            value={partner.workStatus}
            choices={workStatuses.map((w) => ({ value: w, label: t(workStatusNames[w]) }))}
            id={fieldIdOf(`${at}.workStatus`)}
            error={errorOf(`${at}.workStatus`)}
            placeholder={choicePlaceholder}
            required={signal}
            onChange={(value) => setPartner(index, { workStatus: value as WorkStatus })}
          />
        )}
      </Fieldset>
    );
  };

  return (
    <>
      {signal ? (
        <>
          <Heading1>{tr('Gezin signaleren', 'Signal a family')}</Heading1>
          <Paragraph lead>
            {tr(
              `Kent u een gezin dat misschien recht heeft op kinderopvangtoeslag, maar nog geen SMI heeft? Meld het hier namens ${organisationName(actor.organisation)}. De gemeente pakt het op. Persoonsgegevens worden versleuteld opgeslagen.`,
              `Do you know a family that may qualify for the childcare allowance but has no SMI yet? Signal it here on behalf of ${organisationName(actor.organisation)}. The municipality takes it up. Personal data is stored encrypted.`,
            )}
          </Paragraph>
        </>
      ) : (
        <>
          <Heading1>
            {tr(
              'Gezin doorverwijzen naar kinderopvangtoeslag',
              'Refer a family to the childcare allowance',
            )}
          </Heading1>
          <Paragraph lead>
            {tr(
              `U verwijst door namens ${organisationName(actor.organisation)}. Persoonsgegevens worden versleuteld opgeslagen.`,
              `You refer on behalf of ${organisationName(actor.organisation)}. Personal data is stored encrypted.`,
            )}
          </Paragraph>
        </>
      )}
      <div className="portal-referral">
        <form
          className="portal-form portal-referral__form"
          onSubmit={submit}
          noValidate
          aria-label={signal ? tr('Signaal', 'Signal') : tr('Doorverwijzing', 'Referral')}
        >
          {problemCount > 0 ? (
            <ErrorSummary
              heading={tr(
                `Nog ${problemCount} ${problemCount === 1 ? 'punt' : 'punten'} invullen of verbeteren:`,
                `${problemCount} ${problemCount === 1 ? 'item' : 'items'} still to fill in or correct:`,
              )}
              items={localItems}
              attempt={failedAttempts}
            />
          ) : (
            <ErrorSummary
              heading={
                signal
                  ? tr('Het signaal is niet verstuurd', 'The signal was not sent')
                  : tr('De doorverwijzing is niet verstuurd', 'The referral was not sent')
              }
              general={
                problem && problem.fields.length === 0 ? tFromServer(problem.reason) : undefined
              }
              items={serverItems}
              attempt={failedAttempts}
            />
          )}
          {signal && typedMunicipality ? (
            <TextField
              label={tr('Gemeentecode van het gezin', 'Municipality code of the family')}
              description={tr(
                'GM en 4 cijfers, bijvoorbeeld GM0344',
                'GM and 4 digits, e.g. GM0344',
              )}
              value={draft.municipality}
              onChange={(municipality) =>
                setDraft((d) => ({ ...d, municipality: municipality.trim().toUpperCase() }))
              }
              id={fieldIdOf('municipality')}
              error={errorOf('municipality')}
              required
              size={8}
            />
          ) : signal ? (
            <SelectField
              label={tr('Gemeente van het gezin', 'Municipality of the family')}
              value={draft.municipality}
              choices={municipalities.map((m) => ({ value: m.id, label: m.name }))}
              onChange={(municipality) => setDraft((d) => ({ ...d, municipality }))}
              id={fieldIdOf('municipality')}
              error={errorOf('municipality')}
              placeholder={choicePlaceholder}
              required
            />
          ) : null}
          <RadioGroupField
            name="composition"
            legend={tr('Samenstelling van het gezin', 'Household')}
            value={draft.composition}
            choices={[
              { value: 'partners', label: tr('Twee partners', 'Two partners') },
              { value: 'single-parent', label: tr('Alleenstaande ouder', 'Single parent') },
            ]}
            onChange={(value) =>
              setDraft((d) => ({ ...d, composition: value as ReferralDraft['composition'] }))
            }
          />
          {partnerFields(0)}
          {draft.composition === 'partners' ? partnerFields(1) : null}
          {draft.children.map((child, index) => {
            const at = `children[${index}]`;
            return (
              <Fieldset key={index}>
                <FieldsetLegend>{tr(`Kind ${index + 1}`, `Child ${index + 1}`)}</FieldsetLegend>
                <TextField
                  label={tr('Naam', 'Name')}
                  value={child.name}
                  onChange={(name) => setChild(index, { name })}
                  id={fieldIdOf(`${at}.name`)}
                  error={errorOf(`${at}.name`)}
                  required
                />
                <TextField
                  label="BSN"
                  value={child.bsn}
                  inputMode="numeric"
                  onChange={(bsn) => setChild(index, { bsn })}
                  id={fieldIdOf(`${at}.bsn`)}
                  error={errorOf(`${at}.bsn`)}
                  required
                  size={12}
                />
                <TextField
                  type="date"
                  label={tr('Geboortedatum', 'Date of birth')}
                  value={child.birthDate}
                  onChange={(birthDate) => setChild(index, { birthDate })}
                  id={fieldIdOf(`${at}.birthDate`)}
                  error={errorOf(`${at}.birthDate`)}
                  required
                />
                <CheckboxField
                  label={tr('Woont thuis', 'Lives at home')}
                  checked={child.livesAtHome}
                  onChange={(livesAtHome) => setChild(index, { livesAtHome })}
                />
                <CheckboxField
                  label={tr('Gaat naar betaalde kinderopvang', 'Attends paid childcare')}
                  checked={child.hasChildcare}
                  onChange={(hasChildcare) => setChild(index, { hasChildcare })}
                />
                {child.hasChildcare ? (
                  <>
                    <TextField
                      label={tr(
                        'LRK-nummer van de opvanglocatie',
                        'LRK number of the childcare location',
                      )}
                      description={tr(
                        'Te vinden in het Landelijk Register Kinderopvang.',
                        'Found in the national childcare register (LRK).',
                      )}
                      value={child.lrkNumber}
                      inputMode="numeric"
                      onChange={(lrkNumber) => setChild(index, { lrkNumber })}
                      id={fieldIdOf(`${at}.childcare.lrkNumber`)}
                      error={errorOf(`${at}.childcare.lrkNumber`)}
                      required
                    />
                    <SelectField
                      label={tr('Soort opvang', 'Type of care')}
                      value={child.careType}
                      choices={careTypes.map((c) => ({ value: c, label: t(careTypeNames[c]) }))}
                      id={fieldIdOf(`${at}.childcare.careType`)}
                      error={errorOf(`${at}.childcare.careType`)}
                      placeholder={choicePlaceholder}
                      required={signal}
                      onChange={(value) => setChild(index, { careType: value as CareType })}
                    />
                    <TextField
                      label={tr('Uren per maand', 'Hours per month')}
                      value={child.hoursPerMonth}
                      inputMode="numeric"
                      onChange={(hoursPerMonth) => setChild(index, { hoursPerMonth })}
                      id={fieldIdOf(`${at}.childcare.hoursPerMonth`)}
                      error={errorOf(`${at}.childcare.hoursPerMonth`)}
                      required
                      size={6}
                    />
                    <TextField
                      label={tr('Uurtarief in euro', 'Hourly rate in euros')}
                      value={child.hourlyRate}
                      inputMode="decimal"
                      onChange={(hourlyRate) => setChild(index, { hourlyRate })}
                      id={fieldIdOf(`${at}.childcare.hourlyRateCents`)}
                      error={errorOf(`${at}.childcare.hourlyRateCents`)}
                      required
                      size={8}
                    />
                  </>
                ) : null}
                {draft.children.length > 1 ? (
                  <Button
                    appearance="subtle-button"
                    type="button"
                    onClick={() =>
                      setDraft((d) => ({
                        ...d,
                        children: d.children.filter((_, i) => i !== index),
                      }))
                    }
                  >
                    {tr(`Kind ${index + 1} verwijderen`, `Remove child ${index + 1}`)}
                  </Button>
                ) : null}
              </Fieldset>
            );
          })}
          <ButtonGroup>
            <Button
              appearance="secondary-action-button"
              type="button"
              onClick={() =>
                setDraft((d) => ({
                  ...d,
                  children: [...d.children, emptyChild(signal ? '' : 'daycare')],
                }))
              }
            >
              {tr('Nog een kind toevoegen', 'Add another child')}
            </Button>
          </ButtonGroup>
          {signal ? null : (
            <Fieldset>
              <FieldsetLegend>
                {tr(
                  'SMI-periode (toegekend door de gemeente)',
                  'SMI period (granted by the municipality)',
                )}
              </FieldsetLegend>
              <TextField
                type="date"
                label={tr('Vanaf', 'From')}
                value={draft.smiFrom}
                onChange={(smiFrom) => setDraft((d) => ({ ...d, smiFrom }))}
                id={fieldIdOf('smiPeriod.from')}
                error={errorOf('smiPeriod.from')}
                required
              />
              <TextField
                type="date"
                label={tr('Tot en met', 'Until')}
                value={draft.smiTo}
                onChange={(smiTo) => setDraft((d) => ({ ...d, smiTo }))}
                id={fieldIdOf('smiPeriod.to')}
                error={errorOf('smiPeriod.to')}
                required
              />
            </Fieldset>
          )}
          <ButtonGroup>
            <Button
              type="submit"
              appearance="primary-action-button"
              busy={running}
              disabled={running}
            >
              {signal ? tr('Signaal versturen', 'Send the signal') : tr('Doorverwijzen', 'Refer')}
            </Button>
          </ButtonGroup>
        </form>
        <aside
          className="portal-referral__check"
          aria-label={tr('Voorlopige check', 'Preliminary check')}
        >
          <EligibilityResult eligibility={eligibility} headingLevel={2} live headingId="precheck" />
          <Paragraph className="portal-muted">
            {tr(
              'Voorlopige check op wat u nu heeft ingevuld. Dienst Toeslagen beslist; CIZ bevestigt de indicatie.',
              'Preliminary check on what you have filled in so far. Dienst Toeslagen decides; CIZ confirms the indication.',
            )}
          </Paragraph>
          {signal && draft.municipality ? (
            <SupportersNearby municipality={draft.municipality} headingId="supporters" />
          ) : null}
        </aside>
      </div>
    </>
  );
}
