/**
 * End-to-end pipeline benchmark (issue #9), against a running stack (`npm start`): drives
 * POST /api/v1/appeals at each rate in RATES for SECONDS and measures, per appeal, accepted (201) →
 * routed (appeal.routed on Kafka) → head's notification recorded (notifications' deliveries row) →
 * counted (stats' processed_events row for appeal.routed). A rate is sustained when 99 % of appeals
 * are accepted, notified and counted, and every stage keeps up (p99 accepted → notified and accepted
 * → counted under 2 s). In the same
 * run it measures this machine's raw ceilings — kafkajs produce → consume of the same envelopes on
 * the same broker, and single-row PostgreSQL inserts — and prints the ratios.
 *
 *   npm run bench:pipeline                          # RATES=100,300,600,1000 SECONDS=15
 *   RATES=100 SECONDS=30 npm run bench:pipeline
 */
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import { buildEnvelope, physicalTopic, TOPICS } from '@akimat/contracts';
import { percentile } from './http-load';
import { actingAs } from '@akimat/testing';

const APPEALS_URL = process.env['APPEALS_URL'] ?? 'http://127.0.0.1:3001';
const RATES = (process.env['RATES'] ?? '100,300,600,1000').split(',').map(Number);
const SECONDS = Number(process.env['SECONDS'] ?? 15);
const DRAIN_MS = Number(process.env['DRAIN_MS'] ?? 30_000);
const PG = process.env['PG_BASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432';
const BROKERS = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
const PREFIX = process.env['KAFKA_TOPIC_PREFIX'] ?? '';

const kafka = new Kafka({ clientId: 'bench-pipeline', brokers: BROKERS, logLevel: logLevel.NOTHING });
const notificationsDb = new Pool({ connectionString: `${PG}/akimat_notifications`, max: 2 });
const statsDb = new Pool({ connectionString: `${PG}/akimat_stats`, max: 2 });
const agent = new Agent({ keepAlive: true, maxSockets: 512 });
// Signed with the local demo identity provider's key (made by `npm start`).
const operator = actingAs('Bench operator', 'Оператор', { roles: ['operator'] });
const CATEGORIES = ['housing', 'land_architecture', 'agriculture', 'social_support', 'utilities', 'roads_transport'];

interface Accepted {
  id: string;
  at: number;
}

function card(n: number) {
  return {
    resident: { fullName: `Тұрғын ${n}`, iin: '950101300016', phone: '+77011234567', language: n % 2 ? 'kk' : 'ru' },
    category: CATEGORIES[n % CATEGORIES.length],
    channel: 'reception',
    text: `Өтініш №${n}: шатыр ағып тұр. Обращение №${n}: протекает крыша.`,
  };
}

/** Requests that got no 201, by HTTP status or socket error code, for the run being measured. */
let failures: Record<string, number> = {};
const countFailure = (reason: string) => (failures[reason] = (failures[reason] ?? 0) + 1);

function postAppeal(n: number): Promise<Accepted | undefined> {
  const payload = Buffer.from(JSON.stringify(card(n)));
  return new Promise((resolve) => {
    const req = request(
      `${APPEALS_URL}/api/v1/appeals`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': payload.length, ...operator },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          if (res.statusCode !== 201) {
            countFailure(`http ${res.statusCode}`);
            return resolve(undefined);
          }
          resolve({ id: (JSON.parse(Buffer.concat(chunks).toString()) as { id: string }).id, at: Date.now() });
        });
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      countFailure(error.code ?? error.message);
      resolve(undefined);
    });
    req.end(payload);
  });
}

