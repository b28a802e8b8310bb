import { asStaff, queryRows } from '@akimat/testing';
import { randomUUID } from 'node:crypto';
import { AppealReassignedV1, AppealRoutedV1, DirectoryUnitChangedV1 } from '@akimat/contracts';
import { appealTopic, chiefOfStaff, registered, RoutingHarness, startRouting } from './routing-test-kit';

const LAND_RULE_ID = 'a8bf4e9d-e738-4e1b-8af4-fec717295dbe';

describe('routing: versioned rules, reassignment and directory changes (real PostgreSQL and Kafka)', () => {
  let routing: RoutingHarness;

  beforeAll(async () => {
    routing = await startRouting();
  });

  afterAll(() => routing?.close());

  const routeOne = async (overrides: Parameters<typeof registered>[0]) => {
    const event = registered(overrides);
    await routing.probe.produce(appealTopic(), event, event.subject);
    const [routed] = await routing.nextPublished<AppealRoutedV1>('appeal.routed', event.subject);
    return { event, routed };
  };

  it('a rule change makes version 2, keeps version 1, and the next decision cites version 2', async () => {
    const { body: v1 } = await asStaff(routing.http()).get(`/api/v1/rules/${LAND_RULE_ID}`).expect(200);
    const { name, priority, enabled, categories, localities, keywords, channels, targetUnitCode } = v1;
    const dto = { name, priority, enabled, categories, localities, keywords, channels, targetUnitCode };
    const { body: v2 } = await asStaff(routing.http())
      .put(`/api/v1/rules/${LAND_RULE_ID}`)
      .set(chiefOfStaff)
      .send({ ...dto, keywords: [...dto.keywords, 'кадастр'] })
      .expect(200);
    expect(v2).toMatchObject({ version: 2, keywords: expect.arrayContaining(['кадастр']) });

    const { body: rule } = await asStaff(routing.http()).get(`/api/v1/rules/${LAND_RULE_ID}`).expect(200);
    expect(rule.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(rule.versions[0].changedBy).toBe('Ержан Қайратұлы (Аппарат басшысы)');

    const { routed } = await routeOne({ text: 'Кадастровый номер не совпадает' });
    expect(routed.data.rule).toEqual({ id: LAND_RULE_ID, version: 2, name: 'Land plot keywords' });
    expect(routed.data.reason).toBe(
      'rule "Land plot keywords" v2 matched keyword "кадастр" in the text ("кадастровый")',
    );
  });

  it('a switched-off rule is skipped; switching it back on is another version', async () => {
    await asStaff(routing.http()).post(`/api/v1/rules/${LAND_RULE_ID}/disable`).set(chiefOfStaff).expect(200);
    expect((await routeOne({ text: 'жер учаскесі' })).routed.data.unit.code).toBe('chief-of-staff-triage');
    const { body } = await asStaff(routing.http())
      .post(`/api/v1/rules/${LAND_RULE_ID}/enable`)
      .set(chiefOfStaff)
      .expect(200);
    expect(body).toMatchObject({ enabled: true, version: 4 });
    expect((await routeOne({ text: 'жер учаскесі' })).routed.data.rule?.version).toBe(4);
  });

  it('refuses a rule naming an unknown unit, a rule without conditions, and an anonymous change', async () => {
    const rule = { name: 'Nowhere', priority: 5, keywords: ['жол'], targetUnitCode: 'no-such-unit' };
    const { body } = await asStaff(routing.http()).post('/api/v1/rules').set(chiefOfStaff).send(rule).expect(400);
    expect(body.violations).toEqual([expect.objectContaining({ field: 'targetUnitCode', rule: 'activeUnit' })]);
    const { body: empty } = await asStaff(routing.http())
      .post('/api/v1/rules')
      .set(chiefOfStaff)
      .send({ ...rule, keywords: [], targetUnitCode: 'education' })
      .expect(400);
    expect(empty.violations).toEqual([expect.objectContaining({ field: 'conditions', rule: 'atLeastOne' })]);
    await asStaff(routing.http(), {})
      .post('/api/v1/rules')
      .send({ ...rule, targetUnitCode: 'education' })
      .expect(401);
  });

  it('reassigns: appeal.reassigned published, both decisions in the history, deadlines keep running', async () => {
    const { event, routed } = await routeOne({ category: 'housing' });
    const { body } = await asStaff(routing.http())
      .post(`/api/v1/appeals/${event.subject}/reassign`)
      .set(chiefOfStaff)
      .send({ targetUnitCode: 'rd-almaly', reason: 'Бұл ауылдық округтің мәселесі' })
      .expect(200);
    expect(body).toMatchObject({ unitCode: 'rd-almaly', rule: null, deadlinesFrom: event.data.registeredAt });
    expect(body.history).toEqual([
      expect.objectContaining({
        kind: 'routed',
        unitCode: 'housing-inspection',
        rule: expect.objectContaining({ name: 'Category housing' }),
      }),
      expect.objectContaining({
        kind: 'reassigned',
        unitCode: 'rd-almaly',
        fromUnitCode: 'housing-inspection',
        reason: 'Бұл ауылдық округтің мәселесі',
        actor: { name: 'Ержан Қайратұлы', position: 'Аппарат басшысы' },
      }),
    ]);

    const [reassigned] = await routing.nextPublished<AppealReassignedV1>('appeal.reassigned', event.subject);
    expect(reassigned.data).toMatchObject({
      fromUnit: { code: 'housing-inspection' },
      unit: { code: 'rd-almaly' },
      head: { name: 'Ерлан Дүйсенов', language: 'ru' },
      reassignedBy: { name: 'Ержан Қайратұлы', position: 'Аппарат басшысы' },
      deadlines: routed.data.deadlines,
    });
  });

  it('refuses a reassignment to the same, an unknown or no unit, and of an unknown appeal', async () => {
    const { event } = await routeOne({ category: 'education' });
    const reassign = (id: string, targetUnitCode: string) =>
      asStaff(routing.http())
        .post(`/api/v1/appeals/${id}/reassign`)
        .set(chiefOfStaff)
        .send({ targetUnitCode, reason: 'Не наше' });
    await reassign(event.subject, 'education').expect(409);
    const { body } = await reassign(event.subject, 'no-such-unit').expect(400);
    expect(body.violations).toEqual([expect.objectContaining({ field: 'targetUnitCode' })]);
    await reassign(randomUUID(), 'education').expect(404);
  });

  it('a unit change bumps its revision and publishes directory.unit_changed', async () => {
    const { body: unit } = await asStaff(routing.http()).get('/api/v1/units/defence-affairs').expect(200);
    const { kind, nameKk, nameRu, head } = unit;
    const changed = { kind, nameKk, nameRu, head: { ...head, name: 'Жаңа Басшы', phone: '+77120000099' } };
    const { body } = await asStaff(routing.http())
      .put('/api/v1/units/defence-affairs')
      .set(chiefOfStaff)
      .send(changed)
      .expect(200);
    expect(body).toMatchObject({ revision: 2, head: { name: 'Жаңа Басшы' } });
    const events = await routing.nextPublished<DirectoryUnitChangedV1>('directory.unit_changed', 'defence-affairs', 2);
    expect(events.map((e) => e.data.revision)).toEqual([1, 2]);
    expect(events[1].data.head).toMatchObject({ name: 'Жаңа Басшы', phone: '+77120000099' });

    const { routed } = await routeOne({ text: 'Әскерге шақыру қағазы келді' });
    expect(routed.data.head.name).toBe('Жаңа Басшы');

    const bad = { ...changed, head: { ...changed.head, phone: '87011234567' } };
    const { body: refused } = await asStaff(routing.http())
      .put('/api/v1/units/defence-affairs')
      .set(chiefOfStaff)
      .send(bad)
      .expect(400);
    expect(refused.violations).toEqual([expect.objectContaining({ field: 'head.phone', rule: 'matches' })]);
  });

  it('stores who changed a rule, a unit or an assignment in the change\'s own transaction', async () => {
    // xmin is the id of the transaction that wrote a row: the same id means one commit, so a process
    // killed between the change and its audit entry cannot keep one without the other.
    const writerOf = async (sql: string, params: unknown[]) =>
      (await queryRows<{ xmin: string }>(routing.service.databaseUrl, sql, params))[0]?.xmin;
    const auditedBy = (action: string) =>
      writerOf('SELECT xmin::text FROM audit_trail WHERE action = $1 AND outcome = 200 ORDER BY id DESC LIMIT 1', [action]);

    const enabledRule = await writerOf(
      'SELECT xmin::text FROM routing_rule_versions WHERE rule_id = $1 ORDER BY version DESC LIMIT 1',
      [LAND_RULE_ID],
    );
    expect(enabledRule).toBeDefined();
    expect(await auditedBy('POST /api/v1/rules/:id/enable')).toBe(enabledRule);

    const changedUnit = await writerOf('SELECT xmin::text FROM units WHERE code = $1', ['defence-affairs']);
    expect(await auditedBy('PUT /api/v1/units/:code')).toBe(changedUnit);

    const reassignment = await writerOf(
      "SELECT xmin::text FROM assignment_history WHERE kind = 'reassigned' ORDER BY id DESC LIMIT 1",
      [],
    );
    expect(reassignment).toBeDefined();
    expect(await auditedBy('POST /api/v1/appeals/:id/reassign')).toBe(reassignment);
  });
});
