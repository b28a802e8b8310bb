import { assertComposeConfigures } from '@akimat/testing';
import { routingEnvSchema } from './routing-env.schema';

describe('docker-compose.yml', () => {
  it('sets every variable the routing service requires, with values its schema accepts', () => {
    expect(() => assertComposeConfigures('routing', routingEnvSchema)).not.toThrow();
  });
});
