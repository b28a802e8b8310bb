import { randomUUID } from 'node:crypto';
import { Envelope } from './envelope';
import { EVENT_CATALOG, EventData, EventInput, EventType } from './events/event-catalog';

export interface EnvelopeOrigin {
  producer: string;
  correlationId: string;
  /** The appeal the event is about; also the Kafka key. */
  subject: string;
  occurredAt?: Date;
}

/** Builds an event of the newest version, validating its data so a producer cannot emit garbage. */
export function buildEnvelope<T extends EventType>(
  type: T,
  data: EventInput<T>,
  origin: EnvelopeOrigin,
): Envelope<T, EventData<T>> {
  const versions = EVENT_CATALOG[type].versions;
  const version = Math.max(...Object.keys(versions).map(Number));
  const schema = versions[version as keyof typeof versions] as { parse(value: unknown): unknown };
  return {
    id: randomUUID(),
    type,
    version,
    occurredAt: (origin.occurredAt ?? new Date()).toISOString(),
    producer: origin.producer,
    correlationId: origin.correlationId,
    subject: origin.subject,
    data: schema.parse(data) as EventData<T>,
  };
}
