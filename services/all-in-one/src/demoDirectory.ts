// The demo organisations and people of the embedded mode: invented names and reserved
// example.org-style addresses, never real people. The same people appear in the domain's fixtures.
import { actors } from '@kot/domain/testing';
import { CIZ, TOESLAGEN, type Actor } from '@kot/domain';
import type { RecipientEntry } from '@kot/notifications';

export interface DemoOrganisation {
  id: string;
  name: string;
  kind: 'municipality' | 'ciz' | 'toeslagen' | 'supporter' | 'auditor';
  /** A supporter's coverage: the municipalities (CBS codes) whose families it can help. */
  serves?: string[];
}

export interface DemoUser {
  /** The key under which the welcome text prints the token. */
  key: string;
  actor: Actor;
  email: string;
  language: 'nl' | 'en';
}

export const demoOrganisations: DemoOrganisation[] = [
  { id: 'GM0344', name: 'Gemeente Utrecht (demo)', kind: 'municipality' },
  { id: 'GM0193', name: 'Gemeente Zwolle (demo)', kind: 'municipality' },
  { id: CIZ, name: 'CIZ (demo)', kind: 'ciz' },
  { id: TOESLAGEN, name: 'Dienst Toeslagen (demo)', kind: 'toeslagen' },
  {
    id: 'org-bewind-horizon',
    name: 'Bewindvoering Horizon (demo)',
    kind: 'supporter',
    serves: ['GM0344', 'GM0193'],
  },
  {
    id: 'org-mee-vallei',
    name: 'Cliëntondersteuning Vallei (demo)',
    kind: 'supporter',
    serves: ['GM0344'],
  },
  { id: 'org-audit', name: 'Auditteam Toezicht (demo)', kind: 'auditor' },
];

const user = (
  key: string,
  actor: Actor,
  email: string,
  language: 'nl' | 'en' = 'nl',
): DemoUser => ({
  key,
  actor,
  email,
  language,
});

export const demoUsers: DemoUser[] = [
  user('smi-officer-utrecht', actors.officer, 'fenna.dijkstra@utrecht.demo.example'),
  user(
    'smi-team-lead-utrecht',
    { id: 'u-lead-utrecht', role: 'smi-team-lead', organisation: 'GM0344', name: 'Henk Mulder' },
    'henk.mulder@utrecht.demo.example',
  ),
  user('smi-officer-zwolle', actors.otherOfficer, 'joris.wielinga@zwolle.demo.example'),
  user('bewindvoerder', actors.bewindvoerder, 'marieke.brandsma@horizon.demo.example'),
  user('client-supporter', actors.clientSupporter, 'ilse.veenstra@vallei.demo.example', 'en'),
  user('ciz-assessor', actors.ciz, 'bram.hoekstra@ciz.demo.example'),
  user('toeslagen-officer', actors.toeslagen, 'nadia.elidrissi@toeslagen.demo.example'),
  user(
    'toeslagen-team-lead',
    { id: 'u-dt-lead', role: 'toeslagen-team-lead', organisation: TOESLAGEN, name: 'Kees Bakker' },
    'kees.bakker@toeslagen.demo.example',
  ),
  user('auditor', actors.auditor, 'pieter.aalbers@audit.demo.example', 'en'),
  user('privacy-officer-utrecht', actors.privacyOfficer, 'ruud.kramer@utrecht.demo.example'),
];

/**
 * The notifications' recipient directory for the demo: each user by e-mail, and each role's team
 * mailbox ('*'), so messages to an organisation's role reach someone too.
 */
export function demoRecipients(): RecipientEntry[] {
  const people = demoUsers.map(({ actor, email, language }) => ({
    organisation: actor.organisation,
    role: actor.role,
    personId: actor.id,
    displayName: actor.name ?? actor.id,
    email,
    language,
    channels: ['email' as const],
  }));
  const teams = new Map<string, RecipientEntry>();
  for (const person of people) {
    const key = `${person.organisation}/${person.role}`;
    const domain = person.email.slice(person.email.indexOf('@'));
    if (!teams.has(key)) {
      teams.set(key, {
        ...person,
        personId: '*',
        displayName: key,
        email: `${person.role}${domain}`,
      });
    }
  }
  return [...people, ...teams.values()];
}
