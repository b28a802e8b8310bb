import type { Config } from 'jest';

/** End-to-end: the four built services as separate processes, driven over HTTP, watched on Kafka. */
const config: Config = {
  displayName: 'e2e',
  preset: './jest.preset.js',
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
  setupFiles: ['<rootDir>/libs/testing/src/lib/e2e-env.setup.ts'],
  testTimeout: 120_000,
  maxWorkers: 1,
};

export default config;
