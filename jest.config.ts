import type { Config } from 'jest';
import { getJestProjectsAsync } from '@nx/jest';

export default async (): Promise<Config> => ({
  projects: [
    ...(await getJestProjectsAsync()),
    // Checks of files that belong to no Nx project: the Kubernetes manifests in deploy/ and the
    // demo staff-token command in tools/staff-token.
    {
      displayName: 'workspace',
      preset: './jest.preset.js',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: ['<rootDir>/tests/deploy/**/*.spec.ts', '<rootDir>/tools/staff-token/**/*.spec.ts'],
      transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
    },
  ],
});
