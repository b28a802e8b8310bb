import { ScrapedGauge } from './gauge-sources';

// Read at scrape time: how much work is waiting, and how old the oldest of it is.

export const outboxBacklog = new ScrapedGauge('outbox_backlog_events', 'Outbox rows not yet published', ['service']);

export const outboxOldestAge = new ScrapedGauge(
  'outbox_oldest_unsent_age_seconds',
  'Age of the oldest unpublished outbox row (0 when none)',
  ['service'],
);

export const consumerLag = new ScrapedGauge(
  'kafka_consumer_lag',
  "Messages on a partition not yet committed by the service's consumer group",
  ['service', 'topic', 'partition'],
);

export const queueJobs = new ScrapedGauge('bullmq_queue_jobs', 'Jobs in a BullMQ queue, per state', [
  'service',
  'queue',
  'state',
]);
