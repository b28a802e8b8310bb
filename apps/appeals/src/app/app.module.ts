import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  createLoggerModule,
  EventConsumerModule,
  HealthModule,
  KafkaModule,
  MetricsController,
  MigrationRunner,
  OutboxModule,
  SERVICE_CONFIG,
  ServiceConfig,
  ServiceConfigModule,
  typeOrmOptions,
} from '@akimat/service-kit';
import { AppealsController } from '../appeals/appeals.controller';
import { AppealsService } from '../appeals/appeals.service';
import { appealsSchema } from '../database/appeals-schema';
import { AppealAssignmentService } from '../routing-events/appeal-assignment.service';
import { RoutingEventsConsumer } from '../routing-events/routing-events.consumer';
import { appealsEnvSchema } from './appeals-env.schema';

@Module({
  imports: [
    ServiceConfigModule.forRoot('appeals', appealsEnvSchema),
    createLoggerModule(),
    TypeOrmModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: ServiceConfig) => typeOrmOptions(config, appealsSchema),
    }),
    KafkaModule,
    OutboxModule,
    EventConsumerModule,
    HealthModule,
  ],
  controllers: [AppealsController, RoutingEventsConsumer, MetricsController],
  providers: [MigrationRunner, AppealsService, AppealAssignmentService],
})
export class AppModule {}
