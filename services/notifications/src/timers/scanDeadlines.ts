// The deadline timers. There are no timers to keep: at each scan the domain says, for every open
// case and the given moment, which deadline notifications are due. Their ids carry the deadline,
// so a deadline missed while the service was down is found at the next scan after a restart, and
// one found again at the next scan inserts nothing.

import { notificationsForDeadlines } from '@kot/domain';
import type { SqlDatabase } from '@kot/eventstore';
import { loadOpenCaseStates } from '../caseState/caseStateTable';
import { insertIntents } from '../outbox/insertIntents';

export interface DeadlineScanOptions {
  /** Cases per transaction. */
  batchSize?: number;
  /** Upper bound on the cases one scan looks at; the rest wait for the next scan. */
  maxCases?: number;
}

export interface DeadlineScanResult {
  casesScanned: number;
  intents: number;
}

export async function scanDeadlines(
  db: SqlDatabase,
  now: Date,
  options: DeadlineScanOptions = {},
): Promise<DeadlineScanResult> {
  const batchSize = options.batchSize ?? 500;
  const maxCases = options.maxCases ?? 1_000_000;
  const instant = now.toISOString();
  let after = '';
  let casesScanned = 0;
  let intents = 0;
  while (casesScanned < maxCases) {
    const limit = Math.min(batchSize, maxCases - casesScanned);
    const page = await db.transaction(async (tx) => {
      const cases = await loadOpenCaseStates(tx, after, limit);
      const due = cases.flatMap(({ state }) =>
        notificationsForDeadlines(state, instant).map((intent) => ({ intent, eventType: null })),
      );
      const inserted = await insertIntents(tx, due, now);
      return { cases, inserted };
    });
    casesScanned += page.cases.length;
    intents += page.inserted;
    const last = page.cases[page.cases.length - 1];
    if (!last || page.cases.length < limit) break;
    after = last.caseId;
  }
  return { casesScanned, intents };
}
