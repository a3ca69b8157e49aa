// The family's names and BSNs, for the lists and their search. They are read from the case's first
// event (ReferralOpened, the only event that holds them), decrypted, and never stored in a read
// model: an erased case (its key destroyed) reads back REDACTED and has no name here any more.
import { caseStreamId } from '@kot/domain';
import type { EventStore, RecordedEvent } from '../eventStorePort';

export interface FamilyIdentity {
  /** The partners' family names, e.g. "de Boer" or "Jansen / de Vries". */
  familyName: string;
  /** Every name in the household (partners and children), for the search. */
  names: string[];
  bsns: string[];
}

interface Person {
  name?: unknown;
  bsn?: unknown;
}

const readable = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && !/^\[(REDACTED|UNREADABLE)\]$/.test(value);

/** "Sem de Boer" → "de Boer": the name without its first (given) name. */
const familyNameIn = (name: string): string => {
  const parts = name.trim().split(/\s+/);
  return parts.length > 1 ? parts.slice(1).join(' ') : name.trim();
};

export async function familyIdentityOf(
  store: EventStore,
  caseId: string,
): Promise<FamilyIdentity | null> {
  const [first] = await store.readStream(caseStreamId(caseId), { from: 0, limit: 1 });
  return identityIn(first);
}

/** The families of many cases, from one read of their first events; absent: no name known. */
export async function familyIdentitiesOf(
  store: EventStore,
  caseIds: readonly string[],
): Promise<Map<string, FamilyIdentity>> {
  const identities = new Map<string, FamilyIdentity>();
  if (caseIds.length === 0) return identities;
  const byStream = new Map(caseIds.map((caseId) => [caseStreamId(caseId), caseId]));
  for (const first of await store.readStreamStarts([...byStream.keys()])) {
    const caseId = byStream.get(first.streamId);
    const identity = identityIn(first);
    if (caseId !== undefined && identity) identities.set(caseId, identity);
  }
  return identities;
}

function identityIn(first: RecordedEvent | undefined): FamilyIdentity | null {
  if (first?.type !== 'ReferralOpened') return null;
  const data = first.data as { household?: { partners?: Person[] }; children?: Person[] };
  const partners = data.household?.partners ?? [];
  const people = [...partners, ...(data.children ?? [])];
  const partnerNames = partners.map((partner) => partner.name).filter(readable);
  if (partnerNames.length === 0) return null;
  return {
    familyName: [...new Set(partnerNames.map(familyNameIn))].join(' / '),
    names: people.map((person) => person.name).filter(readable),
    bsns: people.map((person) => person.bsn).filter(readable),
  };
}

/** Letters only, lower case, without accents: "Çelik" and "celik" find the same family. */
const folded = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** What a search text asks for: a BSN (nine digits, spaces and dots allowed) or part of a name. */
export type FamilySearch = { kind: 'bsn'; bsn: string } | { kind: 'name'; words: string[] };

export function familySearchOf(search: string): FamilySearch | null {
  const digits = search.replace(/[\s.]/g, '');
  if (/^\d{9}$/.test(digits)) return { kind: 'bsn', bsn: digits };
  const words = folded(search).split(' ').filter(Boolean);
  return words.length > 0 ? { kind: 'name', words } : null;
}

/** Every word of the search appears in one of the household's names (or the BSN is one of theirs). */
export function familyMatches(identity: FamilyIdentity, search: FamilySearch): boolean {
  if (search.kind === 'bsn') return identity.bsns.includes(search.bsn);
  const names = identity.names.map(folded);
  return names.some((name) => search.words.every((word) => name.includes(word)));
}
