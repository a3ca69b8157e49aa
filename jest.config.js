// One Jest run over every workspace; @swc/jest transpiles TypeScript (with decorators) without
// type-checking; `npm run typecheck` checks the types.
const { existsSync } = require('node:fs');

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const workspaces = [
  'packages/domain',
  'packages/eventstore',
  'packages/platform',
  'packages/tracing',
  'services/referrals',
  'services/projections',
  'services/notifications',
  'test',
].filter((dir) => existsSync(`${__dirname}/${dir}/package.json`));

/** The workspaces with suites that need a container runtime (testcontainers). */
const containerSuites = ['packages/eventstore', 'services/notifications'];

/** @type {import('jest').Config} */
module.exports = {
  projects: workspaces.map((dir) => ({
    displayName: dir,
    rootDir: `${__dirname}/${dir}`,
    testEnvironment: 'node',
    transform: { '^.+\\.(t|j)sx?$': swc },
    testMatch: ['<rootDir>/**/*.test.ts'],
    testPathIgnorePatterns: ['/node_modules/', '/dist/', '/artifacts/'],
    // Detects once per run whether testcontainers finds a container runtime (KurrentDB, Kafka).
    ...(containerSuites.includes(dir) && {
      globalSetup: `${__dirname}/packages/eventstore/src/testing/jestGlobalSetup.ts`,
    }),
    // jose and uuid ship only as ES modules; Jest's CommonJS runtime needs them transpiled too.
    transformIgnorePatterns: ['/node_modules/(?!(jose|uuid)/)'],
  })),
  testTimeout: 30000,
};
