// What the read side's queries cost in the platform's complexity estimate (the default budget per
// operation is 5000; a plain field costs 1, a page costs its selection once per item). The
// numbers follow the work behind a field: an aggregate over every case, a read and hash of a
// whole stream, a fold of the log with decryption. Aliasing any of them a few hundred times in
// one operation is refused before it runs.
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { mayAskForPersonalFields } from './personalSelection';

/** Counts over every case of a municipality (or all). */
export const REPORT_COST = 500;
/** Reads the whole stream and recomputes its hash chain. */
export const INTEGRITY_COST = 200;
/** Every event of a case from the history read model. */
export const HISTORY_COST = 50;
/** Reads the personal-data read log of a case. */
export const PERSONAL_DATA_READS_COST = 50;
/** Replays the whole log into new tables: one per operation. */
export const REBUILD_COST = 3000;
/** The read model's row of one case. */
const CASE_COST = 10;
/** Reading the stream and folding it (caseAsOf always does; case for personal fields). */
const FOLD_COST = 100;
/** Decrypting the personal fields, on top of the fold. */
const PERSONAL_COST = 200;

/** `case`: its row, or a fold of the log with decryption when personal fields are selected. */
export const caseCost: ComplexityEstimator = ({ node, childComplexity }) =>
  CASE_COST + childComplexity + (mayAskForPersonalFields(node) ? FOLD_COST + PERSONAL_COST : 0);

/** `caseAsOf`: always a fold of the log, decrypted when personal fields are selected. */
export const caseAsOfCost: ComplexityEstimator = ({ node, childComplexity }) =>
  FOLD_COST + childComplexity + (mayAskForPersonalFields(node) ? PERSONAL_COST : 0);
