import { Counter } from 'prom-client';

// Module-level: prom-client's default registry (the one /metrics serves) takes each name once per
// process, and tests run two app instances in one process.
export const deliveryMetrics = {
  sent: new Counter({
    name: 'notifications_deliveries_sent_total',
    help: 'Deliveries sent, per channel',
    labelNames: ['channel'],
  }),
  failed: new Counter({
    name: 'notifications_deliveries_failed_total',
    help: 'Deliveries given up after the last attempt, per channel',
    labelNames: ['channel'],
  }),
  retrying: new Counter({
    name: 'notifications_deliveries_retrying_total',
    help: 'Failed attempts that will be retried, per channel',
    labelNames: ['channel'],
  }),
};
