import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { createTransport, Transporter } from 'nodemailer';
import { SERVICE_CONFIG } from '@akimat/service-kit';
import { NotificationsConfig } from '../deliveries/delivery-settings';
import { ChannelSender, OutgoingMessage } from './channel-sender';

/** E-mail over SMTP: plain text in the recipient's language; a 5xx answer is final, others retry. */
@Injectable()
export class EmailSender implements ChannelSender, OnModuleDestroy {
  private transport?: Transporter;

  constructor(@Inject(SERVICE_CONFIG) private readonly config: NotificationsConfig) {}

  async send(delivery: OutgoingMessage): Promise<void> {
    try {
      await this.transporter().sendMail({
        from: this.config.SMTP_FROM,
        to: delivery.recipient,
        subject: delivery.subject,
        text: delivery.body,
        headers: { 'X-Delivery-Id': delivery.id },
      });
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      if (code !== undefined && code >= 500) throw new UnrecoverableError(`SMTP ${code}: ${(error as Error).message}`);
      throw error;
    }
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }

  private transporter(): Transporter {
    this.transport ??= createTransport({
      host: this.config.SMTP_HOST,
      port: this.config.SMTP_PORT,
      secure: this.config.SMTP_SECURE,
      auth: this.config.SMTP_USER ? { user: this.config.SMTP_USER, pass: this.config.SMTP_PASS } : undefined,
      pool: true,
      maxConnections: 5,
      connectionTimeout: 10_000,
      socketTimeout: 30_000,
    });
    return this.transport;
  }
}
