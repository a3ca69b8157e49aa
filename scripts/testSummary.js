// Prints Jest's totals as one plain line ("N passed, N failed, N skipped") that CI tools read.
// The results file is removed before each run, so a Jest that died before writing it fails here.
const { existsSync, readFileSync } = require('node:fs');

const file = process.argv[2] ?? '.jest-results.json';
if (!existsSync(file)) {
  console.error(`No test results in ${file}: Jest stopped before it could write them.`);
  process.exit(1);
}
const results = JSON.parse(readFileSync(file, 'utf8'));
const skipped = results.numPendingTests + results.numTodoTests;
console.log(
  `${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped`,
);
process.exit(results.success ? 0 : 1);
