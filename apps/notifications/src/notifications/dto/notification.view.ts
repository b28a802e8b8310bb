import { NotificationEntity } from '../notification.entity';

export function toNotificationView(notification: NotificationEntity) {
  return {
    id: notification.id,
    appealId: notification.appealId,
    recipient: notification.recipient,
    recipientName: notification.recipientName,
    channel: notification.channel,
    language: notification.language,
    subject: notification.subject,
    body: notification.body,
    createdAt: notification.createdAt.toISOString(),
  };
}

export type NotificationView = ReturnType<typeof toNotificationView>;
