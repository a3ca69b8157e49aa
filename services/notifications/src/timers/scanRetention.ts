// The retention rule's timer: closed or withdrawn cases whose retention period has passed get their
// personal data erased. This service only finds them (in its own copy of the case states, which
// holds no personal data); the erasure is a command on the write side, passed in as `erase`.
//
// Nothing to keep between scans: an erased case leaves the candidates once its PersonalDataErased
// event reaches this service, and one erased twice meanwhile is refused by the domain, harmlessly.

import { addDays, casesDueForErasure, dateInAmsterdam } from '@kot/domain';
import type { SqlClient } from '@kot/eventstore';
import { loadEndedCaseStates } from '../caseState/caseStateTable';

export interface RetentionSettings {
  /** Days after a case ended until its personal data is erased (PERSONAL_DATA_RETENTION_DAYS). */
  days: number;
  /** Sends ErasePersonalData for the case as the platform; resolves when it was recorded. */
  erase(caseId: string): Promise<void>;
  /** Upper bound on the cases one scan erases; the rest are found next time. */
  maxCases?: number;
}

export interface RetentionScanResult {
  erased: string[];
  /** Cases whose erasure failed this time (refused or an error); they are tried again next scan. */
  failed: string[];
}

export async function scanRetention(
  db: SqlClient,
  now: Date,
  settings: RetentionSettings,
): Promise<RetentionScanResult> {
  const today = dateInAmsterdam(now.toISOString());
  const candidates = await loadEndedCaseStates(
    db,
    addDays(today, -settings.days),
    settings.maxCases ?? 1_000,
  );
  const due = casesDueForErasure(candidates, today, settings.days);
  const result: RetentionScanResult = { erased: [], failed: [] };
  // One after another: erasures are rare, and each destroys a key the store must forget first.
  for (const caseId of due) {
    try {
      await settings.erase(caseId);
      result.erased.push(caseId);
    } catch {
      result.failed.push(caseId);
    }
  }
  return result;
}
