import { physicalTopic, TOPICS } from '@akimat/contracts';
import { actingAs, asStaff, KafkaProbe, RunningService, startServiceForTest, waitFor } from '@akimat/testing';
import { AppModule } from '../src/app/app.module';
import { appealsEnvSchema } from '../src/app/appeals-env.schema';

const POLL_MS = 60_000;

describe('outbox relay wakes when a transaction with outbox rows commits (real PostgreSQL and Kafka)', () => {
  let service: RunningService;
  const probe = new KafkaProbe();
  const appealTopic = physicalTopic(TOPICS.appealEvents);

  beforeAll(async () => {
    // The poll is a minute away: only the commit can make the event leave within seconds.
    service = await startServiceForTest(
      { serviceName: 'appeals', envSchema: appealsEnvSchema, appModule: AppModule },
      { OUTBOX_POLL_INTERVAL_MS: String(POLL_MS) },
    );
    await probe.record([appealTopic]);
  });

  afterAll(async () => {
    await probe.close();
    await service?.close();
  });

  it('publishes a registered appeal at once, not at the next poll', async () => {
    // Let the relay's first pass (at start) finish, so the next one would be a full poll away.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const started = Date.now();
    const { body } = await asStaff(service.app.getHttpServer())
      .post('/api/v1/appeals')
      .set(actingAs('Қуаныш Ерғалиев', 'Аудан әкімі'))
      .send({ category: 'housing', channel: 'walk_in', anonymous: true, text: 'Шатыр ағып тұр' })
      .expect(201);
    await waitFor(
      'appeal.registered on Kafka',
      () => probe.on(appealTopic).some((message) => message.key === body.id),
      {
        timeoutMs: 5_000,
      },
    );
    expect(Date.now() - started).toBeLessThan(POLL_MS / 10);
  });
});
