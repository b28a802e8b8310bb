import { Module } from '@nestjs/common';
import { SERVICE_CONFIG, ServiceCoreModule } from '@akimat/service-kit';
import { EmailSender } from '../channels/email.sender';
import { SmsSender } from '../channels/sms.sender';
import { Clock } from '../clock/clock';
import { DeliveryHolds } from '../clock/delivery-hold';
import { ContactBook } from '../contacts/contact-book.service';
import { notificationsSchema } from '../database/notifications-schema';
import { DeliveriesController } from '../deliveries/deliveries.controller';
import { DeliveryLog } from '../deliveries/delivery-log.service';
import { DeliveryQueue } from '../deliveries/delivery-queue.service';
import { NotificationsConfig } from '../deliveries/delivery-settings';
import { DeliveryWorkers } from '../deliveries/delivery-workers.service';
import { DeliveryProcessor } from '../deliveries/delivery.processor';
import { NoticeEventsConsumer } from '../notices/notice-events.consumer';
import { NoticeEvents } from '../notices/notice-events.service';
import { NoticePlanner } from '../notices/notice-planner.service';
import { TemplateRenderer } from '../templates/template-renderer';
import { notificationsEnvSchema } from './notifications-env.schema';

@Module({
  imports: [
    ServiceCoreModule.forRoot({
      serviceName: 'notifications',
      envSchema: notificationsEnvSchema,
      database: notificationsSchema,
      producesEvents: false,
      usesRedis: true,
    }),
  ],
  controllers: [DeliveriesController, NoticeEventsConsumer],
  providers: [
    Clock,
    DeliveryHolds,
    ContactBook,
    {
      provide: TemplateRenderer,
      inject: [SERVICE_CONFIG],
      useFactory: (config: NotificationsConfig) => new TemplateRenderer(config.OFFICE_TIME_ZONE),
    },
    NoticePlanner,
    NoticeEvents,
    DeliveryQueue,
    DeliveryProcessor,
    DeliveryWorkers,
    EmailSender,
    SmsSender,
    DeliveryLog,
  ],
})
export class AppModule {}
