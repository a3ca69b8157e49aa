// The search box above a list: by name or BSN for readers who may see who the family is, by case
// number for everyone. The text is sent when the user asks (Enter or the button), not per key:
// every search on personal data is recorded, and a half-typed name is no search.
import { useState, type FormEvent } from 'react';
import { Button } from '@utrecht/component-library-react';
import { isSupporterRole, type Role } from '@kot/domain';
import { TextField } from '../forms/TextField';
import { useLanguage } from '../i18n/language';

/** Roles that may see the family's personal data on (some of) the cases they see. */
const seesPersonalData = (role: Role): boolean => role !== 'privacy-officer';

export function ListSearch({
  role,
  search,
  onSearch,
}: {
  role: Role;
  search: string;
  onSearch(search: string): void;
}) {
  const { tr } = useLanguage();
  const [typed, setTyped] = useState(search);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(typed.trim());
  };
  const byName = seesPersonalData(role);
  return (
    <form role="search" className="portal-list-search" onSubmit={submit}>
      <TextField
        id="list-search"
        label={
          byName
            ? tr('Zoek op naam, BSN of zaaknummer', 'Search by name, BSN or case number')
            : tr('Zoek op zaaknummer', 'Search by case number')
        }
        description={
          byName
            ? isSupporterRole(role)
              ? tr(
                  'U vindt alleen gezinnen van zaken die uw organisatie heeft opgepakt. Elke zoekopdracht op naam of BSN wordt vastgelegd.',
                  'You only find families of cases your organisation has taken on. Every search by name or BSN is recorded.',
                )
              : tr(
                  'Elke zoekopdracht op naam of BSN wordt vastgelegd.',
                  'Every search by name or BSN is recorded.',
                )
            : undefined
        }
        value={typed}
        onChange={setTyped}
        name="search"
      />
      <div className="portal-list-search__buttons">
        <Button type="submit" appearance="secondary-action-button">
          {tr('Zoeken', 'Search')}
        </Button>
        {search ? (
          <Button
            type="button"
            appearance="subtle-button"
            onClick={() => {
              setTyped('');
              onSearch('');
            }}
          >
            {tr('Alles tonen', 'Show all')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
