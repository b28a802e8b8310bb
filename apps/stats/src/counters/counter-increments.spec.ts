import { randomUUID } from 'node:crypto';
import { buildEnvelope, EventData } from '@akimat/contracts';
import { countersFor } from './counter-increments';

const origin = () => ({ producer: 'test', correlationId: 'test', subject: randomUUID() });

function registered(overrides: Partial<EventData<'appeal.registered'>> = {}) {
  return buildEnvelope(
    'appeal.registered',
    {
      appealId: randomUUID(),
      registrationNumber: 'MAH-2026-000001',
      registeredAt: '2026-03-02T05:00:00.000Z',
      category: 'housing',
      channel: 'reception',
      anonymous: false,
      resident: { name: 'Серікова Әсел', phone: '+77011234567', email: 'asel@example.kz', language: 'kk' },
      text: 'Шатыр ағып тұр',
      ...overrides,
    },
    origin(),
  );
}

function routed(unitCode = 'housing-inspection') {
  return buildEnvelope(
    'appeal.routed',
    {
      appealId: randomUUID(),
      registrationNumber: 'MAH-2026-000001',
      category: 'housing',
      routedAt: '2026-03-02T05:00:01.000Z',
      unit: { code: unitCode, nameKk: 'Тұрғын үй инспекциясы', nameRu: 'Жилищная инспекция' },
      head: { name: 'Ахметов Нұрлан', email: 'head@example.kz', language: 'ru' },
      reason: 'category:housing',
    },
    origin(),
  );
}

describe(countersFor.name, () => {
  it('counts a registered appeal in the total, by category and by channel', () => {
    expect(countersFor(registered({ category: 'utilities', channel: 'phone' }))).toEqual([
      { metric: 'registered', dimension: 'all', key: 'total', by: 1 },
      { metric: 'registered', dimension: 'category', key: 'utilities', by: 1 },
      { metric: 'registered', dimension: 'channel', key: 'phone', by: 1 },
    ]);
  });

  it('counts a routed appeal in the total and by unit', () => {
    expect(countersFor(routed('akimat-office'))).toEqual([
      { metric: 'routed', dimension: 'all', key: 'total', by: 1 },
      { metric: 'routed', dimension: 'unit', key: 'akimat-office', by: 1 },
    ]);
  });

  it('keeps no personal data: no name, phone, email or text in any key', () => {
    const keys = [...countersFor(registered()), ...countersFor(routed())].map((c) => c.key).join(' ');
    for (const personal of ['Серікова', '+77011234567', 'asel@example.kz', 'Шатыр', 'Ахметов', 'head@example.kz']) {
      expect(keys).not.toContain(personal);
    }
  });

  it('never moves the same counter twice for one event', () => {
    for (const event of [registered(), routed()]) {
      const ids = countersFor(event).map((c) => `${c.metric}/${c.dimension}/${c.key}`);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});
