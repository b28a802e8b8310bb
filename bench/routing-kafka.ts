/**
 * Kafka-to-Kafka routed appeals per second (issue #5 target: ≥ 1,000/s): the routing service runs
 * in this process against the real broker and PostgreSQL (its test database, emptied first) with
 * the seeded rules plus 500 synthetic ones; N appeal.registered go to a fresh prefixed topic and
 * the clock stops when N appeal.routed have come out of the outbox relay.
 * Run: TEST_DATABASE_SUFFIX=_x npm run bench:routing-kafka   (BENCH_APPEALS=5000 by default)
 */
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { buildEnvelope, physicalTopic, TOPICS } from '@akimat/contracts';
import { queryRows } from '@akimat/testing';
import { seededRandom, syntheticAppeal, syntheticRules } from './synthetic-rules';
import { deleteBenchTopics } from './bench-topics';

const APPEALS = Number(process.env['BENCH_APPEALS'] ?? 5_000);
const WARM_UP = 200;
// Decorators read the topic when the app module is imported, so the prefix is set first.
process.env['KAFKA_TOPIC_PREFIX'] = `bench-${Date.now().toString(36)}.`;
process.env['TEST_LOG_LEVEL'] ??= 'warn';

const kafka = new Kafka({ clientId: 'bench-routing', brokers: (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','), logLevel: logLevel.NOTHING });
const random = seededRandom(11);

function appealRegistered() {
  const appealId = randomUUID();
  const appeal = syntheticAppeal(random);
  return buildEnvelope(
    'appeal.registered',
    {
      appealId,
      registrationNumber: `BENCH-${appealId.slice(0, 8)}`,
      registeredAt: new Date().toISOString(),
      category: appeal.category,
      channel: appeal.channel as 'reception',
      locality: appeal.locality,
      anonymous: true,
      text: appeal.text,
    },
    { producer: 'bench', correlationId: appealId, subject: appealId },
  );
}

async function insertSyntheticRules(databaseUrl: string): Promise<void> {
  for (const rule of syntheticRules(500)) {
    await queryRows(
      databaseUrl,
      `INSERT INTO routing_rules (id, name, priority, enabled, version, categories, localities, keywords, channels, target_unit_code)
       VALUES ($1, $2, $3, $4, 1, $5, $6, $7, $8, $9)`,
      [rule.id, rule.name, rule.priority, rule.enabled, rule.categories, rule.localities, rule.keywords, rule.channels, rule.targetUnitCode],
    );
  }
  await queryRows(databaseUrl, 'UPDATE routing_table_state SET revision = revision + 1');
}

async function main(): Promise<void> {
  const { startServiceForTest } = await import('@akimat/testing');
  const { AppModule } = await import('../apps/routing/src/app/app.module');
  const { routingEnvSchema } = await import('../apps/routing/src/app/routing-env.schema');
  const service = await startServiceForTest(
    { serviceName: 'routing', envSchema: routingEnvSchema, appModule: AppModule },
    { KAFKA_TOPIC_PARTITIONS: process.env['KAFKA_TOPIC_PARTITIONS'] ?? '3' },
  );
  await insertSyntheticRules(service.databaseUrl);

  let routed = 0;
  const consumer = kafka.consumer({ groupId: `bench-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topics: [physicalTopic(TOPICS.routingEvents)], fromBeginning: true });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.run({
    eachBatch: async ({ batch }) => {
      for (const message of batch.messages) if (message.headers?.['event-type']?.toString() === 'appeal.routed') routed++;
    },
  });
  await joined;

  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const send = async (count: number) => {
    for (let sent = 0; sent < count; sent += 500) {
      const events = Array.from({ length: Math.min(500, count - sent) }, appealRegistered);
      await producer.send({
        topic: physicalTopic(TOPICS.appealEvents),
        acks: -1,
        messages: events.map((event) => ({ key: event.subject, value: JSON.stringify(event) })),
      });
    }
  };
  const until = async (count: number) => {
    while (routed < count) await new Promise((resolve) => setTimeout(resolve, 20));
  };

  await send(WARM_UP);
  await until(WARM_UP);
  const start = performance.now();
  const cpuBefore = process.cpuUsage();
  await send(APPEALS);
  await until(WARM_UP + APPEALS);
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  console.log(
    JSON.stringify({
      appeals: APPEALS,
      partitions: Number(process.env['KAFKA_TOPIC_PARTITIONS'] ?? 3),
      seconds: Number(seconds.toFixed(2)),
      routedPerSecond: Math.round(APPEALS / seconds),
      // This process runs the service, the producer and the counting consumer.
      processCpuPercent: Math.round(((cpu.user + cpu.system) / 1e4) / seconds),
    }),
  );

  await producer.disconnect();
  await consumer.disconnect();
  await service.close();
  await deleteBenchTopics(kafka, ['routing']);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
