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
import { AppealEventsConsumer } from '../assignments/appeal-events.consumer';
import { AssignmentService } from '../assignments/assignment.service';
import { AssignmentsController } from '../assignments/assignments.controller';
import { routingSchema } from '../database/routing-schema';
import { DirectorySeeder } from '../directory/directory-seeder.service';
import { DirectoryController } from '../directory/directory.controller';
import { DirectoryService } from '../directory/directory.service';
import { routingEnvSchema } from './routing-env.schema';

@Module({
  imports: [
    ServiceConfigModule.forRoot('routing', routingEnvSchema),
    createLoggerModule(),
    TypeOrmModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: ServiceConfig) => typeOrmOptions(config, routingSchema),
    }),
    KafkaModule,
    OutboxModule,
    EventConsumerModule,
    HealthModule,
  ],
  controllers: [DirectoryController, AssignmentsController, AppealEventsConsumer, MetricsController],
  providers: [MigrationRunner, DirectorySeeder, DirectoryService, AssignmentService],
})
export class AppModule {}
