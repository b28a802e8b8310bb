import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { buildEnvelope, EventInput, EventType, KnownEnvelope, physicalTopic, TOPICS, topicOf } from '@akimat/contracts';
import { bootstrapService } from '@akimat/service-kit';
import { freePort, KafkaProbe, startServiceForTest } from '@akimat/testing';
import { AppModule } from '../src/app/app.module';
import { statsEnvSchema } from '../src/app/stats-env.schema';

export const definition = { serviceName: 'stats', envSchema: statsEnvSchema, appModule: AppModule };
export const topics = () => Object.values(TOPICS).map((topic) => physicalTopic(topic));
const brokers = () => (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');

export function event<T extends EventType>(type: T, data: EventInput<T>, subject: string): KnownEnvelope {
  return buildEnvelope(type, data, { producer: 'test', correlationId: `corr-${subject}`, subject }) as KnownEnvelope;
}

/** The stats service in this process, a producer, and a way to wait until its group has consumed everything. */
export async function startStats() {
  let service = await startServiceForTest(definition);
  const kafka = new Kafka({ clientId: `stats-test-${randomUUID()}`, brokers: brokers(), logLevel: logLevel.NOTHING });
  const producer: Producer = kafka.producer({ allowAutoTopicCreation: false, idempotent: true });
  await producer.connect();
  const probe = new KafkaProbe();
  const groupId = `${process.env['KAFKA_GROUP_ID']}-server`;
  const harness = {
    get app() {
      return service.app;
    },
    databaseUrl: service.databaseUrl,
    groupId,
    http: () => service.app.getHttpServer(),
    /** Sends events in batches of up to 1000 per topic, keyed by subject like the real producers. */
    async produce(events: KnownEnvelope[]): Promise<void> {
      for (let i = 0; i < events.length; i += 1000) {
        const chunk = events.slice(i, i + 1000);
        const byTopic = new Map<string, KnownEnvelope[]>();
        for (const e of chunk)
          byTopic.set(physicalTopic(topicOf(e.type)), [...(byTopic.get(physicalTopic(topicOf(e.type))) ?? []), e]);
        await producer.sendBatch({
          acks: -1,
          topicMessages: [...byTopic].map(([topic, list]) => ({
            topic,
            messages: list.map((e) => ({ key: e.subject, value: JSON.stringify(e) })),
          })),
        });
      }
    },
    consumed: (timeoutMs = 60_000) => probe.waitUntilConsumed(groupId, topics(), timeoutMs),
    /** Stops the service, then starts it again on the same database (what a crashed process does). */
    async restart(beforeStart?: () => Promise<void>): Promise<void> {
      await service.app.close();
      await beforeStart?.();
      service = { ...service, app: await bootstrapService(definition) };
    },
    /** Starts another instance on the same database and consumer group, as a second process would. */
    async secondInstance(): Promise<{ close(): Promise<void> }> {
      const port = process.env['HTTP_PORT'];
      process.env['HTTP_PORT'] = String(await freePort());
      try {
        return await bootstrapService(definition);
      } finally {
        process.env['HTTP_PORT'] = port;
      }
    },
    /** Forgets the group's committed offsets, as a crash between the effect and the commit would. */
    async forgetOffsets(): Promise<void> {
      const admin = kafka.admin();
      await admin.connect();
      try {
        for (const topic of topics()) await admin.resetOffsets({ groupId, topic, earliest: true });
      } finally {
        await admin.disconnect();
      }
    },
    async close(): Promise<void> {
      await producer.disconnect();
      await probe.close();
      await service.app.close();
    },
  };
  return harness;
}

export type StatsHarness = Awaited<ReturnType<typeof startStats>>;
