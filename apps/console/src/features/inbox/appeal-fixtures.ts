import { AppealCard } from './inbox-api';

export const APPEAL_ID = '6f1c2a52-4a1e-4c43-9d7e-2d5b0f6a9c11';

/** A card as the appeals service sends it, including the masked IIN and contacts the console must not show. */
export function appealCard(overrides: Partial<AppealCard> = {}): AppealCard & Record<string, unknown> {
  const card = {
    id: APPEAL_ID,
    registrationNumber: 'МХ-2026-0042',
    trackingCode: 'TRK-42',
    status: 'assigned' as const,
    category: 'roads',
    channel: 'reception',
    text: 'Көшедегі жол жөндеуді сұраймын.',
    anonymous: false,
    concernsPublicSafety: false,
    answerRequired: true,
    resident: {
      fullName: 'Айгүл Серікова',
      iin: '********0417',
      phone: '+77011234567',
      email: 'aigul@example.kz',
      language: 'kk' as const,
    },
    locality: 'Махамбет',
    preferredUnitCode: null,
    receptionSessionId: null,
    receivedBy: null,
    registeredAt: '2026-03-02T05:00:00.000Z',
    registrationDate: '2026-03-02',
    assignment: {
      unitCode: 'housing-inspection',
      unitNameKk: 'Тұрғын үй инспекциясы',
      unitNameRu: 'Жилищная инспекция',
      reason: 'rule',
      routedAt: '2026-03-02T05:01:00.000Z',
    },
    deadlines: [
      { kind: 'brief_answer' as const, dueAt: '2099-03-05T05:00:00.000Z' },
      { kind: 'full_answer' as const, dueAt: '2099-03-23T13:00:00.000Z' },
    ],
    nextDueAt: '2099-03-05T05:00:00.000Z',
    forwardedTo: null,
    answers: [],
    feedback: null,
    timeline: [
      { at: '2026-03-02T05:00:00.000Z', kind: 'registered', actorName: 'Оператор', details: {} },
      {
        at: '2026-03-02T05:01:00.000Z',
        kind: 'routed',
        actorName: null,
        details: {
          unit: { code: 'housing-inspection', nameKk: 'Тұрғын үй инспекциясы', nameRu: 'Жилищная инспекция' },
        },
      },
    ],
  };
  return { ...card, ...overrides };
}
