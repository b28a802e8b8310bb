import { AppealReassignedV1 } from '@akimat/contracts';
import { actingAs, asStaff, KafkaProbe, staffToken, waitFor } from '@akimat/testing';
import { BRIEF_MS, deadlineTimersHarness, FULL_MS } from './deadline-timers-harness';
import { appealTopic, chiefOfStaff, lifecycle, routingEvents } from './routing-test-kit';

/** Reassignment restarts the clocks still owed (when so configured); ops see the queue dashboard. */
describe('deadline timers: reassignment and the ops queue dashboard', () => {
  const timers = deadlineTimersHarness();
  const { current, route, clocksOf } = timers;
  let probe: KafkaProbe;
  let events: ReturnType<typeof routingEvents>;
  beforeAll(() => ({ probe, events } = timers.state()));

  it('restarts the clocks still owed on reassignment when so configured', async () => {
    const { appeal, routed } = await route();
    await probe.produce(appealTopic(), lifecycle.briefAnswered(appeal), appeal.subject);
    await waitFor('the brief answer recorded', async () =>
      (await clocksOf(appeal.subject)).every((clock) => clock.kind !== 'brief_answer' || clock.stopped_at !== null),
    );
    await asStaff(current().getHttpServer())
      .post(`/api/v1/appeals/${appeal.subject}/reassign`)
      .set(chiefOfStaff)
      .send({ targetUnitCode: 'rd-almaly', reason: 'Ауылдық округтің мәселесі' })
      .expect(200);
    const [reassigned] = await events.nextPublished<AppealReassignedV1>('appeal.reassigned', appeal.subject);
    const restartedDue = new Date(new Date(reassigned.data.reassignedAt).getTime() + FULL_MS).toISOString();
    expect(reassigned.data.deadlines).toEqual([{ kind: 'full_answer', dueAt: restartedDue }]);
    expect(restartedDue > routed.data.deadlines[1].dueAt).toBe(true);
    const pending = (await clocksOf(appeal.subject)).filter((clock) => clock.state === 'pending');
    expect(pending.map((clock) => `${clock.kind} ${clock.reminder} ${new Date(clock.due_at).toISOString()}`)).toEqual([
      `full_answer 50% ${restartedDue}`,
      `full_answer due ${restartedDue}`,
    ]);
    await probe.produce(appealTopic(), lifecycle.closed(appeal), appeal.subject);

    // A missed brief answer is still owed: it restarts with the full answer.
    const overdue = await route();
    await events.nextPublished('appeal.deadline_missed', overdue.appeal.subject, 1, 10_000);
    await asStaff(current().getHttpServer())
      .post(`/api/v1/appeals/${overdue.appeal.subject}/reassign`)
      .set(chiefOfStaff)
      .send({ targetUnitCode: 'rd-almaly', reason: 'Ауылдық округтің мәселесі' })
      .expect(200);
    const [moved] = await events.nextPublished<AppealReassignedV1>('appeal.reassigned', overdue.appeal.subject);
    const from = new Date(moved.data.reassignedAt).getTime();
    expect(moved.data.deadlines).toEqual([
      { kind: 'brief_answer', dueAt: new Date(from + BRIEF_MS).toISOString() },
      { kind: 'full_answer', dueAt: new Date(from + FULL_MS).toISOString() },
    ]);
    await probe.produce(appealTopic(), lifecycle.closed(overdue.appeal), overdue.appeal.subject);
  });

  it('keeps the queue dashboard for staff with the ops role', async () => {
    const http = () => asStaff(current().getHttpServer(), {});
    const ops = staffToken({ name: 'Ops on duty', roles: ['ops'] });
    await http().get('/ops/queues').expect(401);
    await http().get('/ops/queues').set('Authorization', 'Bearer wrong-token-of-some-length').expect(401);
    await http()
      .get('/ops/queues')
      .set('Authorization', `Bearer ${staffToken({ name: 'Ops', roles: ['ops'] }, -60)}`)
      .expect(401);
    await http()
      .get('/ops/queues')
      .set(actingAs('Akim', undefined, { roles: ['akim', 'admin'] }))
      .expect(403);
    await http().get('/ops/queues/api/queues').set('Authorization', `Bearer ${ops}`).expect(200);
    const basic = Buffer.from(`ops:${ops}`).toString('base64');
    await http().get('/ops/queues').set('Authorization', `Basic ${basic}`).expect(200);
  });
});
