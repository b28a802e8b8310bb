import { assertComposeConfigures } from '@akimat/testing';
import { statsEnvSchema } from './stats-env.schema';

describe('docker-compose.yml', () => {
  it('sets every variable the stats service requires, with values its schema accepts', () => {
    expect(() => assertComposeConfigures('stats', statsEnvSchema)).not.toThrow();
  });
});
