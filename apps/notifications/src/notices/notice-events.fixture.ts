import { buildEnvelope, EventInput, EventType } from '@akimat/contracts';

/** Events as the other services publish them, for notifications' tests and benchmark. */
export const APPEAL_ID = '6f1c8a55-2a3e-4f57-9d0e-5b1f2f0c9a11';
export const housing = { code: 'housing-inspection', nameKk: 'Тұрғын үй инспекциясы', nameRu: 'Жилищная инспекция' };
export const land = { code: 'land-relations', nameKk: 'Жер қатынастары бөлімі', nameRu: 'Отдел земельных отношений' };
export const housingHead = {
  name: 'Айгүл Серікова',
  position: 'Инспектор',
  email: 'housing@makhambet.example.kz',
  language: 'kk' as const,
};
export const landHead = { name: 'Марат Есенов', email: 'land@makhambet.example.kz', language: 'ru' as const };
export const chiefOfStaff = {
  name: 'Ержан Қайратұлы',
  position: 'Аппарат басшысы',
  email: 'chief@makhambet.example.kz',
  language: 'kk' as const,
};
export const resident = {
  name: 'Серікова Әсел',
  email: 'asel@example.kz',
  phone: '+77011234567',
  language: 'kk' as const,
};
const author = { name: 'Айгүл Серікова', position: 'Инспектор' };
const facts = { appealId: APPEAL_ID, registrationNumber: 'MAH-2026-000123', category: 'housing' };

export const sampleData = {
  'appeal.registered': {
    ...facts,
    registeredAt: '2026-11-25T06:30:00.000Z',
    channel: 'reception',
    anonymous: false,
    resident,
    text: 'Үйдің шатыры ағып тұр',
  },
  'appeal.routed': {
    ...facts,
    routedAt: '2026-11-25T06:30:01.000Z',
    unit: housing,
    head: housingHead,
    reason: 'rule:housing',
    deadlines: [
      { kind: 'brief_answer', dueAt: '2026-11-28T06:30:00.000Z' },
      { kind: 'full_answer', dueAt: '2026-12-16T13:00:00.000Z' },
    ],
  },
  'appeal.reassigned': {
    ...facts,
    reassignedAt: '2026-11-25T07:00:00.000Z',
    fromUnit: housing,
    unit: land,
    head: landHead,
    reason: 'Жер мәселесі',
    reassignedBy: { name: 'Ержан Қайратұлы' },
    deadlines: [{ kind: 'full_answer', dueAt: '2026-12-16T13:00:00.000Z' }],
  },
  'appeal.deadline_approaching': {
    ...facts,
    unit: housing,
    head: housingHead,
    deadline: 'brief_answer',
    dueAt: '2026-11-28T06:30:00.000Z',
    reminder: '80%',
  },
  'appeal.deadline_missed': {
    ...facts,
    unit: housing,
    head: housingHead,
    deadline: 'full_answer',
    dueAt: '2026-12-16T13:00:00.000Z',
    escalatedTo: chiefOfStaff,
  },
  'appeal.brief_answered': {
    ...facts,
    unitCode: housing.code,
    answeredAt: '2026-11-26T09:00:00.000Z',
    author,
    text: 'Комиссия 27 қарашада үйді тексереді.',
    hoursFromRegistration: 26.5,
  },
  'appeal.full_answered': {
    ...facts,
    unitCode: housing.code,
    answeredAt: '2026-12-10T09:00:00.000Z',
    author,
    text: 'Шатыр жөнделді.',
    outcome: 'partly_satisfied',
    refusalReasons: 'Қабырғаны жөндеу келесі жылдың бюджетіне енгізілді.',
    hoursFromRegistration: 362.5,
    afterReopening: false,
  },
  'appeal.forwarded': {
    ...facts,
    forwardedAt: '2026-11-25T08:00:00.000Z',
    forwardedBy: author,
    body: 'Атырау облысының полиция департаменті',
    reason: 'Қылмыстық іс белгілері',
  },
  'appeal.extended': {
    ...facts,
    unitCode: housing.code,
    extendedAt: '2026-12-01T08:00:00.000Z',
    extendedBy: author,
    newDueAt: '2027-01-15T13:00:00.000Z',
    reason: 'Сараптама қажет',
  },
  'appeal.reopened': {
    ...facts,
    unitCode: housing.code,
    reopenedAt: '2026-12-12T08:00:00.000Z',
    comment: 'Шатыр әлі ағып тұр',
  },
} satisfies { [T in EventType]?: EventInput<T> };

export function sampleEvent<T extends keyof typeof sampleData>(type: T, overrides: Partial<EventInput<T>> = {}) {
  const data = { ...sampleData[type], ...overrides } as EventInput<T>;
  const appealId = (data as { appealId: string }).appealId;
  return buildEnvelope(type, data, { producer: 'test', correlationId: `corr-${appealId}`, subject: appealId });
}
