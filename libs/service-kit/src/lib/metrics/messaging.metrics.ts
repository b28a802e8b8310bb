import { Counter } from 'prom-client';

// Module-level: prom-client's default registry (the one /metrics serves) takes each name once per
// process, and tests run several services in one process — hence the `service` label.

export const eventsProduced = new Counter({
  name: 'events_produced_total',
  help: 'Events published to Kafka by the outbox relay, per type',
  labelNames: ['service', 'type'] as const,
});

export const eventsConsumed = new Counter({
  name: 'events_consumed_total',
  help: 'Events consumed, per type and outcome (applied, duplicate)',
  labelNames: ['service', 'type', 'outcome'] as const,
});

export const deadLetters = new Counter({
  name: 'dead_letters_total',
  help: 'Messages sent to a dead-letter topic, per source topic and failure kind',
  labelNames: ['service', 'topic', 'failure'] as const,
});
