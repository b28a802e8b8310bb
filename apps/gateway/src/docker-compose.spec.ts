import { assertComposeConfigures, composeEnvironment } from '@akimat/testing';
import { gatewayEnvSchema } from './gateway.config';

describe('docker-compose.yml for the gateway', () => {
  it('sets what the gateway needs, with values its schema accepts', () => {
    expect(() => assertComposeConfigures('gateway', gatewayEnvSchema)).not.toThrow();
  });

  it('points each upstream at the compose service of that name, on the port that service listens on', () => {
    const gateway = composeEnvironment('gateway');
    for (const service of ['appeals', 'routing', 'notifications', 'stats']) {
      const url = new URL(gateway[`${service.toUpperCase()}_URL`]);
      expect([url.hostname, url.port]).toEqual([service, composeEnvironment(service)['HTTP_PORT']]);
    }
  });
});
