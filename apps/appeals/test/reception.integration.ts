import { actingAs, queryRows, waitFor } from '@akimat/testing';
import { AppealsHarness, akim, card, hours, startAppeals } from './appeals-test-kit';

describe('reception sessions, walk-in services and receipts (real PostgreSQL and Kafka)', () => {
  let appeals: AppealsHarness;
  beforeAll(async () => {
    appeals = await startAppeals();
  });
  afterAll(() => appeals?.close());
  const http = () => appeals.http();
  const register = (body?: object) => appeals.register(body);

  it('records reception sessions and appeals inside them, received by the session’s official', async () => {
    const session = await http()
      .post('/api/v1/reception-sessions')
      .set(actingAs('Аппарат қызметкері'))
      .send({
        officialName: 'Қуаныш Ерғалиев',
        officialPosition: 'akim',
        place: 'Ашық әкімдік',
        startsAt: hours(-1),
        endsAt: hours(3),
      })
      .expect(201);
    await http()
      .post('/api/v1/reception-sessions')
      .set(akim)
      .send({ officialName: 'X', officialPosition: 'king', place: 'Y', startsAt: hours(1), endsAt: hours(0) })
      .expect(400);
    const appeal = await register({ ...card, receptionSessionId: session.body.id });
    const { body } = await http().get(`/api/v1/appeals/${appeal.id}`);
    expect(body.receptionSessionId).toBe(session.body.id);
    expect(body.receivedBy).toEqual({ name: 'Қуаныш Ерғалиев', position: 'District akim' });
    const list = await http().get('/api/v1/reception-sessions').expect(200);
    expect(list.body.map((s: { id: string }) => s.id)).toContain(session.body.id);
    await http()
      .post('/api/v1/appeals')
      .set(akim)
      .send({ ...card, receptionSessionId: '6f1c1a2e-8a4b-4c1e-9f3a-2b7d5e6c8a90' })
      .expect(400);
  });

  it('lists the active category catalogue in both languages for the reception desk', async () => {
    const { body } = await http().get('/api/v1/categories').expect(200);
    expect(body.map((category: { code: string }) => category.code)).toEqual(
      expect.arrayContaining(['housing', 'land_architecture', 'other']),
    );
    expect(body.find((category: { code: string }) => category.code === 'housing')).toEqual({
      code: 'housing',
      nameKk: expect.stringMatching(/\S/),
      nameRu: expect.stringMatching(/\S/),
    });
  });

  it('records walk-in services from the catalogue and publishes service.rendered', async () => {
    const catalogue = await http().get('/api/v1/service-visits/catalogue').expect(200);
    expect(
      catalogue.body
        .find((sector: { code: string }) => sector.code === 'self_service')
        .services.map((s: { code: string }) => s.code),
    ).toEqual(['certificate', 'eds']);
    const visit = await http()
      .post('/api/v1/service-visits')
      .set(actingAs('Оператор'))
      .send({ sector: 'self_service', service: 'eds' })
      .expect(201);
    const bad = await http()
      .post('/api/v1/service-visits')
      .set(actingAs('Оператор'))
      .send({ sector: 'self_service', service: 'land_plot' })
      .expect(400);
    expect(bad.body.violations).toEqual([expect.objectContaining({ field: 'service', rule: 'inCatalogue' })]);
    const event = await waitFor('service.rendered', () =>
      appeals.probe.on(appeals.appealTopic).find((message) => message.key === visit.body.id),
    );
    expect(event.json<{ type: string; data: unknown }>()).toMatchObject({
      type: 'service.rendered',
      data: { visitId: visit.body.id, sector: 'self_service', service: 'eds', renderedBy: { name: 'Оператор' } },
    });
  });

  it('renders the receipt as a PDF in Kazakh and in Russian', async () => {
    const appeal = await register();
    for (const lang of ['kk', 'ru']) {
      const response = await http()
        .get(`/api/v1/appeals/${appeal.id}/receipt.pdf`)
        .query({ lang })
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      const pdf = response.body as Buffer;
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.toString('latin1')).toContain('DejaVuSans');
      expect(response.headers['content-disposition']).toContain(`${appeal.registrationNumber}-${lang}.pdf`);
    }
    await http().get(`/api/v1/appeals/${appeal.id}/receipt.pdf`).query({ lang: 'en' }).expect(400);
    const rows = await queryRows(appeals.service.databaseUrl, 'SELECT 1 FROM appeals WHERE id = $1', [appeal.id]);
    expect(rows).toHaveLength(1);
  });
});
