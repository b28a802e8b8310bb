import { randomUUID } from 'node:crypto';
import { buildEnvelope } from './envelope.factory';
import { parseEnvelope } from './envelope.parser';
import { AppealRegisteredV1 } from './events/appeal-registered.event';

const appealId = randomUUID();

function registeredData(overrides: Partial<AppealRegisteredV1> = {}): AppealRegisteredV1 {
  return {
    appealId,
    registrationNumber: 'MAH-2026-000001',
    registeredAt: '2026-11-25T06:00:00.000Z',
    category: 'housing',
    channel: 'reception',
    anonymous: false,
    resident: { name: 'Әсел Нұрланқызы', phone: '+77011234567', language: 'kk' },
    text: 'Үйдің шатыры ағып тұр. Крыша протекает.',
    ...overrides,
  };
}

function validEnvelope() {
  return buildEnvelope('appeal.registered', registeredData(), {
    producer: 'appeals',
    correlationId: 'corr-1',
    subject: appealId,
  });
}

describe('parseEnvelope', () => {
  it('accepts a valid event given as an object, a JSON string or a Buffer', () => {
    const envelope = validEnvelope();
    for (const raw of [envelope, JSON.stringify(envelope), Buffer.from(JSON.stringify(envelope))]) {
      const result = parseEnvelope(raw);
      expect(result).toEqual({ ok: true, event: envelope });
    }
  });

  it('keeps Kazakh and Russian text byte-exact through a JSON round trip', () => {
    const envelope = validEnvelope();
    const result = parseEnvelope(Buffer.from(JSON.stringify(envelope), 'utf8'));
    expect(result.ok && result.event.type === 'appeal.registered' && result.event.data.text).toBe(
      'Үйдің шатыры ағып тұр. Крыша протекает.',
    );
  });

  it('reports a value that is not JSON', () => {
    expect(parseEnvelope('{not json')).toEqual({
      ok: false,
      error: { failure: 'not-json', reason: 'the message value is not a JSON object' },
    });
    expect(parseEnvelope(null).ok).toBe(false);
    expect(parseEnvelope([1, 2]).ok).toBe(false);
  });

  it('names the envelope fields that are malformed', () => {
    const withoutId: Record<string, unknown> = { ...validEnvelope(), occurredAt: 'yesterday' };
    delete withoutId['id'];
    const result = parseEnvelope(withoutId);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.failure).toBe('invalid-envelope');
    expect(result.error.reason).toContain('id:');
    expect(result.error.reason).toContain('occurredAt:');
  });

  it('refuses an unknown event type', () => {
    const result = parseEnvelope({ ...validEnvelope(), type: 'appeal.teleported' });
    expect(result).toEqual({
      ok: false,
      error: { failure: 'unknown-type', reason: 'type: unknown event type "appeal.teleported"' },
    });
  });

  it('refuses a version the catalogue does not know', () => {
    const result = parseEnvelope({ ...validEnvelope(), version: 7 });
    expect(result).toEqual({
      ok: false,
      error: { failure: 'unsupported-version', reason: 'version: appeal.registered has no version 7' },
    });
  });

  it('names the data field and the rule it breaks', () => {
    const envelope = validEnvelope();
    const result = parseEnvelope({ ...envelope, data: { ...envelope.data, channel: 'pigeon', text: '' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.failure).toBe('invalid-data');
    expect(result.error.reason).toMatch(/data\.channel: /);
    expect(result.error.reason).toMatch(/data\.text: /);
  });
});

describe('buildEnvelope', () => {
  it('stamps id, newest version and UTC time, and refuses invalid data', () => {
    const envelope = validEnvelope();
    expect(envelope.version).toBe(1);
    expect(envelope.occurredAt).toMatch(/Z$/);
    expect(() =>
      buildEnvelope('appeal.registered', registeredData({ registrationNumber: '' }), {
        producer: 'appeals',
        correlationId: 'c',
        subject: appealId,
      }),
    ).toThrow(/registrationNumber/);
  });

  it('gives every event a new id', () => {
    expect(validEnvelope().id).not.toBe(validEnvelope().id);
  });
});
