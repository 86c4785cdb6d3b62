/**
 * One run covers every database that is configured:
 * unit tests once, integration tests on SQLite always, on PostgreSQL when
 * TEST_POSTGRES_URI is set and on MongoDB when TEST_MONGODB_URI is set; browser tests
 * (Playwright driving Debian's /usr/bin/chromium against the production server) once.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'es6' },
  },
]

const base = {
  testEnvironment: 'node',
  testTimeout: 120_000,
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.(t|j)sx?$|^.+\\.mjs$': swc },
  transformIgnorePatterns: ['/node_modules/'],
  // tsconfig's paths: the app and its tests run the plugin's TypeScript source (the bare-host test
  // installs its packed dist instead).
  moduleNameMapper: {
    '^@payload-config$': '<rootDir>/payload.config.ts',
    '^@/(.*)$': '<rootDir>/src/$1',
    '^@wirehouse/payload-plugin-attribution$': '<rootDir>/plugins/attribution/src/index.ts',
    '^@wirehouse/payload-plugin-attribution/(client|rsc)$': '<rootDir>/plugins/attribution/src/exports/$1.ts',
    '\\.(css|scss)$': '<rootDir>/test/helpers/styleStub.js',
  },
  // Lexical's `.node.mjs` entry points use top-level await; resolve the plain builds instead.
  testEnvironmentOptions: { customExportConditions: ['node', 'node-addons', 'production'] },
}

const databases = [
  ['sqlite', true],
  ['postgres', Boolean(process.env.TEST_POSTGRES_URI)],
  ['mongodb', Boolean(process.env.TEST_MONGODB_URI)],
]

export default {
  testTimeout: 120_000,
  // Payload's logger and the SQLite client keep handles open after the suites finish.
  forceExit: true,
  maxWorkers: process.env.CI ? 2 : '50%',
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { ...base, displayName: 'plugin', testMatch: ['<rootDir>/plugins/*/test/**/*.test.ts'] },
    ...databases
      .filter(([, enabled]) => enabled)
      .map(([db]) => ({
        ...base,
        displayName: `int:${db}`,
        testMatch: ['<rootDir>/test/int/**/*.test.ts'],
        globals: { TEST_DATABASE: db },
        // Several server processes on one SQLite file is not a deployment we support.
        ...(db === 'sqlite' && { testPathIgnorePatterns: ['/node_modules/', '/test/int/scale-out\\.test\\.ts$'] }),
      })),
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
  ],
}
