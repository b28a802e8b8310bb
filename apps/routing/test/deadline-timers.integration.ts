import { AppealDeadlineApproachingV1, AppealDeadlineMissedV1 } from '@akimat/contracts';
import { KafkaProbe, asStaff, waitFor } from '@akimat/testing';
import { clockEventId } from '../src/deadlines/clock-job';
import {
  BRIEF_MS,
  ClockRow,
  deadlineTimersHarness,
  DUTY_MS,
  FULL_MS,
  MAX_LATENESS_MS,
  sleep,
} from './deadline-timers-harness';
import { appealTopic, lifecycle, routingEvents } from './routing-test-kit';

/** Clocks fire on time and once; answers, extensions, reopening and forwarding start, move and stop them. */
describe('deadline timers: firing, and what starts, moves and stops them', () => {
  const timers = deadlineTimersHarness();
  const { current, route, routeAll, clocksOf, jobsOf, deadlineEvents, expectAllFiredOnTime } = timers;
  let probe: KafkaProbe;
  let events: ReturnType<typeof routingEvents>;
  beforeAll(() => ({ probe, events } = timers.state()));

  it('fires reminders and due times on time, escalating a missed full answer to the chief of staff', async () => {
    const { appeal, routed, registeredAt } = await route();
    expect(routed.data.deadlines).toEqual([
      { kind: 'brief_answer', dueAt: new Date(registeredAt + BRIEF_MS).toISOString() },
      { kind: 'full_answer', dueAt: new Date(registeredAt + FULL_MS).toISOString() },
    ]);
    const { body: view } = await asStaff(current().getHttpServer())
      .get(`/api/v1/assignments/${appeal.subject}`)
      .expect(200);
    expect(
      view.clocks.map(
        (clock: { kind: string; reminder: string; state: string }) => `${clock.kind} ${clock.reminder} ${clock.state}`,
      ),
    ).toEqual([
      'brief_answer 50% pending',
      'brief_answer due pending',
      'full_answer 50% pending',
      'full_answer due pending',
    ]);
    const clocks = await expectAllFiredOnTime(appeal.subject);

    const { body: chief } = await asStaff(current().getHttpServer())
      .get('/api/v1/units/chief-of-staff-triage')
      .expect(200);
    const missed = events.published<AppealDeadlineMissedV1>('appeal.deadline_missed', appeal.subject);
    const missedOf = (kind: string) => missed.find((event) => event.data.deadline === kind);
    expect(missedOf('brief_answer')?.data).toMatchObject({
      dueAt: routed.data.deadlines[0].dueAt,
      unit: routed.data.unit,
    });
    expect(missedOf('brief_answer')?.data.escalatedTo).toBeUndefined();
    expect(missedOf('full_answer')?.data).toMatchObject({
      dueAt: routed.data.deadlines[1].dueAt,
      escalatedTo: chief.head,
    });
    const approaching = events.published<AppealDeadlineApproachingV1>('appeal.deadline_approaching', appeal.subject);
    expect(approaching.map((event) => [event.data.deadline, event.data.reminder])).toEqual([
      ['brief_answer', '50%'],
      ['full_answer', '50%'],
    ]);
    // They carry the registering request's correlation id: one grep follows the appeal.
    expect(new Set(deadlineEvents(appeal.subject).map((event) => event.correlationId))).toEqual(
      new Set([appeal.correlationId]),
    );
    // Event ids follow from the clock, so a repeated firing could only repeat the same id.
    for (const clock of clocks) {
      const id = clockEventId({
        appealId: appeal.subject,
        kind: clock.kind,
        reminder: clock.reminder,
        dueAt: new Date(clock.due_at),
      });
      expect(deadlineEvents(appeal.subject).map((event) => event.id)).toContain(id);
    }
  });

  it('stops clocks when answers come, moves the full answer on extension, restarts it on reopening', async () => {
    const [answered, extended, closed, anonymous, notified] = await routeAll(
      {},
      {},
      {},
      { anonymous: true, resident: undefined, answerRequired: false },
      {},
    );
    const newDueAt = new Date(extended.registeredAt + FULL_MS + 2_000);
    const extension = lifecycle.extended(extended.appeal, newDueAt);
    const toldOf = lifecycle.extended(notified.appeal, new Date(notified.registeredAt + 60_000));
    await probe.produce(appealTopic(), lifecycle.briefAnswered(answered.appeal), answered.appeal.subject);
    await probe.produce(appealTopic(), lifecycle.fullAnswered(answered.appeal), answered.appeal.subject);
    await probe.produce(appealTopic(), extension, extended.appeal.subject);
    await probe.produce(appealTopic(), lifecycle.closed(closed.appeal), closed.appeal.subject);
    await probe.produce(appealTopic(), toldOf, notified.appeal.subject);
    expect(anonymous.routed.data.deadlines).toEqual([]);
    expect(await clocksOf(anonymous.appeal.subject)).toEqual([]);

    // The resident is told of the extension: its notice clock stops, the answer clocks run on.
    const noticeClocks = await waitFor('the extension-notice clock', async () => {
      const rows = (await clocksOf(notified.appeal.subject)).filter((clock) => clock.kind === 'extension_notice');
      return rows.length > 0 && rows;
    });
    expect(noticeClocks.find((clock) => clock.reminder === 'due')?.due_at).toEqual(
      new Date(new Date(toldOf.data.extendedAt).getTime() + DUTY_MS),
    );
    await probe.produce(appealTopic(), lifecycle.extensionNotified(notified.appeal), notified.appeal.subject);
    await waitFor('the extension-notice clock cancelled', async () =>
      (await clocksOf(notified.appeal.subject))
        .filter((clock) => clock.kind === 'extension_notice')
        .every((clock) => clock.state === 'cancelled' && clock.stopped_at !== null),
    );
    expect(await jobsOf(notified.appeal.subject, 'extension_notice')).toBe(0);
    expect(
      (await clocksOf(notified.appeal.subject)).filter((clock) => clock.state === 'pending').length,
    ).toBeGreaterThan(0);

    await waitFor('the answered and closed appeals’ clocks cancelled', async () => {
      const rows = [...(await clocksOf(answered.appeal.subject)), ...(await clocksOf(closed.appeal.subject))];
      return rows.every((clock) => clock.state === 'cancelled');
    });
    expect(await jobsOf(answered.appeal.subject)).toBe(0);
    expect(await jobsOf(closed.appeal.subject)).toBe(0);

    // No one told the resident of the other extension: its notice is missed too.
    await events.nextPublished<AppealDeadlineMissedV1>('appeal.deadline_missed', extended.appeal.subject, 3, 15_000);
    const moved = events.published<AppealDeadlineMissedV1>('appeal.deadline_missed', extended.appeal.subject);
    expect(moved.map((event) => [event.data.deadline, event.data.dueAt]).sort()).toEqual([
      ['brief_answer', extended.routed.data.deadlines[0].dueAt],
      ['extension_notice', new Date(new Date(extension.data.extendedAt).getTime() + DUTY_MS).toISOString()],
      ['full_answer', newDueAt.toISOString()],
    ]);
    expect(deadlineEvents(answered.appeal.subject)).toEqual([]);
    expect(deadlineEvents(closed.appeal.subject)).toEqual([]);
    await sleep(new Date(toldOf.data.extendedAt).getTime() + DUTY_MS + 500 - Date.now());
    expect(
      deadlineEvents(notified.appeal.subject).filter((event) => event.data.deadline === 'extension_notice'),
    ).toEqual([]);
    await probe.produce(appealTopic(), lifecycle.closed(notified.appeal), notified.appeal.subject);

    await probe.produce(appealTopic(), lifecycle.reopened(answered.appeal), answered.appeal.subject);
    const reopened = await waitFor('a new full-answer clock', async () => {
      const pending = (await clocksOf(answered.appeal.subject)).filter((clock) => clock.state === 'pending');
      return pending.length === 2 && pending;
    });
    expect(reopened.map((clock) => `${clock.kind} ${clock.reminder}`)).toEqual(['full_answer 50%', 'full_answer due']);
    expect(await jobsOf(answered.appeal.subject)).toBe(2);
  });

  it('runs the forwarding term from registration once an appeal is outside competence: missed when not forwarded, stopped when it is', async () => {
    const [late, forwarded] = await routeAll({}, {});
    for (const { appeal } of [late, forwarded])
      await probe.produce(appealTopic(), lifecycle.outsideCompetence(appeal), appeal.subject);
    const forwardingDue = (clocks: ClockRow[]) =>
      clocks.find((clock) => clock.kind === 'forwarding' && clock.reminder === 'due');
    const started = await waitFor('both forwarding clocks', async () => {
      const found = await Promise.all(
        [late, forwarded].map(async ({ appeal }) => forwardingDue(await clocksOf(appeal.subject))),
      );
      return found.every(Boolean) && found;
    });
    expect(started.map((clock) => new Date(clock?.due_at as Date).getTime())).toEqual([
      late.registeredAt + DUTY_MS,
      forwarded.registeredAt + DUTY_MS,
    ]);

    await probe.produce(appealTopic(), lifecycle.forwarded(forwarded.appeal), forwarded.appeal.subject);
    await waitFor('every clock of the forwarded appeal stopped', async () =>
      (await clocksOf(forwarded.appeal.subject)).every(
        (clock) => clock.state !== 'pending' && clock.stopped_at !== null,
      ),
    );
    expect(await jobsOf(forwarded.appeal.subject, 'forwarding')).toBe(0);

    const missed = await waitFor(
      'the forwarding term missed',
      () =>
        events
          .published<AppealDeadlineMissedV1>('appeal.deadline_missed', late.appeal.subject)
          .find((event) => event.data.deadline === 'forwarding'),
      { timeoutMs: 15_000 },
    );
    expect(missed.data).toMatchObject({
      dueAt: new Date(late.registeredAt + DUTY_MS).toISOString(),
      unit: late.routed.data.unit,
    });
    const fired = forwardingDue(await clocksOf(late.appeal.subject));
    expect(
      new Date(fired?.fired_at as Date).getTime() - new Date(fired?.fire_at as Date).getTime(),
    ).toBeLessThanOrEqual(MAX_LATENESS_MS);
    await sleep(300);
    expect(deadlineEvents(forwarded.appeal.subject).filter((event) => event.data.deadline === 'forwarding')).toEqual(
      [],
    );

    const { text: metrics } = await asStaff(current().getHttpServer()).get('/metrics').expect(200);
    expect(metrics).toMatch(/routing_clocks_fired_total\{kind="forwarding",outcome="missed"\} [1-9]/);
    expect(metrics).toMatch(/routing_clock_firing_lateness_seconds_count\{kind="forwarding"\} [1-9]/);
    expect(metrics).toMatch(/routing_clocks_pending\{kind="forwarding"\} \d+/);
    for (const { appeal } of [late, forwarded])
      await probe.produce(appealTopic(), lifecycle.closed(appeal), appeal.subject);
  });
});
