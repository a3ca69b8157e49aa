// Prints Jest's totals as one plain line ("N passed, N failed, N skipped") that CI tools read.
const { readFileSync } = require('node:fs');

const file = process.argv[2] ?? '.jest-results.json';
const results = JSON.parse(readFileSync(file, 'utf8'));
const skipped = results.numPendingTests + results.numTodoTests;
console.log(
  `${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped`,
);
process.exit(results.success ? 0 : 1);
