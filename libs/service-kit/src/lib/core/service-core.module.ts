import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MixedList } from 'typeorm';
import { z } from 'zod';
import { BaseEnv } from '../config/base-env.schema';
import { SERVICE_CONFIG, ServiceConfig } from '../config/service-config';
import { ServiceConfigModule } from '../config/service-config.module';
import { MigrationRunner } from '../database/migration-runner.service';
import { typeOrmOptions } from '../database/typeorm-options';
import { HealthModule } from '../health/health.module';
import { EventConsumerModule } from '../inbox/event-consumer.module';
import { KafkaModule } from '../kafka/kafka.module';
import { createLoggerModule } from '../logging/logger.module';
import { ConsumerLagMetrics } from '../metrics/consumer-lag.metrics';
import { HttpMetricsMiddleware } from '../metrics/http-metrics.middleware';
import { MetricsController } from '../metrics/metrics.controller';
import { QueueMetrics } from '../metrics/queue.metrics';
import { OutboxModule } from '../outbox/outbox.module';
import { RedisModule } from '../redis/redis.module';

export interface ServiceCoreOptions {
  serviceName: string;
  envSchema: z.ZodType<BaseEnv>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  database: { entities: MixedList<Function>; migrations: MixedList<Function> };
  /** Producers get the outbox (OutboxService and its relay). */
  producesEvents: boolean;
  /** Services with BullMQ timers or queues: a Redis client, BullMQ's connection, a readiness check. Needs `redisEnvSchema`. */
  usesRedis?: boolean;
}

/**
 * What every service has: validated config, JSON logs, its database migrated at start, Kafka,
 * the idempotent event consumer, health and metrics. An app imports this once and adds its features.
 */
@Module({})
export class ServiceCoreModule implements NestModule {
  static forRoot(options: ServiceCoreOptions): DynamicModule {
    const messaging = options.producesEvents ? [EventConsumerModule, OutboxModule] : [EventConsumerModule];
    return {
      module: ServiceCoreModule,
      imports: [
        ServiceConfigModule.forRoot(options.serviceName, options.envSchema),
        createLoggerModule(),
        TypeOrmModule.forRootAsync({
          inject: [SERVICE_CONFIG],
          useFactory: (config: ServiceConfig) => typeOrmOptions(config, options.database),
        }),
        KafkaModule,
        ...(options.usesRedis ? [RedisModule, DiscoveryModule] : []),
        HealthModule,
        ...messaging,
      ],
      controllers: [MetricsController],
      providers: [MigrationRunner, ConsumerLagMetrics, ...(options.usesRedis ? [QueueMetrics] : [])],
      exports: messaging,
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*');
  }
}
