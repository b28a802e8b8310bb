import { assertComposeConfigures } from '@akimat/testing';
import { appealsEnvSchema } from './appeals-env.schema';

describe('docker-compose.yml', () => {
  it('sets every variable the appeals service requires, with values its schema accepts', () => {
    expect(() => assertComposeConfigures('appeals', appealsEnvSchema)).not.toThrow();
  });
});
