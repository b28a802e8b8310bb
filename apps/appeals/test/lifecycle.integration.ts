import request from 'supertest';
import { Deadline, physicalTopic, TOPICS } from '@akimat/contracts';
import { actingAs, KafkaProbe, queryRows, RunningService, startServiceForTest, waitFor } from '@akimat/testing';
import { AppModule } from '../src/app/app.module';
import { appealsEnvSchema } from '../src/app/appeals-env.schema';
import { routeAppeal } from './appeals-test-kit';

const akim = actingAs('Қуаныш Ерғалиев', 'Аудан әкімі');
const head = actingAs('Гүлнар Сапарова', 'Бөлім басшысы');
const card = {
  resident: { fullName: 'Серікова Әсел', iin: '950101300016', phone: '+77011234567', language: 'kk' },
  category: 'housing',
  channel: 'reception',
  text: 'Шатыр ағып тұр',
};
const hours = (n: number) => new Date(Date.now() + n * 3_600_000).toISOString();

describe('appeal lifecycle, answers and resident tracking (real PostgreSQL and Kafka)', () => {
  let service: RunningService;
  const probe = new KafkaProbe();
  const appealTopic = physicalTopic(TOPICS.appealEvents);
  const http = () => request(service.app.getHttpServer());

  beforeAll(async () => {
    service = await startServiceForTest(
      { serviceName: 'appeals', envSchema: appealsEnvSchema, appModule: AppModule },
      { TRACKING_RATE_LIMIT_PER_MINUTE: '1000' },
    );
    await probe.record([appealTopic]);
  });

  afterAll(async () => {
    await probe.close();
    await service?.close();
  });

  async function register(body: object = card) {
    const { body: appeal } = await http().post('/api/v1/appeals').set(akim).send(body).expect(201);
    return appeal as { id: string; registrationNumber: string; trackingCode: string };
  }

  const route = (appeal: { id: string; registrationNumber: string }, deadlines: Deadline[], unitCode?: string) =>
    routeAppeal(probe, service.app.getHttpServer(), appeal, deadlines, unitCode);

  function eventsOf(appealId: string) {
    return probe
      .on(appealTopic)
      .filter((message) => message.key === appealId)
      .map((message) => message.json<{ type: string; data: Record<string, unknown> }>());
  }

  it('takes an appeal from registration through brief and full answers, on time, publishing each step', async () => {
    const appeal = await register();
    await http().post(`/api/v1/appeals/${appeal.id}/brief-answer`).set(head).send({ text: 'Қабылданды' }).expect(409);
    await route(appeal, [
      { kind: 'brief_answer', dueAt: hours(72) },
      { kind: 'full_answer', dueAt: hours(24 * 21) },
    ]);

    const brief = await http()
      .post(`/api/v1/appeals/${appeal.id}/brief-answer`)
      .set(head)
      .send({ text: 'Қабылданды, тексереміз' })
      .expect(200);
    expect(brief.body.status).toBe('brief_answered');
    const again = await http()
      .post(`/api/v1/appeals/${appeal.id}/brief-answer`)
      .set(head)
      .send({ text: 'тағы' })
      .expect(409);
    expect(again.body.message).toContain('status is brief_answered');

    const refusedWithoutReasons = await http()
      .post(`/api/v1/appeals/${appeal.id}/full-answer`)
      .set(head)
      .send({ text: 'Жоқ', outcome: 'refused' })
      .expect(400);
    expect(refusedWithoutReasons.body.violations).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'refusalReasons', rule: 'isDefined' })]),
    );
    await http()
      .post(`/api/v1/appeals/${appeal.id}/full-answer`)
      .set(head)
      .send({ text: 'Шатыр жөнделді', outcome: 'satisfied' })
      .expect(200);

    const { body: stored } = await http().get(`/api/v1/appeals/${appeal.id}`).expect(200);
    expect(stored.status).toBe('full_answered');
    expect(stored.answers).toEqual([
      expect.objectContaining({
        kind: 'brief',
        onTime: true,
        author: { name: 'Гүлнар Сапарова', position: 'Бөлім басшысы' },
      }),
      expect.objectContaining({ kind: 'full', onTime: true, outcome: 'satisfied' }),
    ]);
    expect(stored.timeline.map((entry: { kind: string }) => entry.kind)).toEqual([
      'registered',
      'routed',
      'brief_answered',
      'full_answered',
    ]);

    const events = await waitFor('three events', () =>
      eventsOf(appeal.id).length >= 3 ? eventsOf(appeal.id) : undefined,
    );
    expect(events.map((event) => event.type)).toEqual([
      'appeal.registered',
      'appeal.brief_answered',
      'appeal.full_answered',
    ]);
    expect(events[1].data).toMatchObject({
      onTime: true,
      unitCode: 'housing-inspection',
      author: { name: 'Гүлнар Сапарова' },
    });
    expect(events[2].data).toMatchObject({ outcome: 'satisfied', afterReopening: false, onTime: true });
  });

  it('counts a late answer as late against the due date routing published', async () => {
    const appeal = await register();
    await route(appeal, [
      { kind: 'brief_answer', dueAt: hours(-1) },
      { kind: 'full_answer', dueAt: hours(100) },
    ]);
    const inbox = await http()
      .get('/api/v1/appeals')
      .query({ unitId: 'housing-inspection', overdue: 'true' })
      .expect(200);
    expect(inbox.body.items.map((item: { id: string }) => item.id)).toContain(appeal.id);
    await http().post(`/api/v1/appeals/${appeal.id}/brief-answer`).set(head).send({ text: 'Кеш' }).expect(200);
    const brief = await waitFor('the brief answer event', () =>
      eventsOf(appeal.id).find((event) => event.type === 'appeal.brief_answered'),
    );
    expect(brief.data['onTime']).toBe(false);
  });

  it('extends the term with a reason, refuses beyond the two-month cap with 409, and forwards with the body named', async () => {
    const appeal = await register();
    await route(appeal, [
      { kind: 'brief_answer', dueAt: hours(72) },
      { kind: 'full_answer', dueAt: hours(24 * 21) },
    ]);
    await http()
      .post(`/api/v1/appeals/${appeal.id}/extend`)
      .set(head)
      .send({ newDueAt: hours(24 * 30) })
      .expect(400);
    const tooFar = await http()
      .post(`/api/v1/appeals/${appeal.id}/extend`)
      .set(head)
      .send({ newDueAt: hours(24 * 70), reason: 'Сараптама қажет' })
      .expect(409);
    expect(tooFar.body.message).toContain('at most 2 months');
    await http()
      .post(`/api/v1/appeals/${appeal.id}/extend`)
      .set(head)
      .send({ newDueAt: hours(24 * 40), reason: 'Сараптама қажет' })
      .expect(200);
    const { body: extended } = await http().get(`/api/v1/appeals/${appeal.id}`);
    expect(extended.deadlines).toEqual(expect.arrayContaining([{ kind: 'full_answer', dueAt: expect.any(String) }]));
    expect(
      new Date(extended.deadlines.find((d: Deadline) => d.kind === 'full_answer').dueAt).getTime(),
    ).toBeGreaterThan(Date.now() + 24 * 39 * 3_600_000);

    // The resident is told of the extension: recorded once, with how and when.
    const notice = `/api/v1/appeals/${appeal.id}/extension-notice`;
    const badNotice = await http().post(notice).set(head).send({ channel: 'pigeon', sentAt: 'yesterday' }).expect(400);
    expect(badNotice.body.violations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'channel', rule: 'isIn' }),
        expect.objectContaining({ field: 'sentAt', rule: 'isIso8601' }),
      ]),
    );
    const future = await http().post(notice).set(head).send({ channel: 'sms', sentAt: hours(1) }).expect(400);
    expect(future.body.violations).toEqual([expect.objectContaining({ field: 'sentAt', rule: 'notInFuture' })]);
    const beforeExtension = await http().post(notice).set(head).send({ channel: 'sms', sentAt: hours(-1) }).expect(400);
    expect(beforeExtension.body.violations).toEqual([expect.objectContaining({ field: 'sentAt', rule: 'notBeforeExtension' })]);
    const told = await http().post(notice).set(head).send({ channel: 'letter' }).expect(200);
    expect(told.body.status).toBe('assigned');
    const twice = await http().post(notice).set(head).send({ channel: 'sms' }).expect(409);
    expect(twice.body.message).toContain('already told of the latest extension');

    // Outside the akimat's competence: recorded once, then forwarded.
    const outside = `/api/v1/appeals/${appeal.id}/outside-competence`;
    await http().post(outside).set(head).send({ reason: '' }).expect(400);
    await http().post(outside).send({ reason: 'Полицияның құзыреті' }).expect(401);
    await http().post(outside).set(head).send({ reason: 'Құқық бұзушылық — полицияның құзыреті' }).expect(200);
    const again = await http().post(outside).set(head).send({ reason: 'тағы' }).expect(409);
    expect(again.body.message).toContain('already recorded');

    await http()
      .post(`/api/v1/appeals/${appeal.id}/forward`)
      .set(head)
      .send({ body: 'Облыстық полиция департаменті', reason: 'Құқық бұзушылық — полицияның құзыреті' })
      .expect(200);
    await http()
      .post(`/api/v1/appeals/${appeal.id}/full-answer`)
      .set(head)
      .send({ text: 'x', outcome: 'satisfied' })
      .expect(409);
    await http().post(outside).set(head).send({ reason: 'Полицияның құзыреті' }).expect(409);
    const events = await waitFor('extended and forwarded', () => {
      const all = eventsOf(appeal.id);
      return all.some((event) => event.type === 'appeal.forwarded') ? all : undefined;
    });
    expect(events.map((event) => event.type)).toEqual([
      'appeal.registered',
      'appeal.extended',
      'appeal.extension_notified',
      'appeal.outside_competence',
      'appeal.forwarded',
    ]);
    expect(events[2].data).toMatchObject({
      channel: 'letter',
      sentAt: expect.any(String),
      recordedBy: { name: 'Гүлнар Сапарова', position: 'Бөлім басшысы' },
      newDueAt: events[1].data['newDueAt'],
      unitCode: 'housing-inspection',
    });
    expect(events[3].data).toMatchObject({
      reason: 'Құқық бұзушылық — полицияның құзыреті',
      decidedBy: { name: 'Гүлнар Сапарова' },
      decidedAt: expect.any(String),
    });
    const { body: forwardedCard } = await http().get(`/api/v1/appeals/${appeal.id}`);
    expect(forwardedCard.timeline.map((entry: { kind: string }) => entry.kind)).toEqual([
      'registered',
      'routed',
      'extended',
      'extension_notified',
      'outside_competence',
      'forwarded',
    ]);
  });

  it('refuses an extension notice before any extension, and both records once the appeal is answered', async () => {
    const appeal = await register();
    await route(appeal, [{ kind: 'full_answer', dueAt: hours(200) }]);
    const noExtension = await http()
      .post(`/api/v1/appeals/${appeal.id}/extension-notice`)
      .set(head)
      .send({ channel: 'sms' })
      .expect(409);
    expect(noExtension.body.message).toContain('has not been extended');
    await http().post(`/api/v1/appeals/${appeal.id}/full-answer`).set(head).send({ text: 'Жөнделді', outcome: 'satisfied' }).expect(200);
    const answered = await http()
      .post(`/api/v1/appeals/${appeal.id}/outside-competence`)
      .set(head)
      .send({ reason: 'Полицияның құзыреті' })
      .expect(409);
    expect(answered.body.message).toContain('status is full_answered');
    await http().post(`/api/v1/appeals/${appeal.id}/extension-notice`).set(head).send({ channel: 'sms' }).expect(409);
    await http().post('/api/v1/appeals/6f1c1a2e-8a4b-4c1e-9f3a-2b7d5e6c8a90/outside-competence').set(head).send({ reason: 'x y z' }).expect(404);
  });

  it('lets the resident track with the code, never showing IIN or phone, and answers a wrong code like an unknown number', async () => {
    const appeal = await register();
    await route(appeal, [{ kind: 'brief_answer', dueAt: hours(72) }]);
    const tracked = await http()
      .get(`/api/v1/track/${appeal.registrationNumber.toLowerCase()}`)
      .set('x-tracking-code', appeal.trackingCode)
      .expect(200);
    expect(tracked.body).toMatchObject({
      registrationNumber: appeal.registrationNumber,
      status: 'assigned',
      unit: { code: 'housing-inspection' },
      deadlines: [{ kind: 'brief_answer' }],
    });
    const raw = JSON.stringify(tracked.body);
    expect(raw).not.toContain('950101300016');
    expect(raw).not.toContain('7011234567');
    expect(raw).not.toContain('Серікова');

    const wrongCode = await http()
      .get(`/api/v1/track/${appeal.registrationNumber}`)
      .set('x-tracking-code', 'AAAAAAAAAA')
      .expect(404);
    const unknown = await http()
      .get('/api/v1/track/MAH-1999-999999')
      .set('x-tracking-code', appeal.trackingCode)
      .expect(404);
    expect(wrongCode.body).toEqual(unknown.body);
    await http().get('/api/v1/track/not-a-number').set('x-tracking-code', 'x').expect(400);
  });

  it('reopens on "not resolved" within 30 days of the full answer, then takes feedback once without identity', async () => {
    const appeal = await register();
    await route(appeal, [{ kind: 'full_answer', dueAt: hours(200) }]);
    const code = appeal.trackingCode;
    const track = `/api/v1/track/${appeal.registrationNumber}`;
    await http().post(`${track}/not-resolved`).send({ trackingCode: code, comment: 'Әлі ағып тұр' }).expect(409);
    await http()
      .post(`/api/v1/appeals/${appeal.id}/full-answer`)
      .set(head)
      .send({ text: 'Жөнделді', outcome: 'satisfied' })
      .expect(200);

    const reopened = await http()
      .post(`${track}/not-resolved`)
      .send({ trackingCode: code, comment: 'Әлі ағып тұр' })
      .expect(200);
    expect(reopened.body.status).toBe('reopened');
    await http()
      .post(`/api/v1/appeals/${appeal.id}/full-answer`)
      .set(head)
      .send({ text: 'Қайта жөнделді', outcome: 'partly_satisfied' })
      .expect(200);

    await http().post(`${track}/feedback`).send({ trackingCode: code, rating: 6 }).expect(400);
    await http().post(`${track}/feedback`).send({ trackingCode: 'WRONGCODE1', rating: 4 }).expect(404);
    const rated = await http()
      .post(`${track}/feedback`)
      .send({ trackingCode: code, rating: 4, comment: 'Рақмет' })
      .expect(200);
    expect(rated.body.feedbackGiven).toBe(true);
    await http().post(`${track}/feedback`).send({ trackingCode: code, rating: 5 }).expect(409);

    const events = await waitFor('feedback event', () => {
      const all = eventsOf(appeal.id);
      return all.some((event) => event.type === 'appeal.feedback_given') ? all : undefined;
    });
    expect(events.map((event) => event.type)).toEqual([
      'appeal.registered',
      'appeal.full_answered',
      'appeal.reopened',
      'appeal.full_answered',
      'appeal.feedback_given',
    ]);
    expect(events[3].data['afterReopening']).toBe(true);
    const feedback = events[4].data;
    expect(feedback).toEqual({
      appealId: appeal.id,
      registrationNumber: appeal.registrationNumber,
      category: 'housing',
      unitCode: 'housing-inspection',
      givenAt: expect.any(String),
      rating: 4,
      comment: 'Рақмет',
    });
  });

  it('records an anonymous appeal with no answer clocks, unless it concerns public safety', async () => {
    const plain = await register({ category: 'other', channel: 'online', text: 'Көшеде жарық жоқ', anonymous: true });
    const safety = await register({
      category: 'other',
      channel: 'phone',
      text: 'Ескі ғимарат құлайын деп тұр',
      anonymous: true,
      concernsPublicSafety: true,
    });
    const registered = await waitFor('both registered events', () => {
      const found = [plain, safety].map((appeal) =>
        eventsOf(appeal.id).find((event) => event.type === 'appeal.registered'),
      );
      return found.every(Boolean) ? found : undefined;
    });
    expect(
      registered.map((event) => [event?.data['anonymous'], event?.data['answerRequired'], event?.data['resident']]),
    ).toEqual([
      [true, false, undefined],
      [true, true, undefined],
    ]);
  });

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
      probe.on(appealTopic).find((message) => message.key === visit.body.id),
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
    const rows = await queryRows(service.databaseUrl, 'SELECT 1 FROM appeals WHERE id = $1', [appeal.id]);
    expect(rows).toHaveLength(1);
  });
});
