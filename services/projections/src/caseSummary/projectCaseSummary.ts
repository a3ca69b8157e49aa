// One batch of events into the case-summary read models: load every touched case once, fold the
// batch's events onto it with the domain's `evolve`, then write all rows in a few statements.
import { evolve, initialState, storedState, type CaseState, type Instant } from '@kot/domain';
import type { RecordedEvent, SqlClient } from '../eventStorePort';
import { caseEventOf, caseIdOfStream } from '../caseEvents/caseEventOf';
import { withoutPersonalData } from '../personalData/withoutPersonalData';
import { toNumber } from '../sql/values';
import { caseRows, type LogPoint } from './caseRows';
import { caseSummaryStatements } from './caseSummaryTables';
import { keyDatesOf, mergeKeyDates, noKeyDates, type KeyDates } from './keyDates';
import { writeCaseRows } from './writeCaseRows';

interface Fold {
  state: CaseState;
  keyDates: KeyDates;
  revision: number;
  /** Set once an event of this batch was folded in. */
  at: LogPoint | null;
}

interface StoredFold {
  case_id: string;
  revision: unknown;
  state: CaseState;
}

export async function projectCaseSummary(
  tx: SqlClient,
  events: readonly RecordedEvent[],
  generation: number,
  now: Instant,
): Promise<void> {
  const caseEvents = events.filter((event) => caseIdOfStream(event.streamId) !== null);
  if (caseEvents.length === 0) return;
  const caseIds = [...new Set(caseEvents.map((event) => caseIdOfStream(event.streamId)!))];
  const stored = await tx.query<StoredFold>(caseSummaryStatements(generation).loadForFold, [
    caseIds,
  ]);
  const folds = new Map<string, Fold>(
    stored.map((row) => [
      row.case_id,
      {
        state: storedState(row.state),
        keyDates: keyDatesOf(row as unknown as Record<string, unknown>),
        revision: toNumber(row.revision),
        at: null,
      },
    ]),
  );
  for (const event of caseEvents) {
    const caseId = caseIdOfStream(event.streamId)!;
    const fold = folds.get(caseId) ?? {
      state: initialState(),
      keyDates: noKeyDates(),
      revision: -1,
      at: null,
    };
    folds.set(caseId, fold);
    // Already folded (the checkpoint makes this rare; it keeps a replayed batch harmless).
    if (event.revision <= fold.revision) continue;
    fold.state = evolve(fold.state, withoutPersonalData(caseEventOf(event)));
    fold.keyDates = mergeKeyDates(fold.keyDates, fold.state);
    fold.revision = event.revision;
    fold.at = {
      streamId: event.streamId,
      revision: event.revision,
      position: event.position,
      occurredAt: event.metadata.occurredAt,
      recordedAt: event.metadata.recordedAt,
    };
  }
  const rows = [...folds.values()]
    .filter((fold): fold is Fold & { at: LogPoint } => fold.at !== null)
    .map((fold) => caseRows(fold.state, fold.keyDates, fold.at, now));
  await writeCaseRows(tx, generation, rows);
}
