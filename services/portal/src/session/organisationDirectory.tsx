// Names for organisation ids (GM0344 → Gemeente Utrecht) and the supporter organisations an
// officer can offer a case to. In the embedded demo they come from the demo directory. Elsewhere
// the platform has no list of organisations: the page then names each by its kind and code
// ("Gemeente GM0344", "Organisatie org-bewind-noord"), never as a bare id.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { CIZ, TOESLAGEN, isSupporterRole, type Role } from '@kot/domain';
import { useLanguage, type Language } from '../i18n/language';
import { fetchDemoUsers, type DemoUserEntry } from './demoDirectory';

export interface SupporterOffice {
  organisation: string;
  name: string;
  role: Role;
  /** The municipalities (CBS codes) whose families the organisation helps. */
  serves: string[];
}

export interface Municipality {
  id: string;
  name: string;
}

interface Directory {
  /** false until the demo directory answered (or turned out not to exist). */
  loaded: boolean;
  /** The demo users; null when the platform has no demo directory. */
  users: DemoUserEntry[] | null;
  organisationName(id: string): string;
  supporterOffices: SupporterOffice[];
  /** The municipalities the directory knows, by name. */
  municipalities: Municipality[];
  /** Signposting: the supporter offices that help families in this municipality. */
  supportersIn(municipality: string): SupporterOffice[];
}

const fixedNames: Record<string, string> = { [CIZ]: 'CIZ', [TOESLAGEN]: 'Dienst Toeslagen' };

/** How an organisation without a known name is called: its kind where the code says it. */
function codeName(id: string, language: Language): string {
  const nl = language === 'nl';
  if (/^GM\d{4}$/.test(id)) return nl ? `Gemeente ${id}` : `Municipality ${id}`;
  if (id.startsWith('household:')) return nl ? 'Het gezin' : 'The household';
  return nl ? `Organisatie ${id}` : `Organisation ${id}`;
}

function directoryOf(
  users: DemoUserEntry[] | null,
  loaded: boolean,
  language: Language,
): Directory {
  const names = new Map<string, string>(Object.entries(fixedNames));
  for (const user of users ?? []) names.set(user.organisation, user.organisationName);
  const offices = new Map<string, SupporterOffice>();
  for (const user of users ?? []) {
    if (!isSupporterRole(user.role)) continue;
    offices.set(`${user.organisation}/${user.role}`, {
      organisation: user.organisation,
      name: user.organisationName,
      role: user.role,
      serves: user.serves ?? [],
    });
  }
  const municipalities = [...names]
    .filter(([id]) => /^GM\d{4}$/.test(id))
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return {
    loaded,
    users,
    organisationName: (id) => names.get(id) ?? codeName(id, language),
    supporterOffices: [...offices.values()],
    municipalities,
    supportersIn: (municipality) =>
      [...offices.values()].filter((office) => office.serves.includes(municipality)),
  };
}

const DirectoryContext = createContext<Directory>(directoryOf(null, false, 'nl'));

export function DirectoryProvider({ children }: { children: ReactNode }) {
  const { language } = useLanguage();
  const [answer, setAnswer] = useState<{ users: DemoUserEntry[] | null } | null>(null);
  useEffect(() => {
    let current = true;
    void fetchDemoUsers().then((users) => {
      if (current) setAnswer({ users });
    });
    return () => {
      current = false;
    };
  }, []);
  const directory = useMemo(
    () => directoryOf(answer?.users ?? null, answer !== null, language),
    [answer, language],
  );
  return <DirectoryContext.Provider value={directory}>{children}</DirectoryContext.Provider>;
}

export const useDirectory = (): Directory => useContext(DirectoryContext);
