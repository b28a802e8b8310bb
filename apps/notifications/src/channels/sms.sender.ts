import { Inject, Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { SERVICE_CONFIG } from '@akimat/service-kit';
import { DeliveryEntity } from '../deliveries/delivery.entity';
import { NotificationsConfig } from '../deliveries/delivery-settings';
import { ChannelSender } from './channel-sender';

const REQUEST_TIMEOUT_MS = 10_000;

/**
 * SMS through the configured HTTP gateway: `POST {to, text}` as JSON, with a bearer token if set.
 * A 4xx other than 408/429 means the gateway will never take this message, so it is not retried.
 */
@Injectable()
export class SmsSender implements ChannelSender {
  constructor(@Inject(SERVICE_CONFIG) private readonly config: NotificationsConfig) {}

  async send(delivery: DeliveryEntity): Promise<void> {
    const response = await fetch(this.config.SMS_GATEWAY_URL, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': delivery.id,
        ...(this.config.SMS_GATEWAY_TOKEN ? { authorization: `Bearer ${this.config.SMS_GATEWAY_TOKEN}` } : {}),
      },
      body: JSON.stringify({ to: delivery.recipient, text: `${delivery.subject}\n${delivery.body}` }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    await response.arrayBuffer().catch(() => undefined);
    if (response.ok) return;
    const reason = `SMS gateway answered ${response.status}`;
    const permanent = response.status >= 400 && response.status < 500 && ![408, 429].includes(response.status);
    throw permanent ? new UnrecoverableError(reason) : new Error(reason);
  }
}
