import { Controller, Module } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { buildEnvelope, physicalTopic, TOPICS } from '@akimat/contracts';
import { queryRows, RunningService, startServiceForTest } from '@akimat/testing';
import {
  baseEnvSchema,
  CreateOutboxTable1764000000000,
  CreateProcessedEventsTable1764000000001,
  EventConsumer,
  OutboxEventEntity,
  ProcessedEventEntity,
  ServiceCoreModule,
} from '@akimat/service-kit';

/**
 * The shared consumer in a Nest app, exactly as the services use it. Its handler fails for appeals
 * whose category is in `failingCategories` (tests "fix the cause" by removing it) and otherwise
 * records the event in `probe_effects`, so a test can count effects.
 */
@Controller()
export class ProbeConsumer {
  static attempts = new Map<string, number>();
  static failingCategories = new Set(['poison']);
  constructor(private readonly consumer: EventConsumer) {}

  @EventPattern(physicalTopic(TOPICS.appealEvents))
  on(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.consumer.consume(value, context, {
      'appeal.registered': async (event, manager) => {
        ProbeConsumer.attempts.set(event.id, (ProbeConsumer.attempts.get(event.id) ?? 0) + 1);
        if (ProbeConsumer.failingCategories.has(event.data.category)) throw new Error('handler cannot cope');
        await manager.query('INSERT INTO probe_effects (event_id) VALUES ($1)', [event.id]);
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

/** Starts the probe service (its consumer group is `<prefix>kit-probe-server`) with its effects table. */
export async function startProbeService(env: Record<string, string> = {}): Promise<RunningService> {
  const service = await startServiceForTest(
    { serviceName: 'kit-probe', envSchema, appModule: ProbeModule },
    { EVENT_MAX_ATTEMPTS: '3', ...env },
    'stats',
  );
  await queryRows(service.databaseUrl, 'CREATE TABLE probe_effects (event_id uuid NOT NULL, at timestamptz NOT NULL DEFAULT now())');
  return service;
}

export async function effectsOf(service: RunningService, eventId: string): Promise<number> {
  const [row] = await queryRows<{ n: string }>(service.databaseUrl, 'SELECT count(*) AS n FROM probe_effects WHERE event_id = $1', [eventId]);
  return Number(row.n);
}

export function registered(category: string, extra: Record<string, unknown> = {}) {
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
      ...extra,
    },
    { producer: 'test', correlationId: 'c', subject: appealId },
  );
}
