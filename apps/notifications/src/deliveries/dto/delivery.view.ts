import { DeliveryEntity } from '../delivery.entity';

export function toDeliveryView(delivery: DeliveryEntity) {
  return {
    id: delivery.id,
    eventId: delivery.eventId,
    appealId: delivery.appealId,
    kind: delivery.kind,
    audience: delivery.audience,
    recipient: delivery.recipient,
    recipientName: delivery.recipientName,
    channel: delivery.channel,
    language: delivery.language,
    status: delivery.status,
    attempts: delivery.attempts,
    lastError: delivery.lastError,
    deliverAfter: delivery.deliverAfter?.toISOString() ?? null,
    sentAt: delivery.sentAt?.toISOString() ?? null,
    createdAt: delivery.createdAt.toISOString(),
  };
}

/** An in-app notice as the inbox (and the older notifications list) shows it. */
export function toNoticeView(delivery: DeliveryEntity) {
  return {
    id: delivery.id,
    appealId: delivery.appealId,
    kind: delivery.kind,
    recipient: delivery.recipient,
    recipientName: delivery.recipientName,
    channel: delivery.channel,
    language: delivery.language,
    subject: delivery.subject,
    body: delivery.body,
    createdAt: delivery.createdAt.toISOString(),
  };
}

export type DeliveryView = ReturnType<typeof toDeliveryView>;
export type NoticeView = ReturnType<typeof toNoticeView>;
