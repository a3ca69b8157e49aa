import type { Role } from '@kot/domain';
import { useLanguage } from '../i18n/language';
import { nameOf, roleNames } from '../i18n/vocabulary';
import { useDirectory } from '../session/organisationDirectory';

interface PartyNameProps {
  party: { organisation: string; role: Role | string; name?: string | null };
}

/** "Marieke Brandsma, Bewindvoerder, Bewindvoering Horizon" or, without a person, the role at the organisation. */
export function PartyName({ party }: PartyNameProps) {
  const { t } = useLanguage();
  const { organisationName } = useDirectory();
  const role = t(nameOf(roleNames, party.role));
  const organisation = organisationName(party.organisation);
  // An office offered as a whole carries the office's name; say it once.
  const person =
    party.name && party.name !== organisation && !organisation.startsWith(party.name)
      ? party.name
      : null;
  return <>{person ? `${person} (${role}, ${organisation})` : `${organisation} (${role})`}</>;
}
