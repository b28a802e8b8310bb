import { z } from 'zod';
import { assertComposeConfigures } from './compose-environment';

describe(assertComposeConfigures.name, () => {
  it('names a required variable that compose does not set', () => {
    const schema = z.object({ HTTP_PORT: z.coerce.number(), NOT_IN_COMPOSE: z.string() });
    expect(() => assertComposeConfigures('stats', schema)).toThrow(
      'docker-compose.yml does not set NOT_IN_COMPOSE for stats',
    );
  });

  it('refuses a value compose sets that the schema rejects', () => {
    expect(() => assertComposeConfigures('stats', z.object({ HTTP_PORT: z.literal('1') }))).toThrow();
  });
});
