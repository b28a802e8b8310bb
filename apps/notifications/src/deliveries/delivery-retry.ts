import { Backoffs, JobsOptions, MinimalJob } from 'bullmq';
import { NotificationsConfig } from './delivery-settings';

export type RetryPolicy = Required<Pick<JobsOptions, 'attempts' | 'backoff'>>;

/** Both channels' retry policy: `DELIVERY_ATTEMPTS` tries, waits doubling from `DELIVERY_BACKOFF_MS`. */
export function deliveryRetryPolicy(
  config: Pick<NotificationsConfig, 'DELIVERY_ATTEMPTS' | 'DELIVERY_BACKOFF_MS'>,
): RetryPolicy {
  return { attempts: config.DELIVERY_ATTEMPTS, backoff: { type: 'exponential', delay: config.DELIVERY_BACKOFF_MS } };
}

/**
 * The wait before each retry as BullMQ itself computes it (retry n waits delay × 2^(n−1)). Their
 * sum is how long a server may stay down before a delivery is marked failed.
 */
export function retryWaits(policy: RetryPolicy): number[] {
  const backoff = Backoffs.normalize(policy.backoff);
  const waits: number[] = [];
  for (let attemptsMade = 1; attemptsMade < policy.attempts; attemptsMade++) {
    const wait = Backoffs.calculate(
      backoff ?? { type: 'fixed', delay: 0 },
      attemptsMade,
      new Error('retry'),
      {} as MinimalJob,
    );
    if (typeof wait !== 'number') throw new Error('delivery backoff must be a built-in strategy');
    waits.push(wait);
  }
  return waits;
}
