import { Deadline } from '@akimat/contracts';
import { waitFor } from '@akimat/testing';
import { AppealsHarness, head, hours, startAppeals } from './appeals-test-kit';

describe('appeal lifecycle: answers, extensions, notices (real PostgreSQL and Kafka)', () => {
  let appeals: AppealsHarness;
  beforeAll(async () => {
    appeals = await startAppeals();
  });
  afterAll(() => appeals?.close());
  const http = () => appeals.http();
  const register = (body?: object) => appeals.register(body);
  const route: AppealsHarness['route'] = (...args) => appeals.route(...args);
  const eventsOf = (appealId: string) => appeals.eventsOf(appealId);

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
    const future = await http()
      .post(notice)
      .set(head)
      .send({ channel: 'sms', sentAt: hours(1) })
      .expect(400);
    expect(future.body.violations).toEqual([expect.objectContaining({ field: 'sentAt', rule: 'notInFuture' })]);
    const beforeExtension = await http()
      .post(notice)
      .set(head)
      .send({ channel: 'sms', sentAt: hours(-1) })
      .expect(400);
    expect(beforeExtension.body.violations).toEqual([
      expect.objectContaining({ field: 'sentAt', rule: 'notBeforeExtension' }),
    ]);
    const told = await http().post(notice).set(head).send({ channel: 'letter' }).expect(200);
    expect(told.body.status).toBe('assigned');
    const twice = await http().post(notice).set(head).send({ channel: 'sms' }).expect(409);
    expect(twice.body.message).toContain('already told of the latest extension');

    // Outside the akimat's competence: recorded once, then forwarded.
    const outside = `/api/v1/appeals/${appeal.id}/outside-competence`;
    await http().post(outside).set(head).send({ reason: '' }).expect(400);
    await appeals.anonymous().post(outside).send({ reason: 'Полицияның құзыреті' }).expect(401);
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
    await http()
      .post(`/api/v1/appeals/${appeal.id}/full-answer`)
      .set(head)
      .send({ text: 'Жөнделді', outcome: 'satisfied' })
      .expect(200);
    const answered = await http()
      .post(`/api/v1/appeals/${appeal.id}/outside-competence`)
      .set(head)
      .send({ reason: 'Полицияның құзыреті' })
      .expect(409);
    expect(answered.body.message).toContain('status is full_answered');
    await http().post(`/api/v1/appeals/${appeal.id}/extension-notice`).set(head).send({ channel: 'sms' }).expect(409);
    await http()
      .post('/api/v1/appeals/6f1c1a2e-8a4b-4c1e-9f3a-2b7d5e6c8a90/outside-competence')
      .set(head)
      .send({ reason: 'x y z' })
      .expect(404);
  });
});
