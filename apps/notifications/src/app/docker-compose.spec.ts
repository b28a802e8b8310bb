import { assertComposeConfigures } from '@akimat/testing';
import { notificationsEnvSchema } from './notifications-env.schema';

describe('docker-compose.yml', () => {
  it('sets every variable the notifications service requires, with values its schema accepts', () => {
    expect(() => assertComposeConfigures('notifications', notificationsEnvSchema)).not.toThrow();
  });
});
