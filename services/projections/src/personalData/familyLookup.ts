// Names and searches in the lists. Only a reader who may see the case's personal data sees the
// family's name or finds a case by it; every other reader finds a case by its number only. Every
// personal-data search leaves a row in personal_data_reads for each case it found, as an
// auditor's read of a case does, and an auditor's list that shows names leaves one per case shown.
import { caseNumberOf, type Actor } from '@kot/domain';
import type { EventStore, SqlClient } from '../eventStorePort';
import { recordPersonalDataRead } from './personalDataReads';
import {
  familyIdentitiesOf,
  familyIdentityOf,
  familyMatches,
  familySearchOf,
  type FamilyIdentity,
} from './familyNames';

export interface FamilyLookup {
  /** For listWorklist/listCases: does this case match the search (none: every case does)? */
  keep: ((caseId: string, level: 'summary' | 'personal') => Promise<boolean>) | undefined;
  /** The family names of the cases shown whose reader may see them, read in one go. */
  familyNamesOf(
    shown: ReadonlyArray<{ caseId: string; level: 'summary' | 'personal' }>,
  ): Promise<Map<string, string>>;
  /** Records the personal-data reads of the page shown (searches; names shown to an auditor). */
  recordReads(
    shown: ReadonlyArray<{ caseId: string; familyName: string | null }>,
    query: string,
  ): Promise<void>;
}

const caseNumberIn = (search: string) => search.replace(/[\s-]/g, '').toUpperCase();

export function familyLookup(
  deps: { store: EventStore; db: SqlClient; clock: () => Date; correlationId: string | null },
  actor: Actor,
  search: string | null,
): FamilyLookup {
  const identities = new Map<string, Promise<FamilyIdentity | null>>();
  const identity = (caseId: string) => {
    let found = identities.get(caseId);
    if (!found) {
      found = familyIdentityOf(deps.store, caseId);
      identities.set(caseId, found);
    }
    return found;
  };
  const text = search?.trim() ?? '';
  const family = text ? familySearchOf(text) : null;
  const number = caseNumberIn(text);
  /** Cases found through their personal data (not through their number): each read is recorded. */
  const foundByPersonalData = new Set<string>();

  return {
    keep: text
      ? async (caseId, level) => {
          if (number.length >= 4 && caseNumberOf(caseId).startsWith(number)) return true;
          if (level !== 'personal' || !family) return false;
          const people = await identity(caseId);
          if (!people || !familyMatches(people, family)) return false;
          foundByPersonalData.add(caseId);
          return true;
        }
      : undefined,
    async familyNamesOf(shown) {
      const personal = shown.filter(({ level }) => level === 'personal').map((row) => row.caseId);
      // Cases a search already read are known; the others are read together.
      const unknown = [...new Set(personal.filter((caseId) => !identities.has(caseId)))];
      if (unknown.length > 0) {
        const read = familyIdentitiesOf(deps.store, unknown);
        for (const caseId of unknown) {
          identities.set(
            caseId,
            read.then((found) => found.get(caseId) ?? null),
          );
        }
      }
      const names = new Map<string, string>();
      for (const caseId of personal) {
        const familyName = (await identity(caseId))?.familyName;
        if (familyName) names.set(caseId, familyName);
      }
      return names;
    },
    async recordReads(shown, query) {
      const readAt = deps.clock().toISOString();
      const recorded = new Set<string>();
      for (const { caseId, familyName } of shown) {
        if (recorded.has(caseId)) continue;
        recorded.add(caseId);
        const what = [
          ...(foundByPersonalData.has(caseId) ? ['search: name or BSN'] : []),
          ...(actor.role === 'auditor' && familyName ? ['household.partners.name'] : []),
        ];
        if (what.length === 0) continue;
        await recordPersonalDataRead(deps.db, {
          caseId,
          actor,
          what,
          query,
          correlationId: deps.correlationId,
          readAt,
        });
      }
    },
  };
}
