import { Redis } from 'ioredis';
import { queryRows, waitFor } from '@akimat/testing';
import { clockJobId, DEADLINE_QUEUE } from '../src/deadlines/clock-job';
import { ClockScheduler } from '../src/deadlines/clock-scheduler.service';
import { DeadlineFiring } from '../src/deadlines/deadline-firing.service';
import { BRIEF_MS, deadlineTimersHarness, sleep } from './deadline-timers-harness';

/** Clocks still fire on time, and once, through a routing restart, a flushed Redis and two instances. */
describe('deadline timers: through restarts, a flushed Redis and two instances', () => {
  const timers = deadlineTimersHarness();
  const { current, startAnother, stop, route, clocksOf, jobsOf, expectAllFiredOnTime } = timers;
  let redis: Redis;
  let db: string;
  beforeAll(() => ({ redis, db } = timers.state()));

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

  it('restarts with Redis intact re-adding only the clocks due soon; all of them once Redis lost its data', async () => {
    const { appeal } = await route();
    // The full answer's clocks are weeks away in a real office: an hour on, and their jobs gone.
    await queryRows(
      db,
      `UPDATE deadline_clocks SET fire_at = now() + interval '1 hour' WHERE appeal_id = $1 AND kind = 'full_answer'`,
      [appeal.subject],
    );
    const { queue } = current().get(ClockScheduler);
    const later = (await clocksOf(appeal.subject)).filter((clock) => clock.kind === 'full_answer');
    for (const clock of later) await queue.remove(clockJobId(clock));
    await stop(current());

    await startAnother();
    await sleep(1_500); // the start-up pass and two more reconciler ticks
    expect(await jobsOf(appeal.subject, 'full_answer')).toBe(0);

    await redis.del(`${process.env['QUEUE_PREFIX']}:${DEADLINE_QUEUE}:reconciled`);
    await waitFor('every open clock re-added once Redis lost its data', async () =>
      (await jobsOf(appeal.subject, 'full_answer')) === 2 ? true : undefined,
    );
  });

  it('fires once with two instances and a duplicate firing', async () => {
    const second = await startAnother();
    const [one, two] = timers.apps();
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
});
