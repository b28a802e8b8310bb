import { randomUUID } from 'node:crypto';
import { AppealRoutedV1, DirectoryUnitChangedV1 } from '@akimat/contracts';
import { asStaff, queryRows, waitFor } from '@akimat/testing';
import { appealTopic, registered, RoutingHarness, startRouting } from './routing-test-kit';

const LAND_RULE = { id: 'a8bf4e9d-e738-4e1b-8af4-fec717295dbe', version: 1, name: 'Land plot keywords' };

describe('routing: consume appeal.registered, decide, publish (real PostgreSQL and Kafka)', () => {
  let routing: RoutingHarness;

  beforeAll(async () => {
    routing = await startRouting();
  });

  afterAll(() => routing?.close());

  it('seeds the Makhambet directory and publishes each seeded unit once', async () => {
    const { body } = await asStaff(routing.http()).get('/api/v1/units').expect(200);
    const codes = body.items.map((unit: { code: string }) => unit.code);
    expect(codes).toEqual(expect.arrayContaining(['chief-of-staff-triage', 'land-relations', 'rd-sarayshyk']));
    await waitFor(
      'every seeded unit published',
      () => routing.published('directory.unit_changed').length >= codes.length,
    );
    const land = routing.published<DirectoryUnitChangedV1>('directory.unit_changed', 'land-relations');
    expect(land).toHaveLength(1);
    expect(land[0].data).toMatchObject({ code: 'land-relations', revision: 1, active: true, head: { language: 'ru' } });
  });

  it('routes Kazakh text by keyword, cites the rule and its version, and explains the decision', async () => {
    const event = registered({ category: 'other', text: 'Менің жер учаскесімнің құжаттары дайын емес' });
    await routing.probe.produce(appealTopic(), event, event.subject);
    const [routed] = await routing.nextPublished<AppealRoutedV1>('appeal.routed', event.subject);
    expect(routed.correlationId).toBe(event.correlationId);
    expect(routed.data).toMatchObject({
      unit: { code: 'land-relations', nameRu: 'Отдел земельных отношений' },
      head: { name: 'Марат Есенов', position: 'Бөлім басшысы', email: 'land@makhambet.example.kz', language: 'ru' },
      rule: LAND_RULE,
      reason: 'rule "Land plot keywords" v1 matched keyword "жер учаскесі" in the text ("жер учаскесімнің")',
      deadlines: [
        { kind: 'brief_answer', dueAt: expect.any(String) },
        { kind: 'full_answer', dueAt: expect.any(String) },
      ],
    });

    const { body } = await asStaff(routing.http()).get(`/api/v1/assignments/${event.subject}`).expect(200);
    expect(body).toMatchObject({ unitCode: 'land-relations', rule: LAND_RULE, reason: routed.data.reason });
    expect(body.history).toEqual([
      expect.objectContaining({ kind: 'routed', unitCode: 'land-relations', rule: LAND_RULE, actor: null }),
    ]);
  });

  it('routes Russian text, categories, the official’s choice and the unroutable', async () => {
    const cases = [
      [registered({ text: 'Прошу провести ветеринарный осмотр скота' }), 'agriculture-veterinary'],
      [registered({ category: 'housing', text: 'Шатыр ағып тұр' }), 'housing-inspection'],
      [registered({ category: 'housing', preferredUnitCode: 'rd-sarayshyk' }), 'rd-sarayshyk'],
      [registered({ category: 'health', locality: 'Бейбарыс ауылы' }), 'rd-beybarys'],
      [
        registered({ category: 'health', anonymous: true, resident: undefined, answerRequired: false }),
        'chief-of-staff-triage',
      ],
    ] as const;
    for (const [event] of cases) await routing.probe.produce(appealTopic(), event, event.subject);
    for (const [event, unitCode] of cases) {
      const [routed] = await routing.nextPublished<AppealRoutedV1>('appeal.routed', event.subject);
      expect(routed.data.unit.code).toBe(unitCode);
    }
    const anonymous = cases[4][0];
    const [anonymousRouted] = routing.published<AppealRoutedV1>('appeal.routed', anonymous.subject);
    expect(anonymousRouted.data.deadlines).toEqual([]);
    const { body } = await asStaff(routing.http()).get(`/api/v1/assignments/${anonymous.subject}`).expect(200);
    expect(body).toMatchObject({ reason: 'triage: no rule matched', rule: null, answerRequired: false });
  });

  it('changes nothing when appeal.registered is delivered twice', async () => {
    const event = registered({ category: 'education' });
    await routing.probe.produce(appealTopic(), event, event.subject);
    await routing.probe.produce(appealTopic(), event, event.subject);
    // Same content under a new event id: the existence check, not only the event-id record, holds.
    const resent = { ...event, id: randomUUID() };
    await routing.probe.produce(appealTopic(), resent, event.subject);
    const db = routing.service.databaseUrl;
    await waitFor(
      'the re-sent copy handled',
      async () => (await queryRows(db, 'SELECT 1 FROM processed_events WHERE event_id = $1', [resent.id])).length === 1,
    );
    expect(await queryRows(db, 'SELECT 1 FROM assignment_history WHERE appeal_id = $1', [event.subject])).toHaveLength(
      1,
    );
    expect(await queryRows(db, 'SELECT 1 FROM outbox_events WHERE key = $1', [event.subject])).toHaveLength(1);
    await routing.nextPublished('appeal.routed', event.subject);
    expect(routing.published('appeal.routed', event.subject)).toHaveLength(1);
  });

  it('answers 404 for an appeal it has not routed and 400 for a malformed id', async () => {
    await asStaff(routing.http()).get(`/api/v1/assignments/${randomUUID()}`).expect(404);
    await asStaff(routing.http()).get('/api/v1/assignments/42').expect(400);
  });
});
