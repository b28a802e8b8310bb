import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { SERVICE_CONFIG } from '@akimat/service-kit';
import { NotificationsConfig } from '../deliveries/delivery-settings';
import { ChannelSender, OutgoingMessage } from './channel-sender';

// Under the shutdown deadline (SHUTDOWN_TIMEOUT_MS, 8 s), so a send in flight at SIGTERM ends before it.
const REQUEST_TIMEOUT_MS = 5_000;

/**
 * SMS through the configured HTTP gateway: `POST {to, text}` as JSON, with a bearer token if set.
 * A 4xx other than 408/429 means the gateway will never take this message, so it is not retried.
 * node:http with kept-alive connections rather than fetch: a fraction of the CPU per message.
 */
@Injectable()
export class SmsSender implements ChannelSender, OnModuleDestroy {
  private readonly url: URL;
  private readonly agent: HttpAgent;

  constructor(@Inject(SERVICE_CONFIG) private readonly config: NotificationsConfig) {
    this.url = new URL(config.SMS_GATEWAY_URL || 'http://localhost');
    const Agent = this.url.protocol === 'https:' ? HttpsAgent : HttpAgent;
    this.agent = new Agent({ keepAlive: true, maxSockets: config.DELIVERY_CONCURRENCY });
  }

  async send(delivery: OutgoingMessage): Promise<void> {
    const status = await this.post(
      delivery.id,
      JSON.stringify({ to: delivery.recipient, text: `${delivery.subject}\n${delivery.body}` }),
    );
    if (status >= 200 && status < 300) return;
    const reason = `SMS gateway answered ${status}`;
    const permanent = status >= 400 && status < 500 && ![408, 429].includes(status);
    throw permanent ? new UnrecoverableError(reason) : new Error(reason);
  }

  onModuleDestroy(): void {
    this.agent.destroy();
  }

  private post(idempotencyKey: string, body: string): Promise<number> {
    const send = this.url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const request = send(this.url, {
        method: 'POST',
        agent: this.agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'idempotency-key': idempotencyKey,
          ...(this.config.SMS_GATEWAY_TOKEN ? { authorization: `Bearer ${this.config.SMS_GATEWAY_TOKEN}` } : {}),
        },
        timeout: REQUEST_TIMEOUT_MS,
      });
      request.on('timeout', () =>
        request.destroy(new Error(`SMS gateway did not answer within ${REQUEST_TIMEOUT_MS} ms`)),
      );
      request.on('error', reject);
      request.on('response', (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      });
      request.end(body);
    });
  }
}
