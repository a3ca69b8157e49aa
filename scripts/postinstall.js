// After `npm install`: the embedded database template (packages/eventstore, decision 10 of its
// README), so the first `npm start` does not wait for PostgreSQL's initdb. Never fails the
// install: without the TypeScript runner (an install without dev dependencies) it says so and the
// first fresh start makes the template instead.
const { spawnSync } = require('node:child_process');

try {
  require.resolve('@swc-node/register');
} catch {
  console.log('Embedded database template skipped: no @swc-node/register (dev dependencies).');
  process.exit(0);
}
spawnSync(
  process.execPath,
  ['-r', '@swc-node/register', 'packages/eventstore/scripts/preparePgliteTemplate.ts'],
  { stdio: 'inherit' },
);
