import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EventInput, physicalTopic, TOPICS } from '@akimat/contracts';
import { asStaff, KafkaProbe, queryRows, RunningService, startServiceForTest, waitFor } from '@akimat/testing';
import { AppModule } from '../src/app/app.module';
import { notificationsEnvSchema } from '../src/app/notifications-env.schema';
import { Clock } from '../src/clock/clock';
import { DeliveryQueue } from '../src/deliveries/delivery-queue.service';
import { sampleData, sampleEvent } from '../src/notices/notice-events.fixture';
import { SmsGateway, SmtpServer, startSmsGateway, startSmtpServer } from './channel-servers';

export const notificationsService = {
  serviceName: 'notifications',
  envSchema: notificationsEnvSchema,
  appModule: AppModule,
};

/** Makes the app's clock read this local time (Asia/Atyrau, UTC+5), and keep ticking from there. */
export function setClock(app: INestApplication, atyrauLocal: string): void {
  const offset = new Date(`${atyrauLocal}+05:00`).getTime() - Date.now();
  app.get(Clock).now = () => new Date(Date.now() + offset);
}

/** The notifications service in-process with a real SMTP server and SMS gateway, at noon. */
export async function startNotifications(env: Record<string, string> = {}) {
  const smtp: SmtpServer = await startSmtpServer();
  const gateway: SmsGateway = await startSmsGateway();
  const service: RunningService = await startServiceForTest(notificationsService, {
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMS_GATEWAY_URL: gateway.url,
    SMS_GATEWAY_TOKEN: 'test-token',
    DELIVERY_ATTEMPTS: '6',
    DELIVERY_BACKOFF_MS: '100',
    DELIVERY_RECONCILE_INTERVAL_MS: '60000',
    PUBLIC_TRACKING_URL: 'https://akimat.example.kz/track',
    ...env,
  });
  setClock(service.app, '2026-11-25T12:00:00');
  const probe = new KafkaProbe();
  const database = service.databaseUrl;

  /** Produces a sample event for a fresh appeal (or the given one) to the topic it belongs to. */
  async function publish<T extends keyof typeof sampleData>(type: T, overrides: Partial<EventInput<T>> = {}) {
    const event = sampleEvent(type, overrides);
    const topic =
      type.startsWith('appeal.') &&
      !['appeal.routed', 'appeal.reassigned', 'appeal.deadline_approaching', 'appeal.deadline_missed'].includes(type)
        ? TOPICS.appealEvents
        : TOPICS.routingEvents;
    await probe.produce(physicalTopic(topic), event, event.subject);
    return event;
  }

  return {
    service,
    app: service.app,
    smtp,
    gateway,
    probe,
    publish,
    http: () => service.app.getHttpServer(),
    newAppealId: () => randomUUID(),
    deliveries: async (appealId: string) =>
      (await asStaff(service.app.getHttpServer()).get(`/api/v1/deliveries?appealId=${appealId}`).expect(200)).body
        .items as Record<string, unknown>[],
    waitForHandled: (eventId: string) =>
      waitFor(
        `event ${eventId} handled`,
        async () =>
          (await queryRows(database, 'SELECT 1 FROM processed_events WHERE event_id = $1', [eventId])).length === 1,
      ),
    async close() {
      await probe.close();
      // Leave nothing of this file's queues in the shared Redis.
      const queues = service.app.get(DeliveryQueue);
      for (const channel of ['email', 'sms'] as const) await queues.queue(channel)?.obliterate({ force: true });
      await service.close();
      await smtp.close();
      await gateway.close();
    },
  };
}
export type NotificationsHarness = Awaited<ReturnType<typeof startNotifications>>;
