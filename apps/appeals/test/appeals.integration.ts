import { randomUUID } from 'node:crypto';
import { deadLetterTopic, physicalTopic, TOPICS } from '@akimat/contracts';
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
import { routedEvent } from './appeals-test-kit';
import { appealsEnvSchema } from '../src/app/appeals-env.schema';

const validAppeal = {
  resident: { fullName: 'Серікова Әсел', iin: '950101300016', phone: '8 (701) 123-45-67', language: 'kk' },
  category: 'housing',
  channel: 'reception',
  text: 'Үйдің шатыры ағып тұр. Крыша протекает — просим помочь 🙏',
};
const akim = actingAs('Қуаныш Ерғалиев', 'Аудан әкімі');

describe('appeals service (real PostgreSQL and Kafka)', () => {
  let service: RunningService;
  const probe = new KafkaProbe();
  const appealTopic = physicalTopic(TOPICS.appealEvents);
  const routingTopic = physicalTopic(TOPICS.routingEvents);

  beforeAll(async () => {
    service = await startServiceForTest({ serviceName: 'appeals', envSchema: appealsEnvSchema, appModule: AppModule });
    await probe.record([appealTopic, deadLetterTopic(routingTopic)]);
  });

  afterAll(async () => {
    await probe.close();
    await service?.close();
  });

  const http = () => asStaff(service.app.getHttpServer());

  it('registers an appeal, keeps its text byte-exact and publishes appeal.registered through the outbox', async () => {
    const response = await http()
      .post('/api/v1/appeals')
      .set(akim)
      .set('x-correlation-id', 'it-corr-1')
      .send(validAppeal)
      .expect(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      registrationNumber: expect.stringMatching(/^MAH-\d{4}-\d{6}$/),
      trackingCode: expect.stringMatching(/^[A-Z2-9]{10}$/),
      status: 'registered',
      registeredAt: expect.any(String),
      registrationDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });

    const stored = await http().get(`/api/v1/appeals/${response.body.id}`).expect(200);
    expect(stored.body.text).toBe(validAppeal.text);
    expect(stored.body.resident.phone).toBe('+77011234567');
    expect(stored.body.resident.iin).toBe('********0016');
    expect(stored.body.receivedBy).toEqual({ name: 'Қуаныш Ерғалиев', position: 'Аудан әкімі' });
    expect(stored.body.timeline).toEqual([
      expect.objectContaining({ kind: 'registered', actorName: 'Қуаныш Ерғалиев' }),
    ]);

    const published = await waitFor('appeal.registered on Kafka', () =>
      probe.on(appealTopic).find((message) => message.key === response.body.id),
    );
    const event = published.json<{ type: string; correlationId: string; data: Record<string, unknown> }>();
    expect(event.type).toBe('appeal.registered');
    expect(event.correlationId).toBe('it-corr-1');
    expect(event.data['registrationNumber']).toBe(response.body.registrationNumber);
    expect(event.data['text']).toBe(validAppeal.text);
    expect(published.value).not.toContain('950101300016');
    expect(event.data['receivedBy']).toEqual({ name: 'Қуаныш Ерғалиев', position: 'Аудан әкімі' });
    expect(event.data['answerRequired']).toBe(true);

    const [outbox] = await queryRows<{ sent_at: Date | null }>(
      service.databaseUrl,
      'SELECT sent_at FROM outbox_events WHERE key = $1',
      [response.body.id],
    );
    expect(outbox.sent_at).not.toBeNull();
  });

  it('refuses bad input with 400 naming each field and rule, and stores nothing', async () => {
    const before = await queryRows(service.databaseUrl, 'SELECT id FROM appeals');
    const response = await http()
      .post('/api/v1/appeals')
      .set(akim)
      .send({ ...validAppeal, resident: { ...validAppeal.resident, iin: '950101300013' }, channel: 'fax', text: '' })
      .expect(400);
    expect(response.body.violations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'resident.iin', rule: 'isIin' }),
        expect.objectContaining({ field: 'channel', rule: 'isIn' }),
        expect.objectContaining({ field: 'text', rule: 'isLength' }),
      ]),
    );
    const unknownCategory = await http()
      .post('/api/v1/appeals')
      .set(akim)
      .send({ ...validAppeal, category: 'weather' })
      .expect(400);
    expect(unknownCategory.body.violations).toEqual([
      expect.objectContaining({ field: 'category', rule: 'inCatalogue' }),
    ]);
    await http()
      .post('/api/v1/appeals')
      .set(akim)
      .set('content-type', 'application/json')
      .send('{"broken":')
      .expect(400);
    await http().get('/api/v1/appeals/not-a-uuid').expect(400);
    await http().get(`/api/v1/appeals/${randomUUID()}`).expect(404);
    const anonymousWithResident = await http()
      .post('/api/v1/appeals')
      .set(akim)
      .send({ ...validAppeal, anonymous: true })
      .expect(400);
    expect(anonymousWithResident.body.violations).toEqual([
      expect.objectContaining({ field: 'resident', rule: 'absentWhenAnonymous' }),
    ]);
    const noActor = await asStaff(service.app.getHttpServer(), {})
      .post('/api/v1/appeals')
      .send(validAppeal)
      .expect(401);
    expect(noActor.body.message).toContain('Authorization: Bearer');
    expect(await queryRows(service.databaseUrl, 'SELECT id FROM appeals')).toHaveLength(before.length);
  });

  it('shows the assignment from appeal.routed, once, and dead-letters a malformed event without blocking', async () => {
    const { body: appeal } = await http().post('/api/v1/appeals').set(akim).send(validAppeal).expect(201);
    const routed = (unitCode: string) => routedEvent(appeal, unitCode);
    const first = routed('housing-inspection');
    await probe.produce(routingTopic, '{"this is": not json', appeal.id);
    await probe.produce(routingTopic, first, appeal.id);
    // The same event id again, even with other data, must change nothing.
    await probe.produce(routingTopic, { ...routed('education'), id: first.id }, appeal.id);

    const assigned = await waitFor('assignment on the card', async () => {
      const { body } = await http().get(`/api/v1/appeals/${appeal.id}`);
      return body.assignment ?? undefined;
    });
    expect(assigned).toMatchObject({ unitCode: 'housing-inspection', reason: first.data.reason });
    const card = await http().get(`/api/v1/appeals/${appeal.id}`);
    expect(card.body.status).toBe('assigned');

    const deadLetter = await waitFor('the malformed event on the dead-letter topic', () =>
      probe.on(deadLetterTopic(routingTopic)).find((message) => message.key === appeal.id),
    );
    expect(deadLetter.headers['dlt-failure']).toBe('not-json');
    expect(deadLetter.value).toBe('{"this is": not json');

    const processed = await queryRows(
      service.databaseUrl,
      'SELECT event_id FROM processed_events WHERE event_id = $1',
      [first.id],
    );
    expect(processed).toHaveLength(1);
    const { body } = await http().get(`/api/v1/appeals/${appeal.id}`);
    expect(body.assignment.unitCode).toBe('housing-inspection');
  });

  it('limits resident tracking calls per client, against guessing tracking codes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1) {
      const response = await http().get('/api/v1/track/MAH-2026-000001').set('x-tracking-code', `GUESS${i}`);
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 30).every((status) => status === 404)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});
