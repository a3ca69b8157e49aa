// The rules that must hold for every family, proven over generated histories rather than the
// stories we wrote: random families, SMI periods and command sequences across month ends, leap
// days and holidays (testing/caseInvariants.ts says which rules). CASE_INVARIANT_RUNS and
// CASE_INVARIANT_SEED widen or reproduce a run; a counterexample shrinks to a short history, and
// each one found is kept in caseInvariantRegressions.unit.test.ts.
import fc from 'fast-check';
import { caseHistoryArbitrary } from '../testing/caseArbitraries';
import { runHistory } from '../testing/caseInvariants';

const runs = Number(process.env['CASE_INVARIANT_RUNS'] ?? 10_000);
const seed = Number(process.env['CASE_INVARIANT_SEED'] ?? 20261207);

describe('every family, whatever happens in whatever order', () => {
  it(`keeps one owner, no silent gap, the household told, no dead end and a replayable history (${runs} histories, seed ${seed})`, () => {
    const started = Date.now();
    fc.assert(
      fc.property(caseHistoryArbitrary, (plan) => runHistory(plan)),
      { numRuns: runs, seed, endOnFailure: false },
    );
    // The note of each CI run: how many histories, with which seed, in how long.
    process.stdout.write(
      `case invariants: ${runs} histories (seed ${seed}) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
  });
});
