import { waitFor } from '@akimat/testing';
import { AppealsHarness, head, hours, startAppeals } from './appeals-test-kit';

describe('resident tracking, reopening, feedback and anonymous appeals (real PostgreSQL and Kafka)', () => {
  let appeals: AppealsHarness;
  beforeAll(async () => {
    appeals = await startAppeals();
  });
  afterAll(() => appeals?.close());
  const http = () => appeals.http();
  const register = (body?: object) => appeals.register(body);
  const route: AppealsHarness['route'] = (...args) => appeals.route(...args);
  const eventsOf = (appealId: string) => appeals.eventsOf(appealId);

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
});
