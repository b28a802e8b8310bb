import { actingAs, queryRows } from '@akimat/testing';
import { startAppeals } from './appeals-test-kit';

const housingHead = actingAs('Гүлнар Сапарова', 'Бөлім басшысы', {
  roles: ['department_head'],
  unit: 'housing-inspection',
});
const landHead = actingAs('Марат Есенов', 'Бөлім басшысы', { roles: ['department_head'], unit: 'land-relations' });
const operator = actingAs('Айгерім Оператор', 'Оператор', { roles: ['operator'] });
const chiefOfStaff = actingAs('Ержан Қайратұлы', 'Аппарат басшысы', { roles: ['chief_of_staff'] });
const deputy = actingAs('Серік Орынбасар', 'Әкімнің орынбасары', { roles: ['deputy_akim'] });

/** Issue #10: unit scoping of heads, and the audit trail, against real PostgreSQL and Kafka. */
describe('appeals access: unit scoping and audit trail', () => {
  let appeals: Awaited<ReturnType<typeof startAppeals>>;
  let housing: { id: string; registrationNumber: string; trackingCode: string };
  let land: { id: string; registrationNumber: string; trackingCode: string };

  beforeAll(async () => {
    appeals = await startAppeals();
    const record = async () => {
      const { body } = await appeals.http().post('/api/v1/appeals').set(operator).send(cardOf()).expect(201);
      return body as typeof housing;
    };
    housing = await record();
    land = await record();
    await appeals.route(housing, [], 'housing-inspection');
    await appeals.route(land, [], 'land-relations');
  });

  afterAll(() => appeals?.close());

  it("shows a head only his unit's appeals: another unit's card, receipt and inbox answer 404", async () => {
    const http = appeals.http;
    const { body: own } = await http().get('/api/v1/appeals').set(housingHead).expect(200);
    expect(own.items.map((item: { id: string }) => item.id)).toEqual([housing.id]);
    await http().get('/api/v1/appeals?unitId=housing-inspection').set(housingHead).expect(200);
    await http().get('/api/v1/appeals?unitId=land-relations').set(housingHead).expect(404);
    await http().get(`/api/v1/appeals/${housing.id}`).set(housingHead).expect(200);
    const other = await http().get(`/api/v1/appeals/${land.id}`).set(housingHead).expect(404);
    expect(JSON.stringify(other.body)).not.toContain(land.registrationNumber);
    await http().get(`/api/v1/appeals/${land.id}/receipt.pdf`).set(housingHead).expect(404);
    // Leadership sees every unit.
    const { body: all } = await http().get('/api/v1/appeals').set(deputy).expect(200);
    expect(all.items.map((item: { id: string }) => item.id).sort()).toEqual([housing.id, land.id].sort());
  });

  it("lets a head answer only his unit's appeals; the answer names him from his token", async () => {
    const http = appeals.http;
    await http()
      .post(`/api/v1/appeals/${land.id}/brief-answer`)
      .set(housingHead)
      .send({ text: 'Қаралуда' })
      .expect(404);
    await http().post(`/api/v1/appeals/${land.id}/brief-answer`).set(landHead).send({ text: 'Қаралуда' }).expect(200);
    await http()
      .post(`/api/v1/appeals/${land.id}/extend`)
      .set(landHead)
      .send({ reason: 'x', until: '2027-01-01' })
      .expect(403);
    const { body: card } = await http().get(`/api/v1/appeals/${land.id}`).set(landHead).expect(200);
    expect(card.answers[0].author).toEqual({ name: 'Марат Есенов', position: 'Бөлім басшысы' });
  });

  it('records who changed or read what, when and from where, append-only, for the chief of staff alone', async () => {
    const http = appeals.http;
    await http().get(`/api/v1/appeals/${housing.id}`).set(housingHead).expect(200);
    await http().get(`/api/v1/appeals/${land.id}`).set(housingHead).expect(404);

    const { body } = await http().get(`/api/v1/audit?target=${housing.id}`).set(chiefOfStaff).expect(200);
    expect(body.items[0]).toMatchObject({
      actorId: 'test:Гүлнар Сапарова',
      actorName: 'Гүлнар Сапарова',
      actorRoles: ['department_head'],
      action: 'GET /api/v1/appeals/:id',
      target: housing.id,
      outcome: 200,
      sourceIp: expect.stringMatching(/127\.0\.0\.1/),
      correlationId: expect.any(String),
    });
    const { body: landTrail } = await http().get(`/api/v1/audit?target=${land.id}`).set(chiefOfStaff).expect(200);
    const actions = landTrail.items.map(
      (entry: { action: string; outcome: number; actorName: string }) =>
        `${entry.actorName}: ${entry.action} → ${entry.outcome}`,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'Гүлнар Сапарова: GET /api/v1/appeals/:id → 404',
        'Марат Есенов: POST /api/v1/appeals/:id/brief-answer → 200',
        'Гүлнар Сапарова: POST /api/v1/appeals/:id/brief-answer → 404',
      ]),
    );
    // The answer's entry was stored with the answer, in its transaction, and only there.
    expect(
      actions.filter((action: string) => action.includes('Марат Есенов: POST /api/v1/appeals/:id/brief-answer')),
    ).toHaveLength(1);
    const { body: byOperator } = await http()
      .get('/api/v1/audit?actorId=test:Айгерім Оператор')
      .set(chiefOfStaff)
      .expect(200);
    expect(
      byOperator.items.filter((entry: { action: string }) => entry.action === 'POST /api/v1/appeals'),
    ).toHaveLength(2);

    await http().get('/api/v1/audit').set(deputy).expect(403);
    await http().get('/api/v1/audit').set(housingHead).expect(403);
    await expect(
      queryRows(appeals.service.databaseUrl, "UPDATE audit_trail SET actor_name = 'nobody'"),
    ).rejects.toThrow(/append-only/);
    await expect(queryRows(appeals.service.databaseUrl, 'DELETE FROM audit_trail')).rejects.toThrow(/append-only/);
    await expect(queryRows(appeals.service.databaseUrl, 'TRUNCATE audit_trail')).rejects.toThrow(/append-only/);
  });

  it("stores a registration's entry with the card (once, also for a retry), and a refused retry's with its 409", async () => {
    const http = appeals.http;
    const clerk = actingAs('Idempotent Clerk', 'Оператор', { roles: ['operator'] });
    const key = { 'idempotency-key': 'audit-retry-0001' };
    await http()
      .post('/api/v1/appeals')
      .set({ ...clerk, ...key })
      .send(cardOf())
      .expect(201);
    await http()
      .post('/api/v1/appeals')
      .set({ ...clerk, ...key })
      .send(cardOf())
      .expect(201);
    await http()
      .post('/api/v1/appeals')
      .set({ ...clerk, ...key })
      .send({ ...cardOf(), text: 'Басқа' })
      .expect(409);
    const { body } = await http().get('/api/v1/audit?actorId=test:Idempotent Clerk').set(chiefOfStaff).expect(200);
    expect(body.items.map((entry: { outcome: number }) => entry.outcome).sort()).toEqual([201, 201, 409]);
  });

  it('keeps the IIN and phone out of the audit trail and of every event', async () => {
    const trail = await queryRows(appeals.service.databaseUrl, 'SELECT * FROM audit_trail');
    expect(JSON.stringify(trail)).not.toMatch(/950101300016|7011234567/);
    const events = [...appeals.eventsOf(housing.id), ...appeals.eventsOf(land.id)];
    expect(events.length).toBeGreaterThan(0);
    expect(JSON.stringify(events)).not.toMatch(/950101300016|7011234567/);
    // The phone travels sealed, for notifications alone.
    const registered = events.find((event) => event.type === 'appeal.registered');
    expect(registered?.data).toMatchObject({
      resident: { name: 'Серікова Әсел', language: 'kk' },
      sealedContact: expect.stringMatching(/^v1\./),
    });
    expect(registered?.data['resident']).not.toHaveProperty('phone');
  });
});

function cardOf() {
  return {
    resident: { fullName: 'Серікова Әсел', iin: '950101300016', phone: '+77011234567', language: 'kk' },
    category: 'housing',
    channel: 'reception',
    text: 'Шатыр ағып тұр',
  };
}
