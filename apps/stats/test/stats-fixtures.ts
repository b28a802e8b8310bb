import { randomUUID } from 'node:crypto';
import { KnownEnvelope } from '@akimat/contracts';
import { event } from './stats-test-kit';

const unit = (code: string) => ({ code, nameKk: code, nameRu: code });
const head = { name: 'Бөлім басшысы', language: 'ru' as const };
const staff = { name: 'Маман' };

/**
 * The brief's year of walk-in services by sector and service. The article's sector figures add up to
 * 5711; its headline total is 5712 because it also counts the sectors it names without figures
 * (conscription, social). That one remaining visit is recorded in the social sector: 5712 − 5711 = 1.
 */
export const BRIEF_SERVICES: [string, string, number][] = [
  ['self_service', 'eds', 1553],
  ['self_service', 'certificate', 1311],
  ['housing', 'housing_advice', 1128],
  ['land_architecture', 'land_plot', 1640],
  ['agriculture', 'machinery_inspection', 79],
];
export const UNITEMISED_VISIT: [string, string, number] = ['social', 'social_assistance', 1];
export const BRIEF_TOTAL = 5712;

export interface Visit {
  sector: string;
  service: string;
  renderedAt: string;
}

/** Visits of the given [sector, service, count] rows spread evenly over a calendar year in Asia/Atyrau. */
export function yearOfVisits(year: number, rows: [string, string, number][]): Visit[] {
  const from = Date.parse(`${year - 1}-12-31T19:00:00.000Z`); // 1 January, 00:00 in Atyrau (UTC+5)
  const span = Date.parse(`${year}-12-31T19:00:00.000Z`) - from;
  return rows.flatMap(([sector, service, count]) =>
    Array.from({ length: count }, (_, i) => ({
      sector,
      service,
      renderedAt: new Date(from + Math.floor((span * i) / count)).toISOString(),
    })),
  );
}

/** The brief's itemised services in 2026, as the appeals service would publish them. */
export function briefYearOfServices(): KnownEnvelope[] {
  return yearOfVisits(2026, BRIEF_SERVICES).map((visit) => {
    const visitId = randomUUID();
    return event('service.rendered', { visitId, ...visit }, visitId);
  });
}

/**
 * Three appeals: A answered briefly on time and fully late, rated 5; B reassigned, missed its brief
 * answer, still open and overdue; C anonymous, briefly answered, forwarded.
 */
