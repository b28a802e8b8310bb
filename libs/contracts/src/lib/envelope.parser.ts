import { z } from 'zod';
import { Envelope, envelopeSchema } from './envelope';
import { EVENT_CATALOG, EventData, EventType, isKnownEventType } from './events/event-catalog';

export type KnownEnvelope = { [T in EventType]: Envelope<T, EventData<T>> }[EventType];

export type EventParseFailure =
  | 'not-json'
  | 'invalid-envelope'
  | 'unknown-type'
  | 'unsupported-version'
  | 'invalid-data';

export interface EventParseError {
  failure: EventParseFailure;
  /** One readable line naming the field and the rule, fit for a dead-letter header. */
  reason: string;
}

export type EventParseResult = { ok: true; event: KnownEnvelope } | { ok: false; error: EventParseError };

/** Validates a raw Kafka value (Buffer, JSON string or parsed object). Never throws. */
export function parseEnvelope(raw: unknown): EventParseResult {
  const json = toJson(raw);
  if (json === undefined) {
    return failure('not-json', 'the message value is not a JSON object');
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) {
    return failure('invalid-envelope', describe(envelope.error));
  }
  const { type, version } = envelope.data;
  if (!isKnownEventType(type)) {
    return failure('unknown-type', `type: unknown event type "${type}"`);
  }
  const versions: Record<number, z.ZodType> = EVENT_CATALOG[type].versions;
  const schema = versions[version];
  if (!schema) {
    return failure('unsupported-version', `version: ${type} has no version ${version}`);
  }
  const data = schema.safeParse(envelope.data.data);
  if (!data.success) {
    return failure('invalid-data', describe(data.error, 'data'));
  }
  return { ok: true, event: { ...envelope.data, data: data.data } as KnownEnvelope };
}

function toJson(raw: unknown): unknown {
  if (Buffer.isBuffer(raw)) raw = raw.toString('utf8');
  if (typeof raw === 'string') {
    try {
      raw = JSON.parse(raw);
    } catch {
      return undefined;
    }
  }
  return raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? raw : undefined;
}

function describe(error: z.ZodError, root?: string): string {
  return error.issues
    .map((issue) => {
      const path = [root, ...issue.path.map(String)].filter(Boolean).join('.');
      return `${path || '(root)'}: ${issue.message}`;
    })
    .join('; ');
}

function failure(kind: EventParseFailure, reason: string): EventParseResult {
  return { ok: false, error: { failure: kind, reason } };
}
