import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { AppealRegisteredV1, buildEnvelope, physicalTopic, TOPICS } from '@akimat/contracts';
import { actingAs, deleteKeysUnder, KafkaProbe, RunningService, startServiceForTest, waitFor } from '@akimat/testing';
import { AppModule } from '../src/app/app.module';
import { routingEnvSchema } from '../src/app/routing-env.schema';

export const appealTopic = () => physicalTopic(TOPICS.appealEvents);
export const routingTopic = () => physicalTopic(TOPICS.routingEvents);

/** Who acts: a signed-in member of staff (every role; access is tested on its own). */
export const chiefOfStaff = actingAs('Ержан Қайратұлы', 'Аппарат басшысы');

export function registered(overrides: Partial<AppealRegisteredV1> = {}) {
  const appealId = randomUUID();
  return buildEnvelope(
    'appeal.registered',
    {
      appealId,
      registrationNumber: `MAH-2026-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
      registeredAt: new Date().toISOString(),
      category: 'other',
      channel: 'reception',
      anonymous: false,
      resident: { name: 'Resident', language: 'kk' },
      text: 'Өтініш',
      ...overrides,
    },
    { producer: 'appeals', correlationId: `corr-${appealId}`, subject: appealId },
  );
}

export interface PublishedEvent<T = Record<string, unknown>> {
  id: string;
  type: string;
  correlationId: string;
  subject: string;
  data: T;
}

export const routingDefinition = { serviceName: 'routing', envSchema: routingEnvSchema, appModule: AppModule };

/** What routing published, as the probe recorded it; `nextPublished` waits for `count` of a type. */
export function routingEvents(probe: KafkaProbe) {
  const published = <T>(type: string, subject?: string) =>
    probe
      .on(routingTopic())
      .map((message) => message.json<PublishedEvent<T>>())
      .filter((event) => event.type === type && (subject === undefined || event.subject === subject));
  const nextPublished = <T>(type: string, subject: string, count = 1, timeoutMs?: number) =>
    waitFor(
      `${count} × ${type} for ${subject}`,
      () => {
        const events = published<T>(type, subject);
        return events.length >= count && events;
      },
      { timeoutMs },
    );
  return { published, nextPublished };
}

/** The routing service in-process plus a probe recording everything it publishes. */
export async function startRouting(env: Record<string, string> = {}) {
  const service: RunningService = await startServiceForTest(routingDefinition, env);
  const probe = new KafkaProbe();
  await probe.record([routingTopic()]);
  const queuePrefix = process.env['QUEUE_PREFIX'] as string;
  const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  const close = async () => {
    await probe.close();
    await service.close();
    await deleteQueueKeys(redisUrl, queuePrefix);
  };
  return {
    service,
    probe,
    http: () => service.app.getHttpServer(),
    ...routingEvents(probe),
    close,
    queuePrefix,
    redisUrl,
  };
}

export type RoutingHarness = Awaited<ReturnType<typeof startRouting>>;

/** Deletes the keys of a test file's queues (QUEUE_PREFIX) from the shared Redis. */
async function deleteQueueKeys(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisUrl);
  try {
    return await deleteKeysUnder(redis, prefix);
  } finally {
    redis.disconnect();
  }
}

type Registered = ReturnType<typeof registered>;
const clerk = { name: 'Айгүл Сәрсенова', position: 'Бас маман' };
const appealFacts = (appeal: Registered) => ({
  appealId: appeal.subject,
  registrationNumber: appeal.data.registrationNumber,
  category: appeal.data.category,
});
const fromAppeals = (appeal: Registered) => ({
  producer: 'appeals',
  correlationId: appeal.correlationId,
  subject: appeal.subject,
});
const now = () => new Date().toISOString();

/** The appeals service's lifecycle events about a registered appeal, as routing consumes them. */
export const lifecycle = {
  briefAnswered: (appeal: Registered) =>
    buildEnvelope(
      'appeal.brief_answered',
      { ...appealFacts(appeal), answeredAt: now(), author: clerk, text: 'Қаралуда', hoursFromRegistration: 0 },
      fromAppeals(appeal),
    ),
  fullAnswered: (appeal: Registered) =>
    buildEnvelope(
      'appeal.full_answered',
      {
        ...appealFacts(appeal),
        answeredAt: now(),
        author: clerk,
        text: 'Шешілді',
        hoursFromRegistration: 0,
        outcome: 'satisfied',
        afterReopening: false,
      },
      fromAppeals(appeal),
    ),
  extended: (appeal: Registered, newDueAt: Date) =>
    buildEnvelope(
      'appeal.extended',
      {
        ...appealFacts(appeal),
        extendedAt: now(),
        extendedBy: clerk,
        newDueAt: newDueAt.toISOString(),
        reason: 'Тексеру қажет',
      },
      fromAppeals(appeal),
    ),
  reopened: (appeal: Registered) =>
    buildEnvelope(
      'appeal.reopened',
      { ...appealFacts(appeal), reopenedAt: now(), comment: 'Шешілмеді' },
      fromAppeals(appeal),
    ),
  closed: (appeal: Registered) =>
    buildEnvelope('appeal.closed', { ...appealFacts(appeal), closedAt: now(), closedBy: clerk }, fromAppeals(appeal)),
  outsideCompetence: (appeal: Registered) =>
    buildEnvelope(
      'appeal.outside_competence',
      { ...appealFacts(appeal), decidedAt: now(), decidedBy: clerk, reason: 'Полицияның құзыреті' },
      fromAppeals(appeal),
    ),
  forwarded: (appeal: Registered) =>
    buildEnvelope(
      'appeal.forwarded',
      {
        ...appealFacts(appeal),
        forwardedAt: now(),
        forwardedBy: clerk,
        body: 'Полиция департаменті',
        reason: 'Полицияның құзыреті',
      },
      fromAppeals(appeal),
    ),
  extensionNotified: (appeal: Registered) =>
    buildEnvelope(
      'appeal.extension_notified',
      { ...appealFacts(appeal), channel: 'sms', sentAt: now(), recordedAt: now(), recordedBy: clerk },
      fromAppeals(appeal),
    ),
};