export function threeAppeals() {
  const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
  const n = (id: string) => ({ appealId: id, registrationNumber: `MAH-${id.slice(0, 8)}` });
  const routing = [
    event(
      'appeal.routed',
      {
        ...n(a),
        category: 'housing',
        routedAt: '2026-03-02T05:00:01.000Z',
        unit: unit('housing-inspection'),
        head,
        reason: 'rule',
        deadlines: [
          { kind: 'brief_answer', dueAt: '2026-03-05T05:00:00.000Z' },
          { kind: 'full_answer', dueAt: '2026-03-23T05:00:00.000Z' },
        ],
      },
      a,
    ),
    event(
      'appeal.routed',
      {
        ...n(b),
        category: 'land',
        routedAt: '2026-04-01T04:00:01.000Z',
        unit: unit('land-relations'),
        head,
        reason: 'rule',
        deadlines: [
          { kind: 'brief_answer', dueAt: '2026-04-04T04:00:00.000Z' },
          { kind: 'full_answer', dueAt: '2026-04-22T04:00:00.000Z' },
        ],
      },
      b,
    ),
    event(
      'appeal.reassigned',
      {
        ...n(b),
        category: 'land',
        reassignedAt: '2026-04-02T04:00:00.000Z',
        fromUnit: unit('land-relations'),
        unit: unit('rd-sarayshyk'),
        head,
        reason: 'not ours',
        reassignedBy: staff,
        deadlines: [
          { kind: 'brief_answer', dueAt: '2026-04-05T04:00:00.000Z' },
          { kind: 'full_answer', dueAt: '2026-04-23T04:00:00.000Z' },
        ],
      },
      b,
    ),
    event(
      'appeal.deadline_missed',
      {
        ...n(b),
        category: 'land',
        unit: unit('rd-sarayshyk'),
        head,
        deadline: 'brief_answer',
        dueAt: '2026-04-05T04:00:00.000Z',
      },
      b,
    ),
    event(
      'appeal.routed',
      {
        ...n(c),
        category: 'other',
        routedAt: '2026-05-01T04:00:01.000Z',
        unit: unit('chief-of-staff-triage'),
        head,
        reason: 'triage',
      },
      c,
    ),
  ];
  const answer = { author: staff, text: 'Жауап' };
  const appeals = [
    event(
      'appeal.registered',
      {
        ...n(a),
        registeredAt: '2026-03-02T05:00:00.000Z',
        category: 'housing',
        channel: 'reception',
        anonymous: false,
        resident: { name: 'Тұрғын', language: 'kk' },
        text: 'Шатыр',
        receivedBy: { name: 'Аким' },
        receptionSessionId: randomUUID(),
      },
      a,
    ),
    event(
      'appeal.brief_answered',
      {
        ...n(a),
        category: 'housing',
        unitCode: 'housing-inspection',
        answeredAt: '2026-03-02T23:00:00.000Z',
        ...answer,
        dueAt: '2026-03-05T05:00:00.000Z',
        onTime: true,
        hoursFromRegistration: 18,
      },
      a,
    ),
    event(
      'appeal.full_answered',
      {
        ...n(a),
        category: 'housing',
        unitCode: 'housing-inspection',
        answeredAt: '2026-03-25T05:00:00.000Z',
        ...answer,
        dueAt: '2026-03-23T05:00:00.000Z',
        onTime: false,
        hoursFromRegistration: 552,
        outcome: 'satisfied',
        afterReopening: false,
      },
      a,
    ),
    event(
      'appeal.feedback_given',
      { ...n(a), category: 'housing', givenAt: '2026-03-26T05:00:00.000Z', rating: 5, comment: 'Рахмет' },
      a,
    ),
    event(
      'appeal.registered',
      {
        ...n(b),
        registeredAt: '2026-04-01T04:00:00.000Z',
        category: 'land',
        channel: 'phone',
        anonymous: false,
        locality: 'Бейбарыс ауылы',
        text: 'Жер',
      },
      b,
    ),
    event(
      'appeal.registered',
      {
        ...n(c),
        registeredAt: '2026-05-01T04:00:00.000Z',
        category: 'other',
        channel: 'online',
        anonymous: true,
        text: 'Анонимді',
        answerRequired: false,
      },
      c,
    ),
    event(
      'appeal.brief_answered',
      {
        ...n(c),
        category: 'other',
        answeredAt: '2026-05-02T10:00:00.000Z',
        ...answer,
        hoursFromRegistration: 30,
        onTime: true,
      },
      c,
    ),
    event(
      'appeal.forwarded',
      {
        ...n(c),
        category: 'other',
        forwardedAt: '2026-05-03T04:00:00.000Z',
        forwardedBy: staff,
        body: 'Полиция',
        reason: 'not ours',
      },
      c,
    ),
  ];
  return { routing, appeals };
}

export const THREE_APPEALS_FIGURES = {
  registered: 3,
  routed: 3,
  reassigned: 1,
  briefAnswers: { onTime: 2, late: 0 },
  fullAnswers: { onTime: 0, late: 1 },
  deadlinesMissed: 1,
  openNow: 1,
  overdueNow: 1,
  hoursToBriefAnswer: { median: 24, p90: 28.8 },
  hoursToFullAnswer: { median: 552, p90: 552 },
  satisfaction: { average: 5, distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 1 } },
  byCategory: { housing: 1, land: 1, other: 1 },
  byUnit: { 'housing-inspection': 1, 'rd-sarayshyk': 1, 'chief-of-staff-triage': 1 },
};
