import { ServiceConfig } from '@akimat/service-kit';
import { NotificationsEnv } from '../app/notifications-env.schema';
import { QuietHours } from '../clock/quiet-hours';

export type NotificationsConfig = ServiceConfig<NotificationsEnv>;
export type QueuedChannel = 'email' | 'sms';

/** A channel without its server configured is off: no deliveries are created for it. */
export function enabledChannels(config: NotificationsConfig): Record<QueuedChannel, boolean> {
  return { email: config.SMTP_HOST !== '', sms: config.SMS_GATEWAY_URL !== '' };
}

export function quietHoursOf(config: NotificationsConfig): QuietHours {
  return { start: config.QUIET_HOURS_START, end: config.QUIET_HOURS_END, timeZone: config.OFFICE_TIME_ZONE };
}

export const queueName = (channel: QueuedChannel) => `notifications-${channel}`;
