import type { IHeaders, KafkaMessage } from 'kafkajs';
import { DEAD_LETTER_SUFFIX } from '@akimat/contracts';

/**
 * The headers DeadLetterPublisher adds to a parked message. Everything else on a dead letter is the
 * original: its value, its key and its own headers, so a replay can put it back as it was.
 */
export const DLT_HEADERS = {
  failure: 'dlt-failure',
  reason: 'dlt-reason',
  attempts: 'dlt-attempts',
  originalTopic: 'dlt-original-topic',
  originalPartition: 'dlt-original-partition',
  originalOffset: 'dlt-original-offset',
  at: 'dlt-at',
  /**
   * Set when the original was too large to copy: what was left out. The original stays at
   * dlt-original-topic/partition/offset, and a replay reads it from there.
   */
  originalOmitted: 'dlt-original-omitted',
} as const;

/** Headers of this prefix belong to the dead-letter machinery, never to the original message. */
export const DLT_HEADER_PREFIX = 'dlt-';

/** Set on a replayed message: which dead letter it came from (`<dlt topic>/<partition>/<offset>`). */
export const REPLAYED_FROM_HEADER = 'replayed-from-dlt';

export interface DeadLetter {
  dltTopic: string;
  partition: number;
  offset: string;
  /** `<dlt topic>/<partition>/<offset>`: what a replay marker is keyed by. */
  ref: string;
  originalTopic: string;
  originalPartition?: number;
  originalOffset?: string;
  failure: string;
  reason: string;
  attempts?: number;
  /** When it was parked (the dlt-at header, else the Kafka timestamp). */
  at: string;
  key: Buffer | null;
  value: Buffer | null;
  /** The original's own headers, without the dead-letter ones. */
  originalHeaders: IHeaders;
  /** What of the original is not on the dead letter (too large to copy), if anything. */
  omitted?: string;
  /** When the value is an envelope-shaped JSON object, even an invalid one. */
  event?: { type?: string; id?: string };
  /** Set when this dead letter was replayed before. */
  replayedAt?: string;
}

export function deadLetterRef(dltTopic: string, partition: number, offset: string): string {
  return `${dltTopic}/${partition}/${offset}`;
}

/** The topic a dead-letter topic parks messages of: `x.dlt` → `x`. */
export function originalTopicOf(dltTopic: string): string {
  return dltTopic.endsWith(DEAD_LETTER_SUFFIX) ? dltTopic.slice(0, -DEAD_LETTER_SUFFIX.length) : dltTopic;
}

export function readDeadLetter(dltTopic: string, partition: number, message: KafkaMessage): DeadLetter {
  const headers = message.headers ?? {};
  const header = (name: string) => headerText(headers[name]);
  const attempts = Number(header(DLT_HEADERS.attempts));
  const originalPartition = Number(header(DLT_HEADERS.originalPartition));
  return {
    dltTopic,
    partition,
    offset: message.offset,
    ref: deadLetterRef(dltTopic, partition, message.offset),
    originalTopic: header(DLT_HEADERS.originalTopic) ?? originalTopicOf(dltTopic),
    originalPartition:
      Number.isInteger(originalPartition) && header(DLT_HEADERS.originalPartition) ? originalPartition : undefined,
    originalOffset: header(DLT_HEADERS.originalOffset),
    failure: header(DLT_HEADERS.failure) ?? 'unknown',
    reason: header(DLT_HEADERS.reason) ?? '',
    attempts: Number.isInteger(attempts) && attempts > 0 ? attempts : undefined,
    at: header(DLT_HEADERS.at) ?? new Date(Number(message.timestamp)).toISOString(),
    key: message.key ?? null,
    value: message.value ?? null,
    originalHeaders: withoutDeadLetterHeaders(headers),
    omitted: header(DLT_HEADERS.originalOmitted),
    event: eventIdentity(message.value),
  };
}

export function withoutDeadLetterHeaders(headers: IHeaders): IHeaders {
  return Object.fromEntries(
    Object.entries(headers).filter(([name, value]) => !name.startsWith(DLT_HEADER_PREFIX) && value !== undefined),
  );
}

function headerText(value: IHeaders[string]): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

/** Type and id of an envelope-shaped value, without validating it: it may be why it was parked. */
function eventIdentity(value: Buffer | null): DeadLetter['event'] {
  if (!value) return undefined;
  try {
    const json: unknown = JSON.parse(value.toString('utf8'));
    if (json === null || typeof json !== 'object' || Array.isArray(json)) return undefined;
    const { type, id } = json as Record<string, unknown>;
    const identity = {
      type: typeof type === 'string' ? type.slice(0, 100) : undefined,
      id: typeof id === 'string' ? id.slice(0, 100) : undefined,
    };
    return identity.type || identity.id ? identity : undefined;
  } catch {
    return undefined;
  }
}