/** Watches appeal.routed on Kafka: appeal id → when it was published, and the event id. */
async function watchRouted() {
  const routed = new Map<string, { at: number; eventId: string }>();
  const consumer = kafka.consumer({ groupId: `bench-pipeline-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic: physicalTopic(TOPICS.routingEvents, PREFIX), fromBeginning: false });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (message.headers?.['event-type']?.toString() !== 'appeal.routed') return;
      const event = JSON.parse(message.value?.toString() ?? '{}') as { id: string; subject: string };
      routed.set(event.subject, { at: Number(message.timestamp), eventId: event.id });
    },
  });
  await joined;
  return { routed, stop: () => consumer.disconnect() };
}

async function timesOf(pool: Pool, sql: string, keys: string[]): Promise<Map<string, number>> {
  const times = new Map<string, number>();
  for (let i = 0; i < keys.length; i += 5_000) {
    const { rows } = await pool.query<{ key: string; at: Date }>(sql, [keys.slice(i, i + 5_000)]);
    for (const row of rows) times.set(row.key, row.at.getTime());
  }
  return times;
}

const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0
    ? { p50: NaN, p95: NaN, p99: NaN }
    : { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
};

async function runRate(rate: number, seconds: number, routed: Map<string, { at: number; eventId: string }>) {
  const total = rate * seconds;
  failures = {};
  const start = performance.now();
  const pending: Promise<Accepted | undefined>[] = [];
  for (let n = 0; n < total; n++) {
    const wait = start + (n * 1000) / rate - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(postAppeal(n));
  }
  const accepted = (await Promise.all(pending)).filter((a): a is Accepted => a !== undefined);
  const sendSeconds = (performance.now() - start) / 1000;

  // Wait until every accepted appeal is counted by stats and its head notified (or the drain time runs out).
  const deadline = Date.now() + DRAIN_MS;
  let counted = new Map<string, number>();
  let notified = new Map<string, number>();
  while (Date.now() < deadline) {
    const eventIds = accepted.map((a) => routed.get(a.id)?.eventId).filter((id): id is string => id !== undefined);
    counted = await timesOf(
      statsDb,
      'SELECT event_id::text AS key, processed_at AS at FROM processed_events WHERE event_id = ANY($1::uuid[])',
      eventIds,
    );
    notified = await timesOf(
      notificationsDb,
      `SELECT appeal_id::text AS key, min(created_at) AS at FROM deliveries
        WHERE appeal_id = ANY($1::uuid[]) AND kind = 'routed' GROUP BY appeal_id`,
      accepted.map((a) => a.id),
    );
    if (counted.size >= accepted.length && notified.size >= accepted.length) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const toRouted: number[] = [];
  const toNotified: number[] = [];
  const toCounted: number[] = [];
  for (const appeal of accepted) {
    const route = routed.get(appeal.id);
    if (route) toRouted.push(route.at - appeal.at);
    const note = notified.get(appeal.id);
    if (note !== undefined) toNotified.push(note - appeal.at);
    const count = route && counted.get(route.eventId);
    if (count !== undefined) toCounted.push(count - appeal.at);
  }
  const share = (done: number[]) => (accepted.length === 0 ? 0 : done.length / accepted.length);
  const counting = summary(toCounted);
  const notifying = summary(toNotified);
  return {
    rate,
    sent: total,
    accepted: accepted.length,
    achievedPerSecond: Math.round(accepted.length / sendSeconds),
    routed: summary(toRouted),
    notified: notifying,
    counted: counting,
    failures,
    notifiedShare: Number(share(toNotified).toFixed(3)),
    countedShare: Number(share(toCounted).toFixed(3)),
    // Every stage keeps up: the head told and the appeal counted within 2 s for 99 % of appeals.
    sustained:
      accepted.length >= 0.99 * total &&
      share(toCounted) >= 0.99 &&
      share(toNotified) >= 0.99 &&
      counting.p99 < 2_000 &&
      notifying.p99 < 2_000,
  };
}

/** kafkajs produce → consume of appeal.registered-sized envelopes on a fresh 3-partition topic. */
async function kafkaCeiling(messages = 20_000): Promise<number> {
  const topic = `bench-ceiling-${Date.now().toString(36)}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
  const envelope = (n: number) => {
    const appealId = randomUUID();
    return buildEnvelope(
      'appeal.registered',
      {
        appealId,
        registrationNumber: `MAH-2026-${String(n).padStart(6, '0')}`,
        registeredAt: new Date().toISOString(),
        category: 'housing',
        channel: 'reception',
        anonymous: false,
        text: card(n).text,
      },
      { producer: 'bench', correlationId: appealId, subject: appealId },
    );
  };
  const values = Array.from({ length: messages }, (_, n) => envelope(n));
  let received = 0;
  const consumer = kafka.consumer({ groupId: `bench-ceiling-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.run({ eachBatch: async ({ batch }) => void (received += batch.messages.length) });
  await joined;
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const start = performance.now();
  for (let i = 0; i < values.length; i += 500) {
    await producer.send({
      topic,
      acks: -1,
      messages: values.slice(i, i + 500).map((event) => ({ key: event.subject, value: JSON.stringify(event) })),
    });
  }
  while (received < messages) await new Promise((resolve) => setTimeout(resolve, 10));
  const perSecond = messages / ((performance.now() - start) / 1000);
  await producer.disconnect();
  await consumer.disconnect();
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
  return Math.round(perSecond);
}

/** Single-row autocommit INSERTs from 16 concurrent connections for 5 s. */
async function postgresCeiling(seconds = 5, connections = 16): Promise<number> {
  const pool = new Pool({ connectionString: `${PG}/akimat_stats`, max: connections });
  const table = `bench_ceiling_${Date.now().toString(36)}`;
  await pool.query(`CREATE TABLE ${table} (id uuid PRIMARY KEY, body jsonb)`);
  let inserted = 0;
  const endAt = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < endAt) {
        await pool.query(`INSERT INTO ${table} (id, body) VALUES ($1, $2)`, [
          randomUUID(),
          JSON.stringify(card(inserted)),
        ]);
        inserted++;
      }
    }),
  );
  await pool.query(`DROP TABLE ${table}`);
  await pool.end();
  return Math.round(inserted / seconds);
}

async function main(): Promise<void> {
  const ready = await fetch(`${APPEALS_URL}/health/ready`).catch(() => undefined);
  if (!ready?.ok) throw new Error(`appeals is not ready at ${APPEALS_URL}; start the stack with npm start`);
  const watcher = await watchRouted();
  // Warm-up: consumers joined and caught up, connections open, code paths compiled.
  await runRate(10, 3, watcher.routed);
  const runs = [];
  for (const rate of RATES) {
    const run = await runRate(rate, SECONDS, watcher.routed);
    runs.push(run);
    console.log(JSON.stringify(run));
  }
  await watcher.stop();
  const kafkaPerSecond = await kafkaCeiling();
  const postgresPerSecond = await postgresCeiling();
  const ms = (value: number) => (Number.isNaN(value) ? '-' : Math.round(value));
  console.table(
    runs.map((run) => ({
      'rate/s': run.rate,
      'accepted/s': run.achievedPerSecond,
      'routed p50/p99 ms': `${ms(run.routed.p50)} / ${ms(run.routed.p99)}`,
      'notified p50/p99 ms': `${ms(run.notified.p50)} / ${ms(run.notified.p99)}`,
      'counted p50/p99 ms': `${ms(run.counted.p50)} / ${ms(run.counted.p99)}`,
      sustained: run.sustained,
    })),
  );
  const best = Math.max(0, ...runs.filter((run) => run.sustained).map((run) => run.achievedPerSecond));
  console.log(
    JSON.stringify({
      highestSustainedPerSecond: best,
      kafkaCeilingPerSecond: kafkaPerSecond,
      postgresSingleRowInsertsPerSecond: postgresPerSecond,
      endToEndToKafkaCeiling: Number((best / kafkaPerSecond).toFixed(3)),
      endToEndToPostgresCeiling: Number((best / postgresPerSecond).toFixed(3)),
    }),
  );
  await notificationsDb.end();
  await statsDb.end();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
