import { ChildProcess, spawn } from 'node:child_process';
import { INestApplication } from '@nestjs/common';
import { Redis } from 'ioredis';
import {
  AppealDeadlineApproachingV1,
  AppealDeadlineMissedV1,
  AppealReassignedV1,
  AppealRoutedV1,
} from '@akimat/contracts';
import { bootstrapService } from '@akimat/service-kit';
import {
  actingAs,
  asStaff,
  freePort,
  KafkaProbe,
  queryRows,
  RunningService,
  staffToken,
  startServiceForTest,
  waitFor,
} from '@akimat/testing';
import { clockEventId, clockJobId, DEADLINE_QUEUE } from '../src/deadlines/clock-job';
import { DeadlineFiring } from '../src/deadlines/deadline-firing.service';
import {
  appealTopic,
  chiefOfStaff,
  lifecycle,
  registered,
  routingDefinition,
  routingEvents,
  routingTopic,
} from './routing-test-kit';

const BRIEF_MS = 3_000;
const FULL_MS = 6_000;
/** Forwarding (from registration) and the extension notice (from the extension). */
const DUTY_MS = 4_000;
const MAX_LATENESS_MS = 1_500;

interface ClockRow {
  id: string;
  kind: 'brief_answer' | 'full_answer' | 'forwarding' | 'extension_notice';
  reminder: string;
  state: 'pending' | 'fired' | 'cancelled';
  due_at: Date;
  fire_at: Date;
  fired_at: Date | null;
  stopped_at: Date | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The timers on real PostgreSQL and Kafka, and a Redis server of their own (started here), so that
 * FLUSHALL is real and touches no one else's data. Terms are seconds: brief 3 s, full 6 s, forwarding
 * and extension notice 4 s, one reminder at 50 %, office hours off for reminders so the wall clock
 * cannot move them.
 */
describe('deadline timers: fire on time, once, through restarts and a flushed Redis', () => {
  let redisServer: ChildProcess;
  let redis: Redis;
  let first: RunningService;
  let apps: INestApplication[] = [];
  let probe: KafkaProbe;
  let events: ReturnType<typeof routingEvents>;
  let db: string;

  const current = () => apps[apps.length - 1];
  const startAnother = async (env: Record<string, string> = {}) => {
    Object.assign(process.env, { HTTP_PORT: String(await freePort()), ...env });
    const app = await bootstrapService(routingDefinition);
    apps.push(app);
    return app;
  };
  const stop = async (app: INestApplication) => {
    await app.close();
    apps = apps.filter((other) => other !== app);
  };

  /** Registers appeals (all sent before waiting for any) and waits until each is routed. */
  const routeAll = async (...variants: Parameters<typeof registered>[0][]) => {
    const appeals = variants.map((overrides) => registered(overrides));
    for (const appeal of appeals) await probe.produce(appealTopic(), appeal, appeal.subject);
    return Promise.all(
      appeals.map(async (appeal) => {
        const [routed] = await events.nextPublished<AppealRoutedV1>('appeal.routed', appeal.subject);
        return { appeal, routed, registeredAt: new Date(appeal.data.registeredAt).getTime() };
      }),
    );
  };
  const route = async () => (await routeAll({}))[0];
  const clocksOf = (appealId: string) =>
    queryRows<ClockRow>(db, 'SELECT * FROM deadline_clocks WHERE appeal_id = $1 ORDER BY kind, fire_at', [appealId]);
  /** How many of the appeal's clocks (of one kind, or all) have a job in Redis. */
  const jobsOf = async (appealId: string, kind?: ClockRow['kind']) => {
    const clocks = (await clocksOf(appealId)).filter((clock) => kind === undefined || clock.kind === kind);
    const prefix = `${process.env['QUEUE_PREFIX']}:${DEADLINE_QUEUE}`;
    return clocks.length === 0 ? 0 : redis.exists(...clocks.map((clock) => `${prefix}:${clockJobId(clock)}`));
  };
  const deadlineEvents = (appealId: string) => [
    ...events.published<AppealDeadlineApproachingV1>('appeal.deadline_approaching', appealId),
    ...events.published<AppealDeadlineMissedV1>('appeal.deadline_missed', appealId),
  ];
  /** Waits for both due times to be published as missed, then checks each clock fired once and on time. */
  const expectAllFiredOnTime = async (appealId: string, from = 0) => {
    await events.nextPublished('appeal.deadline_missed', appealId, 2, 15_000);
    const clocks = await clocksOf(appealId);
    expect(clocks.map((clock) => `${clock.kind} ${clock.reminder} ${clock.state}`)).toEqual([
      'brief_answer 50% fired',
      'brief_answer due fired',
      'full_answer 50% fired',
      'full_answer due fired',
    ]);
    for (const clock of clocks) {
      const lateness = new Date(clock.fired_at as Date).getTime() - Math.max(new Date(clock.fire_at).getTime(), from);
      const name = `${clock.kind} ${clock.reminder}`;
      expect({ name, lateness: lateness <= MAX_LATENESS_MS ? 'within bound' : lateness }).toEqual({
        name,
        lateness: 'within bound',
      });
    }
    await sleep(300); // let a duplicate, if any, reach Kafka
    expect(deadlineEvents(appealId)).toHaveLength(4);
    return clocks;
  };

  beforeAll(async () => {
    const port = await freePort();
    redisServer = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    redis = new Redis(`redis://127.0.0.1:${port}`, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await waitFor('the test Redis answers', () => redis.ping().then((pong) => pong === 'PONG'), { timeoutMs: 10_000 });
    first = await startServiceForTest(routingDefinition, {
      REDIS_URL: `redis://127.0.0.1:${port}`,
      BRIEF_ANSWER_DURATION: `${BRIEF_MS / 1000}s`,
      FULL_ANSWER_DURATION: `${FULL_MS / 1000}s`,
      FORWARDING_DURATION: `${DUTY_MS / 1000}s`,
      EXTENSION_NOTICE_DURATION: `${DUTY_MS / 1000}s`,
      REMINDER_FRACTIONS: '0.5',
      REMINDER_BEFORE: '',
      OFFICE_HOURS_APPLY_TO_REMINDERS: 'false',
      CLOCK_RECONCILE_INTERVAL_MS: '500',
      REASSIGNMENT_RESTARTS_DEADLINES: 'true',
    });
    apps.push(first.app);
    db = first.databaseUrl;
    probe = new KafkaProbe();
    await probe.record([routingTopic()]);
    events = routingEvents(probe);
  });

  afterAll(async () => {
    await probe?.close();
    for (const app of apps) await app.close();
    redis?.disconnect();
    redisServer?.kill();
  });

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

  it('survives a restart: a clock due while routing was down fires at once, the next one on time', async () => {
    const { appeal, registeredAt } = await route();
    await stop(current());
    await sleep(registeredAt + BRIEF_MS + 500 - Date.now());
    await startAnother();
    // A clock overdue at start fires within the lateness bound of the service being up.
    await expectAllFiredOnTime(appeal.subject, Date.now());
  });

  it('survives FLUSHALL: the reconciler restores every open clock, which fires on time', async () => {
    const { appeal } = await route();
    expect(await jobsOf(appeal.subject)).toBe(4);
    await redis.flushall();
    expect(await jobsOf(appeal.subject)).toBe(0);
    await waitFor('the clocks’ jobs restored', async () => (await jobsOf(appeal.subject)) === 4);
    await expectAllFiredOnTime(appeal.subject);
  });

  it('fires a clock whose time passed while Redis was empty once, as soon as routing is back', async () => {
    const { appeal, registeredAt } = await route();
    await stop(current());
    await redis.flushall();
    await sleep(registeredAt + BRIEF_MS + 500 - Date.now());
    await startAnother();
    // A clock overdue at start fires within the lateness bound of the service being up.
    await expectAllFiredOnTime(appeal.subject, Date.now());
  });

  it('fires once with two instances and a duplicate firing', async () => {
    const second = await startAnother();
    const [one, two] = apps;
    const { appeal } = await route();
    const [brief50] = (await clocksOf(appeal.subject)).filter((clock) => clock.reminder === '50%');
    // Both instances fire the same clock at once, early, as a stray duplicate job would.
    const outcomes = await Promise.all([one, two].map((app) => app.get(DeadlineFiring).fire(brief50.id)));
    expect(outcomes.sort()).toEqual(['published', 'skipped']);
    await expectAllFiredOnTime(appeal.subject);
    expect(
      await queryRows(db, 'SELECT 1 FROM outbox_events WHERE key = $1 AND type LIKE $2', [
        appeal.subject,
        'appeal.deadline_%',
      ]),
    ).toHaveLength(4);
    await stop(second);
  });

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
