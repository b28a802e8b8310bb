import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { AppealRegisteredV1, buildEnvelope, physicalTopic, TOPICS } from '@akimat/contracts';
import { KafkaProbe, queryRows, RunningService, startServiceForTest, waitFor } from '@akimat/testing';
import { AppModule } from '../src/app/app.module';
import { routingEnvSchema } from '../src/app/routing-env.schema';

function registered(overrides: Partial<AppealRegisteredV1> = {}) {
  const appealId = randomUUID();
  return buildEnvelope(
    'appeal.registered',
    {
      appealId,
      registrationNumber: `MAH-2026-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
      registeredAt: new Date().toISOString(),
      category: 'housing',
      channel: 'reception',
      anonymous: false,
      resident: { name: 'Resident', language: 'kk' },
      text: 'Шатыр ағып тұр',
      ...overrides,
    },
    { producer: 'appeals', correlationId: `corr-${appealId}`, subject: appealId },
  );
}

describe('routing service (real PostgreSQL and Kafka)', () => {
  let service: RunningService;
  const probe = new KafkaProbe();
  const appealTopic = physicalTopic(TOPICS.appealEvents);
  const routingTopic = physicalTopic(TOPICS.routingEvents);

  beforeAll(async () => {
    service = await startServiceForTest({ serviceName: 'routing', envSchema: routingEnvSchema, appModule: AppModule });
    await probe.record([routingTopic]);
  });

  afterAll(async () => {
    await probe.close();
    await service?.close();
  });

  const routedFor = (appealId: string) =>
    probe.on(routingTopic).filter((message) => message.key === appealId).map((message) => message.json<{
      type: string;
      correlationId: string;
      data: { unit: { code: string }; head: { name: string; email?: string }; reason: string };
    }>());

  it('seeds the Makhambet directory', async () => {
    const { body } = await request(service.app.getHttpServer()).get('/api/v1/units').expect(200);
    const codes = body.items.map((unit: { code: string }) => unit.code);
    expect(codes).toEqual(expect.arrayContaining(['chief-of-staff-triage', 'housing-inspection', 'rd-sarayshyk']));
  });

  it('routes by category, publishes appeal.routed with the head, and keeps the correlation id', async () => {
    const event = registered({ category: 'housing' });
    await probe.produce(appealTopic, event, event.subject);
    const [routed] = await waitFor('appeal.routed', () => routedFor(event.subject).length > 0 && routedFor(event.subject));
    expect(routed.type).toBe('appeal.routed');
    expect(routed.correlationId).toBe(event.correlationId);
    expect(routed.data.unit.code).toBe('housing-inspection');
    expect(routed.data.head.email).toBe('housing@makhambet.example.kz');
    expect(routed.data.reason).toBe('category:housing');

    const { body } = await request(service.app.getHttpServer()).get(`/api/v1/assignments/${event.subject}`).expect(200);
    expect(body).toMatchObject({ unitCode: 'housing-inspection', reason: 'category:housing' });
  });

  it('honours the unit the official chose, and sends the unroutable to triage', async () => {
    const chosen = registered({ category: 'housing', preferredUnitCode: 'rd-sarayshyk' });
    const unroutable = registered({ category: 'health' });
    await probe.produce(appealTopic, chosen, chosen.subject);
    await probe.produce(appealTopic, unroutable, unroutable.subject);
    const [toChosen] = await waitFor('chosen routed', () => routedFor(chosen.subject).length > 0 && routedFor(chosen.subject));
    const [toTriage] = await waitFor('triage routed', () => routedFor(unroutable.subject).length > 0 && routedFor(unroutable.subject));
    expect(toChosen.data.unit.code).toBe('rd-sarayshyk');
    expect(toTriage.data.unit.code).toBe('chief-of-staff-triage');
  });

  it('changes nothing when appeal.registered is delivered twice', async () => {
    const event = registered({ category: 'education' });
    await probe.produce(appealTopic, event, event.subject);
    await probe.produce(appealTopic, event, event.subject);
    // A later event with the same key lands on the same partition, so once it is handled
    // the duplicate before it has been too.
    const marker = { ...event, id: randomUUID() };
    await probe.produce(appealTopic, marker, event.subject);
    await waitFor('the marker handled', async () =>
      (await queryRows(service.databaseUrl, 'SELECT 1 FROM processed_events WHERE event_id = $1', [marker.id])).length === 1,
    );
    expect(await queryRows(service.databaseUrl, 'SELECT 1 FROM assignments WHERE appeal_id = $1', [event.subject])).toHaveLength(1);
    const outbox = await queryRows<{ sent_at: Date | null }>(service.databaseUrl, 'SELECT sent_at FROM outbox_events WHERE key = $1', [event.subject]);
    expect(outbox).toHaveLength(1);
    await waitFor('appeal.routed published', () => routedFor(event.subject).length === 1);
  });

  it('answers 404 for an appeal it has not routed and 400 for a malformed id', async () => {
    await request(service.app.getHttpServer()).get(`/api/v1/assignments/${randomUUID()}`).expect(404);
    await request(service.app.getHttpServer()).get('/api/v1/assignments/42').expect(400);
  });
});
