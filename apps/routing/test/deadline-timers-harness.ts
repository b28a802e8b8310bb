import { ChildProcess, spawn } from 'node:child_process';
import { INestApplication } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppealDeadlineApproachingV1, AppealDeadlineMissedV1, AppealRoutedV1 } from '@akimat/contracts';
import { bootstrapService } from '@akimat/service-kit';
import { freePort, KafkaProbe, queryRows, RunningService, startServiceForTest, waitFor } from '@akimat/testing';
import { clockJobId, DEADLINE_QUEUE } from '../src/deadlines/clock-job';
import { appealTopic, registered, routingDefinition, routingEvents, routingTopic } from './routing-test-kit';

export const BRIEF_MS = 3_000;
export const FULL_MS = 6_000;
/** Forwarding (from registration) and the extension notice (from the extension). */
export const DUTY_MS = 4_000;
export const MAX_LATENESS_MS = 1_500;

export interface ClockRow {
  id: string;
  kind: 'brief_answer' | 'full_answer' | 'forwarding' | 'extension_notice';
  reminder: string;
  state: 'pending' | 'fired' | 'cancelled';
  due_at: Date;
  fire_at: Date;
  fired_at: Date | null;
  stopped_at: Date | null;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The deadline-timer test files' shared set-up: routing on real PostgreSQL and Kafka, with a Redis
 * server of its own (started here), so that FLUSHALL is real and touches no one else's data. Terms
 * are seconds: brief 3 s, full 6 s, forwarding and extension notice 4 s, one reminder at 50 %, office
 * hours off for reminders so the wall clock cannot move them. Call it at the top of a describe: it
 * registers the beforeAll/afterAll and answers the helpers, usable inside the tests.
 */
export function deadlineTimersHarness() {
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

  return {
    current,
    apps: () => apps,
    startAnother,
    stop,
    routeAll,
    route,
    clocksOf,
    jobsOf,
    deadlineEvents,
    expectAllFiredOnTime,
    /** What beforeAll made: call it from a beforeAll registered after this harness. */
    state: () => ({ redis, probe, events, db }),
  };
}
