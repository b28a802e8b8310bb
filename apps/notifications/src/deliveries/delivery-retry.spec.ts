import { notificationsEnvSchema } from '../app/notifications-env.schema';
import { deliveryRetryPolicy, retryWaits } from './delivery-retry';

const FIVE_MINUTES_MS = 5 * 60_000;

describe(deliveryRetryPolicy.name, () => {
  const defaults = {
    DELIVERY_ATTEMPTS: notificationsEnvSchema.shape.DELIVERY_ATTEMPTS.parse(undefined),
    DELIVERY_BACKOFF_MS: notificationsEnvSchema.shape.DELIVERY_BACKOFF_MS.parse(undefined),
  };

  it('keeps trying, with the default settings, for longer than a five-minute gateway outage', () => {
    const waits = retryWaits(deliveryRetryPolicy(defaults));
    // Try n+1 starts this long after the first failed one (the time the tries take only adds to it).
    const tryAt = waits.map((_, retry) => waits.slice(0, retry + 1).reduce((sum, wait) => sum + wait, 0));

    expect(waits).toEqual(waits.map((_, retry) => defaults.DELIVERY_BACKOFF_MS * 2 ** retry));
    expect(tryAt.at(-1)).toBeGreaterThanOrEqual(FIVE_MINUTES_MS);
  });

  it('scales with DELIVERY_BACKOFF_MS, so tests can run the same number of tries in seconds', () => {
    const waits = retryWaits(deliveryRetryPolicy({ ...defaults, DELIVERY_BACKOFF_MS: 100 }));
    expect(waits).toHaveLength(defaults.DELIVERY_ATTEMPTS - 1);
    expect(waits.reduce((sum, wait) => sum + wait, 0)).toBe(51_100);
  });

  it('does not retry when one try is configured', () => {
    expect(retryWaits(deliveryRetryPolicy({ DELIVERY_ATTEMPTS: 1, DELIVERY_BACKOFF_MS: 2_000 }))).toEqual([]);
  });
});
