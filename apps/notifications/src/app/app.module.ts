import { Module } from '@nestjs/common';
import { ServiceCoreModule } from '@akimat/service-kit';
import { notificationsSchema } from '../database/notifications-schema';
import { NotificationsController } from '../notifications/notifications.controller';
import { NotificationsService } from '../notifications/notifications.service';
import { RoutedNoticeService } from '../routing-events/routed-notice.service';
import { RoutingEventsConsumer } from '../routing-events/routing-events.consumer';
import { notificationsEnvSchema } from './notifications-env.schema';

@Module({
  imports: [
    ServiceCoreModule.forRoot({
      serviceName: 'notifications',
      envSchema: notificationsEnvSchema,
      database: notificationsSchema,
      producesEvents: false,
    }),
  ],
  controllers: [NotificationsController, RoutingEventsConsumer],
  providers: [NotificationsService, RoutedNoticeService],
})
export class AppModule {}
