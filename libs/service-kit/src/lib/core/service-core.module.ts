import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MixedList } from 'typeorm';
import { z } from 'zod';
import { AuditController } from '../audit/audit.controller';
import { AuditInterceptor } from '../audit/audit.interceptor';
import { AuditTrail } from '../audit/audit-trail.service';
import { CreateAuditTrail1795600000000 } from '../audit/audit-trail.migration';
import { AccessGuard } from '../auth/access.guard';
import { TokenVerifier } from '../auth/token-verifier';
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
  database: { entities: MixedList<Function>; migrations: Function[] };
  /** Producers get the outbox (OutboxService and its relay). */
  producesEvents: boolean;
  /** Services with BullMQ timers or queues: a Redis client, BullMQ's connection, a readiness check. Needs `redisEnvSchema`. */
  usesRedis?: boolean;
}

/**
 * What every service has: validated config, JSON logs, its database migrated at start, Kafka,
 * the idempotent event consumer, health and metrics, staff sign-in checks and the audit trail. An app imports this once and adds its features.
 */
@Module({})
export class ServiceCoreModule implements NestModule {
  static forRoot(options: ServiceCoreOptions): DynamicModule {
    const messaging = options.producesEvents ? [EventConsumerModule, OutboxModule] : [EventConsumerModule];
    return {
      module: ServiceCoreModule,
      // Imported once by the app; what it exports (the one token verifier, the audit trail, messaging)
      // is for every feature module.
      global: true,
      imports: [
        ServiceConfigModule.forRoot(options.serviceName, options.envSchema),
        createLoggerModule(),
        TypeOrmModule.forRootAsync({
          inject: [SERVICE_CONFIG],
          useFactory: (config: ServiceConfig) =>
            typeOrmOptions(config, {
              entities: options.database.entities,
              migrations: [...options.database.migrations, CreateAuditTrail1795600000000],
            }),
        }),
        KafkaModule,
        ...(options.usesRedis ? [RedisModule, DiscoveryModule] : []),
        HealthModule,
        ...messaging,
      ],
      controllers: [MetricsController, AuditController],
      providers: [
        MigrationRunner,
        ConsumerLagMetrics,
        ...(options.usesRedis ? [QueueMetrics] : []),
        TokenVerifier,
        AuditTrail,
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
      ],
      exports: [...messaging, AuditTrail, TokenVerifier],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*');
  }
}
