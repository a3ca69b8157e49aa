// The SMI team lead's page for the municipality's SMI policy: what is in force (or that the
// default applies), who set it and when, and a form to change it. Retroactive SMI starts unchosen,
// since it decides what families get; the numbers start at the policy in force. The change is
// shown back to confirm before it is recorded, and the cases' next steps follow it at once.
import { useId, useState, type FormEvent } from 'react';
import {
  Button,
  ButtonGroup,
  Heading1,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react';
import { useClient, useQuery } from 'urql';
import { problemOf, type ApiProblem } from '../api/apiError';
import { ErrorSummary } from '../forms/ErrorSummary';
import { RecordOrBack } from '../forms/RecordOrBack';
import { RadioGroupField } from '../forms/RadioGroupField';
import { TextField } from '../forms/TextField';
import { formatInstant } from '../i18n/formats';
import { useLanguage } from '../i18n/language';
import { Loading } from '../layout/Loading';
import { ProblemAlert } from '../layout/ProblemAlert';
import { usePageTitle } from '../layout/usePageTitle';
import { useDirectory } from '../session/organisationDirectory';
import { useSignedIn } from '../session/session';

interface PolicyView {
  municipality: string;
  retroactive: boolean;
  maximumMonths: number;
  extensionLeadDays: number;
  recorded: boolean;
  setBy: { id: string; role: string } | null;
  setAt: string | null;
}

const policyQuery = `query MySmiPolicy {
  mySmiPolicy { municipality retroactive maximumMonths extensionLeadDays recorded setBy { id role } setAt }
}`;

const setPolicyMutation = `mutation SetSmiPolicy($input: SetSmiPolicyInput!) {
  setSmiPolicy(input: $input) { municipality retroactive maximumMonths extensionLeadDays }
}`;

interface Draft {
  retroactive: '' | 'yes' | 'no';
  maximumMonths: string;
  extensionLeadDays: string;
}

export function SmiPolicyPage() {
  const { tr, language } = useLanguage();
  const { actor } = useSignedIn();
  const { organisationName } = useDirectory();
  usePageTitle(tr('SMI-beleid', 'SMI policy'));
  const [result, reload] = useQuery<{ mySmiPolicy: PolicyView }>({ query: policyQuery });
  const policy = result.data?.mySmiPolicy;
  const [saved, setSaved] = useState(false);

  if (result.error) return <ProblemAlert problem={problemOf(result.error)} />;
  if (!policy) return <Loading />;
  const yesNo = (value: boolean) => (value ? tr('ja', 'yes') : tr('nee', 'no'));
  const setter = policy.setBy?.id ?? null;

  return (
    <>
      <Heading1>
        {tr('SMI-beleid', 'SMI policy')} {organisationName(policy.municipality)}
      </Heading1>
      {saved ? (
        <Paragraph role="status">
          {tr(
            'Het SMI-beleid is vastgelegd. De volgende stappen van de zaken volgen het nu.',
            "The SMI policy is recorded. The cases' next steps follow it now.",
          )}
        </Paragraph>
      ) : null}
      <Heading2>{tr('Beleid dat nu geldt', 'Policy in force')}</Heading2>
      {policy.recorded ? null : (
        <Paragraph>
          {tr(
            'Uw gemeente heeft nog geen beleid vastgelegd: het standaardbeleid geldt.',
            'Your municipality has recorded no policy yet: the default policy (standaardbeleid) applies.',
          )}
        </Paragraph>
      )}
      <dl className="portal-policy">
        <dt>{tr('Met terugwerkende kracht', 'Retroactive')}</dt>
        <dd>{yesNo(policy.retroactive)}</dd>
        <dt>{tr('Maximale duur', 'Maximum duration')}</dt>
        <dd>
          {policy.maximumMonths} {tr('maanden', 'months')}
        </dd>
        <dt>{tr('Verlenging aanvragen', 'Request an extension')}</dt>
        <dd>
          {tr(
            `${policy.extensionLeadDays} dagen voor het einde`,
            `${policy.extensionLeadDays} days before the end`,
          )}
        </dd>
        <dt>{tr('Vastgelegd', 'Recorded')}</dt>
        <dd>
          {setter && policy.setAt
            ? tr(
                `door ${setter} op ${formatInstant(policy.setAt, language)}`,
                `by ${setter} on ${formatInstant(policy.setAt, language)}`,
              )
            : tr('standaardbeleid', 'default policy (standaardbeleid)')}
        </dd>
      </dl>
      {actor.role === 'smi-team-lead' ? (
        <PolicyForm
          key={`${policy.setAt ?? 'default'}`}
          policy={policy}
          onSaved={() => {
            setSaved(true);
            reload({ requestPolicy: 'network-only' });
          }}
        />
      ) : null}
    </>
  );
}

function PolicyForm({ policy, onSaved }: { policy: PolicyView; onSaved(): void }) {
  const { tr, tFromServer } = useLanguage();
  const client = useClient();
  const id = useId();
  const [draft, setDraft] = useState<Draft>({
    retroactive: '',
    maximumMonths: String(policy.maximumMonths),
    extensionLeadDays: String(policy.extensionLeadDays),
  });
  const [missing, setMissing] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const ids = { maximumMonths: `${id}-months`, extensionLeadDays: `${id}-lead` };
  const wholeIn = (value: string, low: number, high: number) =>
    /^\d+$/.test(value) && Number(value) >= low && Number(value) <= high;
  const messages: Record<string, string> = {
    retroactive: tr('Kies ja of nee.', 'Choose yes or no.'),
    maximumMonths: tr('Vul een heel aantal maanden in, 1 tot 60.', 'Fill in 1 to 60 months.'),
    extensionLeadDays: tr('Vul een heel aantal dagen in, 0 tot 180.', 'Fill in 0 to 180 days.'),
  };
  const labels: Record<string, string> = {
    retroactive: tr('Met terugwerkende kracht', 'Retroactive'),
    maximumMonths: tr('Maximale duur', 'Maximum duration'),
    extensionLeadDays: tr('Verlenging aanvragen', 'Request an extension'),
  };
  const change = (field: keyof Draft) => (value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setConfirming(false);
    setProblem(null);
  };

  const check = (event: FormEvent) => {
    event.preventDefault();
    const wrong = [
      ...(draft.retroactive === '' ? ['retroactive'] : []),
      ...(wholeIn(draft.maximumMonths, 1, 60) ? [] : ['maximumMonths']),
      ...(wholeIn(draft.extensionLeadDays, 0, 180) ? [] : ['extensionLeadDays']),
    ];
    setMissing(wrong);
    if (wrong.length > 0) setAttempt((n) => n + 1);
    else setConfirming(true);
  };

  const record = async () => {
    setRunning(true);
    const answer = await client
      .mutation(setPolicyMutation, {
        input: {
          municipality: policy.municipality,
          retroactive: draft.retroactive === 'yes',
          maximumMonths: Number(draft.maximumMonths),
          extensionLeadDays: Number(draft.extensionLeadDays),
        },
      })
      .toPromise();
    setRunning(false);
    if (answer.error) {
      setProblem(problemOf(answer.error));
      setConfirming(false);
      return;
    }
    onSaved();
  };

  const retroactiveChoice = draft.retroactive === 'yes' ? tr('ja', 'yes') : tr('nee', 'no');
  return (
    <form
      className="portal-command-form"
      aria-labelledby={`${id}-heading`}
      onSubmit={check}
      noValidate
    >
      <Heading2 id={`${id}-heading`}>{tr('Beleid wijzigen', 'Change the policy')}</Heading2>
      <ErrorSummary
        heading={tr('Het beleid is niet vastgelegd', 'The policy was not recorded')}
        general={problem ? tFromServer(problem.reason) : undefined}
        items={missing.map((name) => ({
          fieldId: name === 'retroactive' ? `${id}-retroactive` : ids[name as keyof typeof ids],
          label: labels[name],
          message: messages[name] as string,
        }))}
        attempt={attempt + (problem ? 1 : 0)}
      />
      <div id={`${id}-retroactive`}>
        <RadioGroupField
          name={`${id}-retroactive-choice`}
          legend={tr('SMI met terugwerkende kracht toekennen?', 'Grant SMI retroactively?')}
          description={tr(
            'Met terugwerkende kracht: SMI ook voor dagen die al voorbij zijn.',
            'Retroactively: SMI also for days already past.',
          )}
          value={draft.retroactive}
          choices={[
            { value: 'yes', label: tr('Ja', 'Yes') },
            { value: 'no', label: tr('Nee', 'No') },
          ]}
          onChange={change('retroactive')}
        />
      </div>
      <TextField
        id={ids.maximumMonths}
        label={tr(
          'Maximale duur in maanden, verlengingen inbegrepen',
          'Maximum duration in months, extensions included',
        )}
        inputMode="numeric"
        value={draft.maximumMonths}
        onChange={change('maximumMonths')}
        error={missing.includes('maximumMonths') ? messages['maximumMonths'] : undefined}
        required
      />
      <TextField
        id={ids.extensionLeadDays}
        label={tr(
          'Verlenging aanvragen, dagen voor het einde',
          'Request an extension, days before the end',
        )}
        inputMode="numeric"
        value={draft.extensionLeadDays}
        onChange={change('extensionLeadDays')}
        error={missing.includes('extensionLeadDays') ? messages['extensionLeadDays'] : undefined}
        required
      />
      {confirming ? (
        <section className="portal-gap-panel" aria-labelledby={`${id}-confirm`}>
          <Heading2 id={`${id}-confirm`}>{tr('Klopt dit?', 'Is this right?')}</Heading2>
          <Paragraph>
            {tr(
              `Met terugwerkende kracht: ${retroactiveChoice}. Maximaal ${draft.maximumMonths} maanden. Verlenging ${draft.extensionLeadDays} dagen voor het einde aanvragen. Dit geldt direct voor alle zaken van uw gemeente.`,
              `Retroactive: ${retroactiveChoice}. At most ${draft.maximumMonths} months. Request an extension ${draft.extensionLeadDays} days before the end. This applies at once to all cases of your municipality.`,
            )}
          </Paragraph>
          <RecordOrBack
            label={tr('Beleid vastleggen', 'Record the policy')}
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
        </ButtonGroup>
      )}
    </form>
  );
}
