/**
 * Events counted per second by the stats service (issue #8 targets: ≥ 5,000/s live, ≥ 20,000/s
 * during a rebuild). N events (half walk-in visits, half appeal lifecycles: registered, routed, brief
 * and full answer, feedback) go to fresh prefixed topics first; then the service starts in this
 * process on its emptied test database. Live: the clock starts at the group's first commit (after
 * boot and join) and stops when it has committed the end of both topics; CPU per event is this
 * process's plus the database backends' over the same span (set-based batches, EVENT_BATCH_SIZE).
 * Then `rebuildStats` replays the same topics into shadow tables and swaps them in.
 * Run: TEST_DATABASE_SUFFIX=_s npm run bench:stats   (BENCH_EVENTS=20000 by default)
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { Kafka, logLevel } from 'kafkajs';
import { buildEnvelope, EventInput, EventType, physicalTopic, TOPICS, topicOf } from '@akimat/contracts';
import { deleteBenchTopics } from './bench-topics';
import { meterLive } from './stats-live-meter';

const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 20_000);
// Decorators read the topic when the app module is imported, so the prefix is set first.
process.env['KAFKA_TOPIC_PREFIX'] = `bench-${Date.now().toString(36)}.`;
process.env['TEST_LOG_LEVEL'] ??= 'warn';
const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
const kafka = new Kafka({ clientId: 'bench-stats', brokers, logLevel: logLevel.NOTHING });

const at = (hours: number) => new Date(Date.parse('2026-03-02T05:00:00.000Z') + hours * 3_600_000).toISOString();
const envelope = <T extends EventType>(type: T, data: EventInput<T>, subject: string) =>
  buildEnvelope(type, data, { producer: 'bench', correlationId: subject, subject });

function lifecycle() {
  const appealId = randomUUID();
  const facts = { appealId, registrationNumber: `B-${appealId.slice(0, 8)}`, category: 'housing' };
  const unit = { code: 'housing-inspection', nameKk: 'Инспекция', nameRu: 'Инспекция' };
  const answer = { ...facts, unitCode: unit.code, author: { name: 'Маман' }, text: 'Жауап', onTime: true };
  return [
    envelope(
      'appeal.registered',
      { ...facts, registeredAt: at(0), channel: 'reception', anonymous: true, text: 'Өтініш' },
      appealId,
    ),
    envelope(
      'appeal.routed',
      { ...facts, routedAt: at(0.01), unit, head: { name: 'Басшы', language: 'kk' }, reason: 'bench' },
      appealId,
    ),
    envelope('appeal.brief_answered', { ...answer, answeredAt: at(20), hoursFromRegistration: 20 }, appealId),
    envelope(
      'appeal.full_answered',
      { ...answer, answeredAt: at(200), hoursFromRegistration: 200, outcome: 'satisfied', afterReopening: false },
      appealId,
    ),
    envelope('appeal.feedback_given', { ...facts, givenAt: at(201), rating: 4 }, appealId),
  ];
}

function visit() {
  const visitId = randomUUID();
  return envelope(
    'service.rendered',
    { visitId, sector: 'self_service', service: 'eds', renderedAt: at(Math.random() * 8000) },
    visitId,
  );
}

async function produce(count: number): Promise<number> {
  const producer = kafka.producer({ allowAutoTopicCreation: false, idempotent: true });
  await producer.connect();
  let sent = 0;
  while (sent < count) {
    const events = [];
    while (events.length < 1000 && sent + events.length < count)
      events.push(...(events.length % 10 < 5 ? [visit()] : lifecycle()));
    const byTopic = new Map<string, typeof events>();
    for (const e of events) {
      const topic = physicalTopic(topicOf(e.type));
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), e]);
    }
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, list]) => ({
        topic,
        messages: list.map((e) => ({ key: e.subject, value: JSON.stringify(e) })),
      })),
    });
    sent += events.length;
  }
  await producer.disconnect();
  return sent;
}

async function main(): Promise<void> {
  const { queryRows, startServiceForTest, testDatabaseUrl } = await import('@akimat/testing');
  const { AppModule } = await import('../apps/stats/src/app/app.module');
  const { statsEnvSchema } = await import('../apps/stats/src/app/stats-env.schema');
  const { rebuildStats } = await import('../apps/stats/src/rebuild/stats-rebuild');
  const admin = kafka.admin();
  await admin.connect();
  const topics = Object.values(TOPICS).map((topic) => physicalTopic(topic));
  await admin.createTopics({ waitForLeaders: true, topics: topics.map((topic) => ({ topic, numPartitions: 3 })) });
  const sent = await produce(EVENTS);
  process.stdout.write(`produced ${sent} events\n`);

  const booted = Date.now();
  const groupId = `${process.env['KAFKA_TOPIC_PREFIX']}stats-server`;
  let service: Awaited<ReturnType<typeof startServiceForTest>> | undefined;
  const live = await meterLive(admin, groupId, topics, sent, testDatabaseUrl('stats'), async () => {
    service = await startServiceForTest({ serviceName: 'stats', envSchema: statsEnvSchema, appModule: AppModule });
  });
  const all = (Date.now() - booted) / 1000;
  const cpu = live.cpuMicrosPerEvent;
  process.stdout.write(
    `live: ${live.events} events in ${live.seconds.toFixed(2)} s after the first commit = ${Math.round(live.events / live.seconds)}/s` +
      ` (all ${sent} from boot: ${all.toFixed(1)} s); CPU per event: node ${cpu.node.toFixed(0)} µs,` +
      ` postgres ${cpu.postgres.toFixed(0)} µs; load ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')}\n`,
  );

  const [{ handled }] = await queryRows<{ handled: string }>(
    testDatabaseUrl('stats'),
    'SELECT count(*) AS handled FROM processed_events',
  );
  if (Number(handled) !== sent) throw new Error(`live recorded ${handled} events as handled, not ${sent}`);

  const t0 = Date.now();
  const rebuild = await rebuildStats({
    databaseUrl: testDatabaseUrl('stats'),
    brokers,
    topicPrefix: process.env['KAFKA_TOPIC_PREFIX'] ?? '',
    progress: (line) => process.stdout.write(`  +${((Date.now() - t0) / 1000).toFixed(1)} s ${line}\n`),
  });
  process.stdout.write(
    `rebuild: ${rebuild.events} events in ${rebuild.seconds.toFixed(1)} s = ${Math.round(rebuild.events / rebuild.seconds)}/s\n`,
  );
  await admin.disconnect();
  await service?.close();
  await deleteBenchTopics(kafka);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
