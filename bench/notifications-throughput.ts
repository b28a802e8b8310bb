/**
 * Notifications per second from event to gateway through the queue (issue #7 target: ≥ 500/s):
 * the notifications service runs in this process against the real broker, PostgreSQL (its test
 * database, emptied first) and Redis, with a local HTTP SMS gateway and SMTP server. N residents
 * with phones are registered (N registration SMS), then each gets a brief answer (N answer SMS);
 * the clock stops when the gateway has received every message of the phase.
 * Run: TEST_DATABASE_SUFFIX=_x npm run bench:notifications   (BENCH_NOTICES=2000 by default;
 * BENCH_CPU_PROFILE=<dir> writes a CPU profile of each event phase there)
 */
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { buildEnvelope, physicalTopic, TOPICS } from '@akimat/contracts';
import { deleteBenchTopics } from './bench-topics';
import { profiled } from './notifications-profile';

const NOTICES = Number(process.env['BENCH_NOTICES'] ?? 2_000);
const WARM_UP = 100;
// Decorators read the topic when the app module is imported, so the prefix is set first.
process.env['KAFKA_TOPIC_PREFIX'] = `bench-${Date.now().toString(36)}.`;
process.env['TEST_LOG_LEVEL'] ??= 'warn';

const kafka = new Kafka({ clientId: 'bench-notifications', brokers: (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','), logLevel: logLevel.NOTHING });
const author = { name: 'Bench Head' };

function appeal(index: number) {
  return { appealId: randomUUID(), registrationNumber: `BENCH-${String(index).padStart(6, '0')}`, category: 'housing' };
}

function registered(facts: ReturnType<typeof appeal>, index: number) {
  const phone = `+7700${String(1_000_000 + index).slice(-7)}`;
  return buildEnvelope(
    'appeal.registered',
    { ...facts, registeredAt: new Date().toISOString(), channel: 'reception', anonymous: false, text: 'Bench', resident: { name: 'Resident', phone, language: index % 2 ? 'kk' : 'ru' } },
    { producer: 'bench', correlationId: facts.appealId, subject: facts.appealId },
  );
}

function briefAnswered(facts: ReturnType<typeof appeal>) {
  return buildEnvelope(
    'appeal.brief_answered',
    { ...facts, unitCode: 'housing-inspection', answeredAt: new Date().toISOString(), author, text: 'Комиссия үйді тексереді.', hoursFromRegistration: 1 },
    { producer: 'bench', correlationId: facts.appealId, subject: facts.appealId },
  );
}

