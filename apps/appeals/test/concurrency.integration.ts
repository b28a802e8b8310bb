import { physicalTopic, TOPICS } from '@akimat/contracts';
import {
  actingAs,
  asStaff,
  KafkaProbe,
  queryRows,
  RunningService,
  startServiceForTest,
  waitFor,
} from '@akimat/testing';
import { AppModule } from '../src/app/app.module';
import { appealsEnvSchema } from '../src/app/appeals-env.schema';

const operator = actingAs('Оператор');
const card = {
  resident: { fullName: 'Жанболатов Ерлан', iin: '950101300016', phone: '+77011234567', language: 'ru' },
  category: 'utilities',
  channel: 'walk_in',
  text: 'Нет воды третий день',
};

describe('appeals under concurrency (real PostgreSQL and Kafka)', () => {
  let service: RunningService;
  const probe = new KafkaProbe();
  const appealTopic = physicalTopic(TOPICS.appealEvents);
  const http = () => asStaff(service.app.getHttpServer());

  beforeAll(async () => {
    service = await startServiceForTest({ serviceName: 'appeals', envSchema: appealsEnvSchema, appModule: AppModule });
    await probe.record([appealTopic]);
  });

  afterAll(async () => {
    await probe.close();
    await service?.close();
  });

  it('answers 20 racing retries with one Idempotency-Key with the one appeal they created', async () => {
    const key = 'retry-7d9f0c1e-4b2a-4f6e-9c1d-2a3b4c5d6e7f';
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        http().post('/api/v1/appeals').set(operator).set('Idempotency-Key', key).send(card),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(201));
    const ids = new Set(responses.map((response) => response.body.id));
    expect(ids.size).toBe(1);
    for (const response of responses) expect(response.body).toEqual(responses[0].body);
    const [id] = [...ids];

    expect(await queryRows(service.databaseUrl, 'SELECT id FROM appeals WHERE id = $1', [id])).toHaveLength(1);
    expect(await queryRows(service.databaseUrl, 'SELECT id FROM appeals')).toHaveLength(1);
    expect(await queryRows(service.databaseUrl, 'SELECT id FROM outbox_events WHERE key = $1', [id])).toHaveLength(1);

    const reused = await http()
      .post('/api/v1/appeals')
      .set(operator)
      .set('Idempotency-Key', key)
      .send({ ...card, text: 'other' })
      .expect(409);
    expect(reused.body.message).toContain('different request');
    await http().post('/api/v1/appeals').set(operator).set('Idempotency-Key', 'short').send(card).expect(400);
  });

  it('numbers 200 concurrent registrations sequentially, with no gaps or duplicates', async () => {
    const before = (await queryRows(service.databaseUrl, 'SELECT id FROM appeals')).length;
    const responses = await Promise.all(
      Array.from({ length: 200 }, () => http().post('/api/v1/appeals').set(operator).send(card)),
    );
    expect(responses.filter((response) => response.status !== 201)).toEqual([]);
    const numbers = responses.map((response) => response.body.registrationNumber as string);
    expect(new Set(numbers).size).toBe(200);

    const rows = await queryRows<{ registration_number: string }>(
      service.databaseUrl,
      'SELECT registration_number FROM appeals ORDER BY registration_number',
    );
    const sequences = rows.map((row) => Number(row.registration_number.slice(-6)));
    expect(sequences).toEqual(Array.from({ length: before + 200 }, (_, i) => i + 1));

    await waitFor(
      '200 more registered events',
      () => (probe.on(appealTopic).length >= before + 200 ? true : undefined),
      { timeoutMs: 30_000 },
    );
    const published = probe
      .on(appealTopic)
      .map((message) => message.json<{ data: { registrationNumber: string } }>().data.registrationNumber);
    expect(new Set(published).size).toBe(published.length);
    expect(published).toEqual(expect.arrayContaining(numbers));
  });
});
