/**
 * API tests boot the real Nest app against a real PostgreSQL (embedded, or TEST_DATABASE_URL).
 * ESM + decorators through @swc/jest; `.js` import suffixes are mapped back to the sources.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
  },
];

export default {
  testEnvironment: '<rootDir>/test/support/settled-environment.mjs',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  // Several files run at once (package.json: --maxWorkers=2): the longest start first.
  testSequencer: '<rootDir>/test/support/longest-first-sequencer.mjs',
  testTimeout: 30000,
};
