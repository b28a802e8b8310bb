/**
 * Deadline clocks on BullMQ (issue #6 targets: ≥ 10,000 clocks/s scheduled, ≤ 1 KB of Redis memory
 * per clock, firing lateness p99 ≤ 1 s with 10,000 due in the same minute).
 *
 * 1. Schedules CLOCKS pending clocks (default 1,000,000) the way routing does — same job id, data,
 *    options (`fireJob`) — due over the next 15 days, with addBulk; prints clocks/s and Redis
 *    memory per clock (INFO used_memory before/after ÷ CLOCKS).
 * 2. With those still pending, schedules DUE_CLOCKS (10,000) due spread over one minute starting
 *    LEAD_MS from now; a worker records now − due time of each, printing p50/p99/max lateness.
 *    (Only these jobs carry their due time in data, for the measurement.)
 *    The worker only records, so this is BullMQ's own timing, not routing's database work.
 * 3. Deletes every key under its own prefix.
 *
 * Run: npm run bench:clocks  (CLOCKS=100000 for a quick run; REDIS_URL, default the local Redis)
 */
import { randomUUID } from 'node:crypto';
import { Job, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { deleteKeysUnder } from '../libs/testing/src/lib/redis-keys';
import { FINISHED_JOBS, fireJob, ScheduledClock } from '../apps/routing/src/deadlines/clock-job';

const CLOCKS = Number(process.env['CLOCKS'] ?? 1_000_000);
const DUE_CLOCKS = Number(process.env['DUE_CLOCKS'] ?? 10_000);
const WINDOW_MS = Number(process.env['WINDOW_MS'] ?? 60_000);
const LEAD_MS = Number(process.env['LEAD_MS'] ?? 5_000);
const BULK = 1_000;
const IN_FLIGHT = Number(process.env['IN_FLIGHT'] ?? 8);
const DAY_MS = 86_400_000;
const redisUrl = new URL(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
const connection = { host: redisUrl.hostname, port: Number(redisUrl.port || 6379), maxRetriesPerRequest: null };
const prefix = `bench-clocks-${Date.now().toString(36)}`;

const kinds = ['brief_answer', 'full_answer'] as const;
const reminders = ['50%', '80%', '2h', 'due'];

/** The i-th synthetic clock: four per appeal and kind, as routing plans them. */
function clockAt(i: number, appealIds: string[], fireAt: number, firstId = 0): ScheduledClock {
  const dueAt = new Date(fireAt + DAY_MS);
  return {
    id: String(firstId + i + 1),
    appealId: appealIds[Math.floor(i / 8)],
    kind: kinds[Math.floor(i / 4) % 2],
    reminder: reminders[i % 4],
    dueAt,
    fireAt: new Date(fireAt),
  };
}

async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1]);
}

async function schedulePending(queue: Queue, redis: Redis) {
  const appealIds = Array.from({ length: Math.ceil(CLOCKS / 8) }, () => randomUUID());
  const before = await usedMemory(redis);
  const start = performance.now();
  const now = Date.now();
  let next = 0;
  const lane = async () => {
    while (next < CLOCKS) {
      const from = next;
      next = Math.min(CLOCKS, next + BULK);
      const jobs = [];
      for (let i = from; i < next; i++) jobs.push(fireJob(clockAt(i, appealIds, now + DAY_MS + ((i * 7919) % (15 * DAY_MS))), now));
      await queue.addBulk(jobs);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  const seconds = (performance.now() - start) / 1000;
  const after = await usedMemory(redis);
  return {
    clocks: CLOCKS,
    seconds: Number(seconds.toFixed(1)),
    clocksPerSecond: Math.round(CLOCKS / seconds),
    redisBytesPerClock: Math.round((after - before) / CLOCKS),
    redisMemoryMB: Math.round(after / 1e6),
  };
}

async function measureLateness(queue: Queue) {
  const lateness: number[] = [];
  const done = new Promise<void>((resolve) => {
    const worker = new Worker(
      queue.name,
      async (job: Job<{ dueAt: number }>) => {
        lateness.push(Date.now() - job.data.dueAt);
        if (lateness.length === DUE_CLOCKS) void worker.close().then(resolve);
      },
      { connection, prefix, concurrency: 50, removeOnComplete: FINISHED_JOBS, removeOnFail: FINISHED_JOBS },
    );
  });
  const appealIds = Array.from({ length: Math.ceil(DUE_CLOCKS / 8) }, () => randomUUID());
  const firstDue = Date.now() + LEAD_MS;
  for (let from = 0; from < DUE_CLOCKS; from += BULK) {
    const jobs = [];
    for (let i = from; i < Math.min(DUE_CLOCKS, from + BULK); i++) {
      const dueAt = firstDue + Math.floor((i * WINDOW_MS) / DUE_CLOCKS);
      const job = fireJob(clockAt(i, appealIds, dueAt, CLOCKS));
      jobs.push({ ...job, data: { ...job.data, dueAt } });
    }
    await queue.addBulk(jobs);
  }
  await done;
  lateness.sort((a, b) => a - b);
  const at = (q: number) => lateness[Math.min(lateness.length - 1, Math.floor(q * lateness.length))];
  return { dueClocks: DUE_CLOCKS, windowMs: WINDOW_MS, latenessMs: { p50: at(0.5), p99: at(0.99), max: lateness[lateness.length - 1] } };
}

async function main() {
  const redis = new Redis(connection);
  const pending = new Queue('deadline-clocks', { connection, prefix });
  const due = new Queue('deadline-clocks-due', { connection, prefix });
  try {
    console.log(JSON.stringify({ redis: redisUrl.host, prefix, ...(await schedulePending(pending, redis)) }));
    console.log(JSON.stringify({ withPendingClocks: CLOCKS, ...(await measureLateness(due)) }));
  } finally {
    await pending.close();
    await due.close();
    console.log(JSON.stringify({ keysDeleted: await deleteKeysUnder(redis, prefix) }));
    redis.disconnect();
  }
}

void main();