async function main(): Promise<void> {
  const { startServiceForTest } = await import('@akimat/testing');
  const { notificationsService } = await import('../apps/notifications/test/notifications-test-kit');
  const { startSmsGateway, startSmtpServer } = await import('../apps/notifications/test/channel-servers');
  const gateway = await startSmsGateway();
  const smtp = await startSmtpServer();
  const service = await startServiceForTest(notificationsService, {
    KAFKA_TOPIC_PARTITIONS: process.env['KAFKA_TOPIC_PARTITIONS'] ?? '3',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMS_GATEWAY_URL: gateway.url,
    SMS_RATE_PER_SECOND: process.env['SMS_RATE_PER_SECOND'] ?? '5000',
    DELIVERY_CONCURRENCY: process.env['DELIVERY_CONCURRENCY'] ?? '50',
    // The benchmark runs at any hour: no quiet hours.
    QUIET_HOURS_START: '00:00',
    QUIET_HOURS_END: '00:00',
  });

  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const send = async (events: { subject: string }[]) => {
    for (let sent = 0; sent < events.length; sent += 500) {
      await producer.send({
        topic: physicalTopic(TOPICS.appealEvents),
        acks: -1,
        messages: events.slice(sent, sent + 500).map((event) => ({ key: event.subject, value: JSON.stringify(event) })),
      });
    }
  };
  const until = async (count: number) => {
    while (gateway.received.length < count) await new Promise((resolve) => setTimeout(resolve, 10));
  };
  // BENCH_TRACE=1 prints, each second, rows written by the consumer and SMS received, to see which side lags.
  const { queryRows } = await import('@akimat/testing');
  const trace = process.env['BENCH_TRACE']
    ? setInterval(async () => {
        const [row] = await queryRows<{ rows: string }>(service.databaseUrl, 'SELECT count(*) AS rows FROM deliveries');
        console.log(JSON.stringify({ t: Math.round(performance.now()), rows: Number(row.rows), received: gateway.received.length }));
      }, 1_000)
    : undefined;
  const phase = async (name: string, events: { subject: string }[], total: number) => {
    const start = performance.now();
    const cpuBefore = process.cpuUsage();
    await profiled(name, async () => {
      await send(events);
      await until(total);
    });
    const seconds = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    return {
      notices: events.length,
      seconds: Number(seconds.toFixed(2)),
      perSecond: Math.round(events.length / seconds),
      // This process runs the service, the producer and the gateway; CPU per notice holds on a busy machine.
      processCpuPercent: Math.round((cpu.user + cpu.system) / 1e4 / seconds),
      cpuMsPerNotice: Number(((cpu.user + cpu.system) / 1e3 / events.length).toFixed(2)),
    };
  };

  const warmUp = Array.from({ length: WARM_UP }, (_, i) => appeal(i));
  await send(warmUp.map(registered));
  await until(WARM_UP);
  const appeals = Array.from({ length: NOTICES }, (_, i) => appeal(WARM_UP + i));
  const registration = await phase('registration', appeals.map((facts, i) => registered(facts, WARM_UP + i)), WARM_UP + NOTICES);
  const answers = await phase('brief-answer', appeals.map(briefAnswered), WARM_UP + 2 * NOTICES);

  // The queue stage alone: rows as the consumer writes them, enqueued at once, until the gateway has them.
  const { DeliveryQueue } = await import('../apps/notifications/src/deliveries/delivery-queue.service');
  const queue = service.app.get(DeliveryQueue);
  const ids = await queryRows<{ id: string }>(
    service.databaseUrl,
    `INSERT INTO deliveries (id, event_id, appeal_id, kind, audience, recipient, recipient_name, channel, language, subject, body, status)
     SELECT gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'brief_answer', 'resident', '+7700' || lpad(i::text, 7, '0'),
            'Resident', 'sms', 'kk', 'Bench', 'Queue stage', 'queued'
     FROM generate_series(1, $1) AS i RETURNING id`,
    [NOTICES],
  );
  const queueStart = performance.now();
  const queueCpuBefore = process.cpuUsage();
  await queue.enqueue(ids.map(({ id }) => ({ id, channel: 'sms' as const, deliverAfter: null })));
  await until(WARM_UP + 3 * NOTICES);
  const queueSeconds = (performance.now() - queueStart) / 1000;
  const queueCpu = process.cpuUsage(queueCpuBefore);
  const queueStage = {
    notices: NOTICES,
    seconds: Number(queueSeconds.toFixed(2)),
    perSecond: Math.round(NOTICES / queueSeconds),
    cpuMsPerNotice: Number(((queueCpu.user + queueCpu.system) / 1e3 / NOTICES).toFixed(2)),
  };
  console.log(JSON.stringify({ partitions: Number(process.env['KAFKA_TOPIC_PARTITIONS'] ?? 3), registrationSms: registration, briefAnswerSms: answers, queueToGateway: queueStage }));
  const duplicates = gateway.received.length - new Set(gateway.received.map((sms) => `${sms.to}|${sms.text}`)).size;
  if (duplicates > 0) console.log(JSON.stringify({ duplicates }));

  clearInterval(trace);
  await producer.disconnect();
  await queue.queue('sms')?.obliterate({ force: true });
  await service.close();
  await gateway.close();
  await smtp.close();
  await deleteBenchTopics(kafka, ['notifications']);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
