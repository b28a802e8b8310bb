import type { Config } from 'jest';
import { getJestProjectsAsync } from '@nx/jest';

export default async (): Promise<Config> => ({
  projects: [
    ...(await getJestProjectsAsync()),
    // Checks of files that belong to no Nx project: the Kubernetes manifests in deploy/.
    {
      displayName: 'deploy',
      preset: './jest.preset.js',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: ['<rootDir>/tests/deploy/**/*.spec.ts'],
      transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
    },
  ],
});
