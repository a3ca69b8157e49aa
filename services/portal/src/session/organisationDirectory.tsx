// Names for organisation ids (GM0344 → Gemeente Utrecht) and the supporter organisations an
// officer can offer a case to. In the embedded demo they come from the demo directory; elsewhere
// the page shows the ids, which is what the tokens carry.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { CIZ, TOESLAGEN, isSupporterRole, type Role } from '@kot/domain';
import { fetchDemoUsers, type DemoUserEntry } from './demoDirectory';

export interface SupporterOffice {
  organisation: string;
  name: string;
  role: Role;
}

interface Directory {
  users: DemoUserEntry[] | null;
  organisationName(id: string): string;
  supporterOffices: SupporterOffice[];
}

const fixedNames: Record<string, string> = { [CIZ]: 'CIZ', [TOESLAGEN]: 'Dienst Toeslagen' };

function directoryOf(users: DemoUserEntry[] | null): Directory {
  const names = new Map<string, string>(Object.entries(fixedNames));
  for (const user of users ?? []) names.set(user.organisation, user.organisationName);
  const offices = new Map<string, SupporterOffice>();
  for (const user of users ?? []) {
    if (!isSupporterRole(user.role)) continue;
    offices.set(`${user.organisation}/${user.role}`, {
      organisation: user.organisation,
      name: user.organisationName,
      role: user.role,
    });
  }
  return {
    users,
    organisationName: (id) => names.get(id) ?? (/^GM\d{4}$/.test(id) ? `Gemeente ${id}` : id),
    supporterOffices: [...offices.values()],
  };
}

const DirectoryContext = createContext<Directory>(directoryOf(null));

export function DirectoryProvider({ children }: { children: ReactNode }) {
  const [directory, setDirectory] = useState<Directory>(() => directoryOf(null));
  useEffect(() => {
    let current = true;
    void fetchDemoUsers().then((users) => {
      if (current) setDirectory(directoryOf(users));
    });
    return () => {
      current = false;
    };
  }, []);
  return <DirectoryContext.Provider value={directory}>{children}</DirectoryContext.Provider>;
}

export const useDirectory = (): Directory => useContext(DirectoryContext);
