import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  createLoggerModule,
  EventConsumerModule,
  HealthModule,
  KafkaModule,
  MetricsController,
  MigrationRunner,
  SERVICE_CONFIG,
  ServiceConfig,
  ServiceConfigModule,
  typeOrmOptions,
} from '@akimat/service-kit';
import { AppealEventsConsumer } from '../appeal-events/appeal-events.consumer';
import { CountersService } from '../counters/counters.service';
import { statsSchema } from '../database/stats-schema';
import { RoutingEventsConsumer } from '../routing-events/routing-events.consumer';
import { StatsSummaryService } from '../summary/stats-summary.service';
import { StatsController } from '../summary/stats.controller';
import { statsEnvSchema } from './stats-env.schema';

@Module({
  imports: [
    ServiceConfigModule.forRoot('stats', statsEnvSchema),
    createLoggerModule(),
    TypeOrmModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: ServiceConfig) => typeOrmOptions(config, statsSchema),
    }),
    KafkaModule,
    EventConsumerModule,
    HealthModule,
  ],
  controllers: [StatsController, AppealEventsConsumer, RoutingEventsConsumer, MetricsController],
  providers: [MigrationRunner, CountersService, StatsSummaryService],
})
export class AppModule {}
