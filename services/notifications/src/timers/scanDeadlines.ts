// The deadline timers. There are no timers to keep: for each open case the domain says which
// deadline notifications are due at a given moment, and their ids carry the deadline, so one found
// again inserts nothing and one missed while the service was down is found after a restart.
//
// The rules depend on the calendar date only, so a case is looked at once per day, and again as
// soon as one of its events arrives (the feed makes it due). A checked case is marked due
// tomorrow; a scan that stops at maxCases leaves the rest due, and the next scan starts with them.

import { addDays, dateInAmsterdam, notificationsForDeadlines } from '@kot/domain';
import type { SqlDatabase } from '@kot/eventstore';
import { loadDueCaseStates, markChecked, type DueCursor } from '../caseState/caseStateTable';
import { insertIntents } from '../outbox/insertIntents';

export interface DeadlineScanOptions {
  /** Cases per transaction. */
  batchSize?: number;
  /** Upper bound on the cases one scan looks at; the rest stay due and come first next time. */
  maxCases?: number;
}

export interface DeadlineScanResult {
  casesScanned: number;
  intents: number;
  /** False when the scan stopped at maxCases with cases still due. */
  complete: boolean;
}

export async function scanDeadlines(
  db: SqlDatabase,
  now: Date,
  options: DeadlineScanOptions = {},
): Promise<DeadlineScanResult> {
  const batchSize = options.batchSize ?? 500;
  const maxCases = options.maxCases ?? 1_000_000;
  const instant = now.toISOString();
  const today = dateInAmsterdam(instant);
  const tomorrow = addDays(today, 1);
  // Within one scan the cursor skips cases whose check did not stick (an event arrived meanwhile):
  // they stay due for the next scan instead of being looked at again and again in this one.
  let cursor: DueCursor = null;
  let casesScanned = 0;
  let intents = 0;
  while (casesScanned < maxCases) {
    const limit = Math.min(batchSize, maxCases - casesScanned);
    const page = await db.transaction(async (tx) => {
      const cases = await loadDueCaseStates(tx, today, cursor, limit);
      const due = cases.flatMap(({ state }) =>
        notificationsForDeadlines(state, instant).map((intent) => ({
          intent,
          eventType: null,
          traceparent: null,
        })),
      );
      const inserted = await insertIntents(tx, due, now);
      await markChecked(tx, cases, tomorrow);
      return { cases, inserted };
    });
    casesScanned += page.cases.length;
    intents += page.inserted;
    const last = page.cases[page.cases.length - 1];
    if (!last || page.cases.length < limit) return { casesScanned, intents, complete: true };
    cursor = { nextCheckOn: last.nextCheckOn, caseId: last.caseId };
  }
  return { casesScanned, intents, complete: false };
}
