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
import { notificationsSchema } from '../database/notifications-schema';
import { NotificationsController } from '../notifications/notifications.controller';
import { NotificationsService } from '../notifications/notifications.service';
import { RoutedNoticeService } from '../routing-events/routed-notice.service';
import { RoutingEventsConsumer } from '../routing-events/routing-events.consumer';
import { notificationsEnvSchema } from './notifications-env.schema';

@Module({
  imports: [
    ServiceConfigModule.forRoot('notifications', notificationsEnvSchema),
    createLoggerModule(),
    TypeOrmModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: ServiceConfig) => typeOrmOptions(config, notificationsSchema),
    }),
    KafkaModule,
    EventConsumerModule,
    HealthModule,
  ],
  controllers: [NotificationsController, RoutingEventsConsumer, MetricsController],
  providers: [MigrationRunner, NotificationsService, RoutedNoticeService],
})
export class AppModule {}
