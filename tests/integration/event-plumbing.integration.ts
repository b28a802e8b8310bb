import { Controller, Module } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { buildEnvelope, deadLetterTopic, physicalTopic, TOPICS } from '@akimat/contracts';
import { KafkaProbe, queryRows, RunningService, startServiceForTest, waitFor } from '@akimat/testing';
import {
  baseEnvSchema,
  CreateOutboxTable1764000000000,
  CreateProcessedEventsTable1764000000001,
  EventConsumer,
  OutboxEventEntity,
  ProcessedEventEntity,
  ServiceCoreModule,
} from '@akimat/service-kit';

/** A handler that fails for appeals whose category is "poison" and records the rest. */
@Controller()
class ProbeConsumer {
  static attempts = new Map<string, number>();
  constructor(private readonly consumer: EventConsumer) {}

  @EventPattern(physicalTopic(TOPICS.appealEvents))
  on(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.consumer.consume(value, context, {
      'appeal.registered': async (event, manager) => {
        ProbeConsumer.attempts.set(event.id, (ProbeConsumer.attempts.get(event.id) ?? 0) + 1);
        if (event.data.category === 'poison') throw new Error('handler cannot cope');
        await manager.query('SELECT 1');
      },
    });
  }
}

const envSchema = baseEnvSchema.extend({ HTTP_PORT: z.coerce.number() });

@Module({
  imports: [
    ServiceCoreModule.forRoot({
      serviceName: 'kit-probe',
      envSchema,
      database: {
        entities: [OutboxEventEntity, ProcessedEventEntity],
        migrations: [CreateOutboxTable1764000000000, CreateProcessedEventsTable1764000000001],
      },
      producesEvents: false,
    }),
  ],
  controllers: [ProbeConsumer],
})
class ProbeModule {}

function registered(category: string) {
  const appealId = randomUUID();
  return buildEnvelope(
    'appeal.registered',
    {
      appealId,
      registrationNumber: 'MAH-2026-000001',
      registeredAt: new Date().toISOString(),
      category,
      channel: 'online',
      anonymous: true,
      text: 'text',
    },
    { producer: 'test', correlationId: 'c', subject: appealId },
  );
}

describe('event plumbing on the pinned Kafka broker (kafkajs, real PostgreSQL)', () => {
  let service: RunningService;
  const probe = new KafkaProbe();
  const topic = physicalTopic(TOPICS.appealEvents);

  beforeAll(async () => {
    // The shared consumer runs in a Nest app, exactly as the services use it.
    service = await startServiceForTest({ serviceName: 'kit-probe', envSchema, appModule: ProbeModule }, { EVENT_MAX_ATTEMPTS: '3' }, 'stats');
    await probe.record([deadLetterTopic(topic)]);
  });

  afterAll(async () => {
    await probe.close();
    await service?.close();
  });

  it('creates the topics and their dead-letter twins with the configured partitions', async () => {
    const admin = new Kafka({ brokers: (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const metadata = await admin.fetchTopicMetadata({ topics: [topic, deadLetterTopic(topic)] }).finally(() => admin.disconnect());
    expect(metadata.topics.map((t) => t.partitions.length)).toEqual([3, 3]);
  });

  it('parks an event whose handler keeps failing after the configured attempts, and moves on', async () => {
    const poison = registered('poison');
    const healthy = { ...registered('housing'), subject: poison.subject };
    await probe.produce(topic, poison, poison.subject);
    await probe.produce(topic, healthy, poison.subject); // same key: queued behind the poison

    const parked = await waitFor('the poison event on the dead-letter topic', () =>
      probe.on(deadLetterTopic(topic)).find((message) => message.key === poison.subject),
    );
    expect(parked.headers['dlt-failure']).toBe('handler-failed');
    expect(parked.headers['dlt-attempts']).toBe('3');
    expect(parked.headers['dlt-reason']).toContain('handler cannot cope');
    expect(parked.json<{ id: string }>().id).toBe(poison.id);
    expect(ProbeConsumer.attempts.get(poison.id)).toBe(3);

    await waitFor('the event behind it handled', async () =>
      (await queryRows(service.databaseUrl, 'SELECT 1 FROM processed_events WHERE event_id = $1', [healthy.id])).length === 1,
    );
    // The failed attempts rolled back their processed-event rows.
    expect(await queryRows(service.databaseUrl, 'SELECT 1 FROM processed_events WHERE event_id = $1', [poison.id])).toHaveLength(0);
  });

  it('commits offsets once events are handled (the group catches up)', async () => {
    const event = registered('housing');
    await probe.produce(topic, event, event.subject);
    await probe.waitUntilConsumed(`${service.topicPrefix}kit-probe-server`, [topic]);
    expect(ProbeConsumer.attempts.get(event.id)).toBe(1);
  });
});
