/**
 * Topic names, one per producing service. Versioned so an incompatible change of the
 * topic's contents can run beside the old one during a migration.
 */
export const TOPICS = {
  /** appeal.* events produced by the appeals service. */
  appealEvents: 'akimat.appeals.events.v1',
  /** appeal.routed, appeal.reassigned, appeal.deadline.*, directory.* produced by routing. */
  routingEvents: 'akimat.routing.events.v1',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

export const DEAD_LETTER_SUFFIX = '.dlt';

/**
 * The topic as it exists on the broker: tests and parallel environments isolate
 * themselves with a prefix (KAFKA_TOPIC_PREFIX), e.g. `e2e-1732.akimat.appeals.events.v1`.
 */
export function physicalTopic(topic: TopicName, prefix = process.env['KAFKA_TOPIC_PREFIX'] ?? ''): string {
  return `${prefix}${topic}`;
}

export function deadLetterTopic(physicalTopicName: string): string {
  return `${physicalTopicName}${DEAD_LETTER_SUFFIX}`;
}
