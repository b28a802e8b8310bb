import { App } from 'supertest/types';
import { buildEnvelope, Deadline, physicalTopic, TOPICS } from '@akimat/contracts';
import { actingAs, asStaff, KafkaProbe, startServiceForTest, waitFor } from '@akimat/testing';
import { AppModule } from '../src/app/app.module';
import { appealsEnvSchema } from '../src/app/appeals-env.schema';

/** Routing's decision about the appeal, as routing publishes it. */
export function routedEvent(
  appeal: { id: string; registrationNumber: string },
  unitCode = 'housing-inspection',
  deadlines: Deadline[] = [],
) {
  return buildEnvelope(
    'appeal.routed',
    {
      appealId: appeal.id,
      registrationNumber: appeal.registrationNumber,
      category: 'housing',
      routedAt: new Date().toISOString(),
      unit: { code: unitCode, nameKk: 'Тұрғын үй инспекциясы', nameRu: 'Жилищная инспекция' },
      head: { name: 'Гүлнар Сапарова', language: 'kk' },
      reason: 'rule "Housing" v1 matched category housing',
      deadlines,
    },
    { producer: 'routing', correlationId: 'it', subject: appeal.id },
  );
}

/** Plays routing's part: publishes appeal.routed and waits until the card shows it (returns the card). */
export async function routeAppeal(
  probe: KafkaProbe,
  server: App,
  appeal: { id: string; registrationNumber: string },
  deadlines: Deadline[] = [],
  unitCode = 'housing-inspection',
) {
  await probe.produce(physicalTopic(TOPICS.routingEvents), routedEvent(appeal, unitCode, deadlines), appeal.id);
  return waitFor('the card to be assigned', async () => {
    const { body } = await asStaff(server).get(`/api/v1/appeals/${appeal.id}`);
    return body.status === 'assigned' ? body : undefined;
  });
}

export const akim = actingAs('Қуаныш Ерғалиев', 'Аудан әкімі');
export const head = actingAs('Гүлнар Сапарова', 'Бөлім басшысы');
export const card = {
  resident: { fullName: 'Серікова Әсел', iin: '950101300016', phone: '+77011234567', language: 'kk' },
  category: 'housing',
  channel: 'reception',
  text: 'Шатыр ағып тұр',
};
/** An anonymous walk-in appeal: no resident, so no answer clocks and no notices to the resident. */
export const walkIn = { category: 'housing', channel: 'walk_in', anonymous: true, text: 'Шатыр ағып тұр' };
/** An instant `n` hours from now, as the API takes it. */
export const hours = (n: number) => new Date(Date.now() + n * 3_600_000).toISOString();

/** The appeals service in-process with a probe on its topic, and the steps its lifecycle tests share. */
export async function startAppeals() {
  const appealTopic = physicalTopic(TOPICS.appealEvents);
  const service = await startServiceForTest(
    { serviceName: 'appeals', envSchema: appealsEnvSchema, appModule: AppModule },
    { TRACKING_RATE_LIMIT_PER_MINUTE: '1000' },
  );
  const probe = new KafkaProbe();
  await probe.record([appealTopic]);
  const http = () => asStaff(service.app.getHttpServer());
  /** Without a staff token. */
  const anonymous = () => asStaff(service.app.getHttpServer(), {});
  return {
    service,
    probe,
    appealTopic,
    http,
    anonymous,
    async register(body: object = card) {
      const { body: appeal } = await http().post('/api/v1/appeals').set(akim).send(body).expect(201);
      return appeal as { id: string; registrationNumber: string; trackingCode: string };
    },
    route: (appeal: { id: string; registrationNumber: string }, deadlines: Deadline[], unitCode?: string) =>
      routeAppeal(probe, service.app.getHttpServer(), appeal, deadlines, unitCode),
    eventsOf: (appealId: string) =>
      probe
        .on(appealTopic)
        .filter((message) => message.key === appealId)
        .map((message) => message.json<{ type: string; data: Record<string, unknown> }>()),
    async close() {
      await probe.close();
      await service.close();
    },
  };
}

export type AppealsHarness = Awaited<ReturnType<typeof startAppeals>>;
