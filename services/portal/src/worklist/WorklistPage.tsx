// Every role's start page: the steps that are mine, the ones of my organisation, and cases
// offered to us. The read side sorts them most urgent first (overdue first, then by due date).
import { useState } from 'react';
import { Heading1, Paragraph } from '@utrecht/component-library-react';
import type { WorklistSort } from '../api/worklistView';
import { SelectField } from '../forms/SelectField';
import { sortNames } from '../i18n/listVocabulary';
import { ListSearch } from '../layout/ListSearch';
import { CIZ, TOESLAGEN, isSupporterRole } from '@kot/domain';
import { useLanguage } from '../i18n/language';
import { roleNames } from '../i18n/vocabulary';
import { usePageTitle } from '../layout/usePageTitle';
import { useDirectory } from '../session/organisationDirectory';
import { useSignedIn } from '../session/session';
import { WorklistSection } from './WorklistSection';

export function WorklistPage() {
  const { t, tr } = useLanguage();
  const { actor } = useSignedIn();
  const { organisationName } = useDirectory();
  usePageTitle(tr('Werklijst', 'Worklist'));
  const organisation = organisationName(actor.organisation);
  // The desks work from a shared queue: their steps are addressed to the desk, not to a person.
  const isDesk = actor.organisation === CIZ || actor.organisation === TOESLAGEN;
  const [sort, setSort] = useState<WorklistSort>('URGENCY');
  const [search, setSearch] = useState('');
  const found = (empty: string) =>
    search ? tr(`Niets gevonden voor “${search}”.`, `Nothing found for “${search}”.`) : empty;

  if (actor.role === 'auditor') {
    return (
      <>
        <Heading1>{tr('Werklijst', 'Worklist')}</Heading1>
        <Paragraph>
          {tr(
            'Auditors hebben geen stappen in het proces. Kies een zaak onder "Zaken" om de geschiedenis, de tijdreis en de integriteitscontrole te zien, of bekijk de rapportage.',
            'Auditors have no steps in the process. Choose a case under "Cases" to see its history, the time slider and the integrity check, or see the report.',
          )}
        </Paragraph>
      </>
    );
  }
  return (
    <>
      <Heading1>{tr('Werklijst', 'Worklist')}</Heading1>
      <Paragraph lead>
        {tr(
          `Wat u en uw collega's nu moeten doen. Uw rol: ${t(roleNames[actor.role])}, ${organisation}.`,
          `What you and your colleagues must do now. Your role: ${t(roleNames[actor.role])}, ${organisation}.`,
        )}
      </Paragraph>
      <div className="portal-list-tools">
        <ListSearch role={actor.role} search={search} onSearch={setSearch} />
        <SelectField
          id="worklist-sort"
          label={tr('Volgorde', 'Order')}
          value={sort}
          onChange={(value) => setSort(value as WorklistSort)}
          choices={(['URGENCY', 'DUE', 'AGE'] as const).map((value) => ({
            value,
            label: t(sortNames[value]),
          }))}
        />
      </div>
      <WorklistSection
        scope="MINE"
        headingId="mine"
        heading={tr('Mijn volgende stappen', 'My next steps')}
        empty={found(tr('U heeft nu geen stappen openstaan.', 'You have no open steps right now.'))}
        audiences={['RESPONSIBLE', 'ESCALATION', 'CONTINUING']}
        sort={sort}
        search={search}
      />
      {isSupporterRole(actor.role) ? (
        <WorklistSection
          scope="ORGANISATION"
          headingId="offered"
          heading={tr('Aan ons aangeboden zaken', 'Cases offered to us')}
          empty={found(tr('Er zijn geen zaken aan u aangeboden.', 'No cases are offered to you.'))}
          audiences={['OFFERED']}
          sort={sort}
          search={search}
        />
      ) : null}
      <WorklistSection
        scope="COLLEAGUES"
        headingId="organisation"
        heading={
          isDesk
            ? tr(`Wachtrij van ${organisation}`, `Queue of ${organisation}`)
            : tr(
                `Stappen van collega's bij ${organisation}`,
                `Steps of colleagues at ${organisation}`,
              )
        }
        empty={found(
          tr(
            'Geen andere openstaande stappen in uw organisatie.',
            'No other open steps in your organisation.',
          ),
        )}
        audiences={['RESPONSIBLE', 'ESCALATION', 'CONTINUING']}
        sort={sort}
        search={search}
      />
    </>
  );
}
