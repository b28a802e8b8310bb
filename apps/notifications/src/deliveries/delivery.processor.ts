import { Injectable, Logger } from '@nestjs/common';
import { DelayedError, Job, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { maskPersonalValue } from '@akimat/service-kit';
import { EmailSender } from '../channels/email.sender';
import { SmsSender } from '../channels/sms.sender';
import { ChannelSender } from '../channels/channel-sender';
import { Clock } from '../clock/clock';
import { DeliveryHolds } from '../clock/delivery-hold';
import { DeliveryEntity } from './delivery.entity';
import { DeliveryRows, PendingDelivery } from './delivery-rows';
import { deliveryMetrics } from './delivery-metrics';
import { QueuedChannel } from './delivery-settings';

export interface DeliveryJobData {
  deliveryId: string;
}

/**
 * Sends one delivery. The row decides: a row already `sent` or `failed` (a duplicate job) does
 * nothing. Each try is recorded on the row; the last failed try marks it `failed` with its reason.
 */
@Injectable()
export class DeliveryProcessor {
  private readonly logger = new Logger(DeliveryProcessor.name);
  private readonly senders: Record<QueuedChannel, ChannelSender>;
  private readonly rows: DeliveryRows;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly holds: DeliveryHolds,
    email: EmailSender,
    sms: SmsSender,
  ) {
    this.senders = { email, sms };
    this.rows = new DeliveryRows(dataSource);
  }

  async process(job: Job<DeliveryJobData>, token?: string): Promise<void> {
    const delivery = await this.rows.load(job.data.deliveryId);
    if (!delivery || delivery.status === 'sent' || delivery.status === 'failed') return;
    if (await this.deferIfHeld(delivery, job, token)) throw new DelayedError();

    const attempt = job.attemptsMade + 1;
    try {
      await this.senders[delivery.channel].send(delivery);
    } catch (error) {
      await this.recordFailure(delivery, attempt, job, error as Error);
      throw error;
    }
    await this.rows.markSent(delivery.id, attempt, this.clock.now());
    deliveryMetrics.sent.inc({ channel: delivery.channel });
    this.logger.log({
      msg: 'delivery sent',
      deliveryId: delivery.id,
      kind: delivery.kind,
      channel: delivery.channel,
      attempt,
      correlationId: delivery.correlationId,
    });
  }

  /**
   * A retry (or a reconciled job) may come due at night: SMS to residents waits for the morning,
   * an escalation e-mail to staff for the office's next opening.
   */
  private async deferIfHeld(delivery: PendingDelivery, job: Job, token?: string): Promise<boolean> {
    const now = this.clock.now();
    const until = this.holds.until(delivery, now);
    if (!until) return false;
    await this.dataSource.getRepository(DeliveryEntity).update({ id: delivery.id }, { deliverAfter: until });
    await job.moveToDelayed(Date.now() + (until.getTime() - now.getTime()), token);
    return true;
  }

  private async recordFailure(delivery: PendingDelivery, attempt: number, job: Job, error: Error): Promise<void> {
    const final = error instanceof UnrecoverableError || attempt >= (job.opts.attempts ?? 1);
    await this.dataSource
      .getRepository(DeliveryEntity)
      .update(
        { id: delivery.id },
        { status: final ? 'failed' : 'retrying', attempts: attempt, lastError: error.message.slice(0, 1000) },
      );
    (final ? deliveryMetrics.failed : deliveryMetrics.retrying).inc({ channel: delivery.channel });
    this.logger.warn({
      msg: final ? 'delivery failed for good' : 'delivery attempt failed; will retry',
      deliveryId: delivery.id,
      channel: delivery.channel,
      recipient: maskPersonalValue(delivery.recipient, 3),
      attempt,
      error: error.message,
      correlationId: delivery.correlationId,
    });
  }
}
