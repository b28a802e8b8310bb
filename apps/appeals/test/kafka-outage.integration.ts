import { Kafka, logLevel } from 'kafkajs';
import { physicalTopic, TOPICS } from '@akimat/contracts';
import {
  actingAs,
  asStaff,
  KafkaProbe,
  queryRows,
  RunningService,
  startKafkaBroker,
  startServiceForTest,
  stopKafkaBroker,
  waitFor,
} from '@akimat/testing';
import { AppModule } from '../src/app/app.module';
import { appealsEnvSchema } from '../src/app/appeals-env.schema';

const card = {
  resident: { fullName: 'Қайратқызы Мөлдір', iin: '950101300016', phone: '+77011234567', language: 'kk' },
  category: 'roads_transport',
  channel: 'phone',
  text: 'Жол жөндеу керек',
};

describe('appeals while Kafka is down (real broker stopped and started)', () => {
  let service: RunningService;
  const http = () => asStaff(service.app.getHttpServer());

  beforeAll(async () => {
    service = await startServiceForTest({ serviceName: 'appeals', envSchema: appealsEnvSchema, appModule: AppModule });
  });

  afterAll(async () => {
    startKafkaBroker(); // whatever happened above, leave the broker running for the next suite
    await service?.close();
  });

  it('keeps recording with the broker stopped, and publishes all 50 events exactly once after it returns', async () => {
    stopKafkaBroker();
    const responses = [];
    for (let i = 0; i < 50; i += 1) {
      responses.push(
        await http()
          .post('/api/v1/appeals')
          .set(actingAs('Оператор'))
          .send({ ...card, text: `${card.text} #${i}` }),
      );
    }
    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(201));
    const pending = await queryRows(service.databaseUrl, 'SELECT id FROM outbox_events WHERE sent_at IS NULL');
    expect(pending).toHaveLength(50);

    startKafkaBroker();
    await waitFor(
      'the outbox to drain',
      async () =>
        (await queryRows(service.databaseUrl, 'SELECT id FROM outbox_events WHERE sent_at IS NULL')).length === 0
          ? true
          : undefined,
      { timeoutMs: 90_000 },
    );

    const probe = new KafkaProbe();
    try {
      const topic = physicalTopic(TOPICS.appealEvents);
      await probe.record([topic]);
      await waitFor('50 events on the topic', () => (probe.on(topic).length >= 50 ? true : undefined), {
        timeoutMs: 30_000,
      });
      await new Promise((resolve) => setTimeout(resolve, 2_000)); // time for a duplicate to show up, if any
      const ids = probe.on(topic).map((message) => message.json<{ id: string }>().id);
      const appealIds = probe.on(topic).map((message) => message.key);
      expect(ids).toHaveLength(50);
      expect(new Set(ids).size).toBe(50);
      expect(new Set(appealIds)).toEqual(new Set(responses.map((response) => response.body.id)));
    } finally {
      await probe.close();
    }
    // The service's consumer crashed while the broker was away and restarts on a timer; let it rejoin
    // its group before the test ends, so nothing of it still runs once the test environment is gone.
    await waitUntilGroupStable(`${service.topicPrefix}appeals-server`);
  }, 240_000);
});

async function waitUntilGroupStable(groupId: string): Promise<void> {
  const admin = new Kafka({
    clientId: 'outage-check',
    brokers: ['127.0.0.1:9092'],
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    await waitFor(
      `consumer group ${groupId} stable again`,
      async () => {
        const { groups } = await admin.describeGroups([groupId]);
        return groups[0]?.state === 'Stable' && groups[0].members.length > 0 ? true : undefined;
      },
      { timeoutMs: 90_000 },
    );
  } finally {
    await admin.disconnect();
  }
}
