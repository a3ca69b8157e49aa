// Who is at turn on a case, in one line every page words the same: "Aan zet: Bewindvoering Horizon
// (kinderopvangtoeslag aanvragen), uiterlijk 12 december 2026 · bewaakt door Eva Jansen
// (SMI-consulent)". The owner is the organisation that must act (the domain's nextStep); the one
// who watches is the referring officer, who answers for the family's funding whoever acts, or
// the team lead the step escalates to when the officer is the owner.
import type { Role, Text } from '@kot/domain';
import type { NextStepView, PartyView } from '../api/caseView';
import type { Language } from '../i18n/languageCode';
import { formatDate } from '../i18n/formats';
import { nameOf, roleNames, stepActionNames } from '../i18n/vocabulary';

export interface OwnerLineWords {
  language: Language;
  organisationName(id: string): string;
}

export type OwnerLineParty = Pick<PartyView, 'organisation' | 'role' | 'name'>;
type Party = OwnerLineParty;

const samePerson = (a: Party, b: Party) =>
  a.organisation === b.organisation && a.role === b.role && (a.name ?? null) === (b.name ?? null);

/** A person by name and role; without a name, the role at the organisation. */
function watcherWords(party: Party, words: OwnerLineWords): string {
  const role = nameOf(roleNames, party.role as Role)[words.language];
  return party.name
    ? `${party.name} (${role})`
    : `${role}, ${words.organisationName(party.organisation)}`;
}

/** The organisation that must act; its desk role where the organisation has several. */
function ownerWords(party: Party, words: OwnerLineWords): string {
  const organisation = words.organisationName(party.organisation);
  return party.name && party.name !== organisation && !organisation.startsWith(party.name)
    ? `${organisation}, ${party.name}`
    : organisation;
}

const lowerFirst = (sentence: string) =>
  // Names and abbreviations keep their capitals (SMI, Wlz-indicatie, CIZ).
  /^[A-Z][a-z]/.test(sentence) && !/^(Wlz|CIZ|SMI)/.test(sentence)
    ? sentence.charAt(0).toLowerCase() + sentence.slice(1)
    : sentence;

export interface OwnerLineParts {
  owner: string;
  action: string;
  due: string;
  watcher: string | null;
}

/** The parts of the line, each in words; `null` watcher when nobody else watches. */
export function ownerLineParts(
  step: NextStepView,
  referringOfficer: Party | null,
  words: OwnerLineWords,
): OwnerLineParts {
  const action: Text = nameOf(stepActionNames, step.action);
  const watcher =
    referringOfficer && !samePerson(referringOfficer, step.responsible)
      ? referringOfficer
      : step.escalateTo;
  return {
    owner: ownerWords(step.responsible, words),
    action: lowerFirst(action[words.language]),
    due: formatDate(step.due, words.language),
    watcher: samePerson(watcher, step.responsible) ? null : watcherWords(watcher, words),
  };
}

/** The line as one sentence, for lists, titles and print; `also` for a second step beside the first. */
export function ownerLineText(
  step: NextStepView,
  referringOfficer: Party | null,
  words: OwnerLineWords,
  also = false,
): string {
  const parts = ownerLineParts(step, referringOfficer, words);
  const nl = words.language === 'nl';
  const watched = parts.watcher ? ` · ${nl ? 'bewaakt door' : 'watched by'} ${parts.watcher}` : '';
  const lead = also ? (nl ? 'Ook aan zet' : 'Also with') : nl ? 'Aan zet' : 'Now with';
  return `${lead}: ${parts.owner} (${parts.action}), ${nl ? 'uiterlijk' : 'due'} ${parts.due}${watched}`;
}

/** One line per step at turn (the case's `atTurn`), the first "Aan zet", the others "Ook aan zet". */
export function ownerLinesText(
  steps: readonly NextStepView[],
  referringOfficer: Party | null,
  words: OwnerLineWords,
): string[] {
  return steps.map((step, index) => ownerLineText(step, referringOfficer, words, index > 0));
}
