import { randomUUID } from 'node:crypto';
import { buildEnvelope, KnownEnvelope } from '@akimat/contracts';
import { factStatements } from './fact-writer';

const origin = () => ({ producer: 'test', correlationId: 'test', subject: randomUUID() });

const registered = () =>
  buildEnvelope(
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
      receivedBy: { name: 'Аппарат басшысы' },
    },
    origin(),
  ) as KnownEnvelope;

const feedback = () =>
  buildEnvelope(
    'appeal.feedback_given',
    {
      appealId: randomUUID(),
      registrationNumber: 'MAH-2026-000001',
      category: 'housing',
      givenAt: '2026-03-10T05:00:00.000Z',
      rating: 4,
      comment: 'Рахмет, Серікова',
    },
    origin(),
  ) as KnownEnvelope;

describe(factStatements.name, () => {
  it('never passes a resident’s name, phone, e-mail, appeal text or feedback comment to the database', () => {
    const params = [registered(), feedback()].flatMap((e) => factStatements([e]).flatMap(([, p]) => p)).join(' ');
    for (const personal of ['Серікова', '+77011234567', 'asel@example.kz', 'Шатыр', 'Рахмет']) {
      expect(params).not.toContain(personal);
    }
  });

  it('records the receiving official, who is staff', () => {
    expect(factStatements([registered()])[0][1].flat()).toContain('Аппарат басшысы');
  });

  it('moves no figure for reminders, which are still marked handled by the consumer', () => {
    const reminder = buildEnvelope(
      'appeal.deadline_approaching',
      {
        appealId: randomUUID(),
        registrationNumber: 'MAH-2026-000001',
        category: 'housing',
        unit: { code: 'housing-inspection', nameKk: 'Инспекция', nameRu: 'Инспекция' },
        head: { name: 'Ахметов Нұрлан', language: 'ru' },
        deadline: 'brief_answer',
        dueAt: '2026-03-05T05:00:00.000Z',
        reminder: '80%',
      },
      origin(),
    ) as KnownEnvelope;
    expect(factStatements([reminder]).filter(([sql]) => !sql.includes('unit_code = COALESCE'))).toEqual([]);
  });
});
