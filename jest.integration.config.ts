import type { Config } from 'jest';

/** Integration tests: one service at a time, in this process, against real PostgreSQL, Kafka and Redis. */
const config: Config = {
  displayName: 'integration',
  preset: './jest.preset.js',
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/apps/**/*.integration.ts', '<rootDir>/tests/integration/**/*.integration.ts'],
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
  setupFiles: ['<rootDir>/libs/testing/src/lib/integration-env.setup.ts'],
  testTimeout: 90_000,
  maxWorkers: 1,
  // After the broker-outage test, a kafkajs consumer restart timer can outlive app.close() and keep
  // the worker alive once every test has passed (seen once in a clean-clone run). Results are already
  // written by then; a leaked handle must not hang CI. Finding the leak is an open follow-up.
  forceExit: true,
};

export default config;
