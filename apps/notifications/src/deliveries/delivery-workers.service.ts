import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Worker } from 'bullmq';
import { bullConnection, SERVICE_CONFIG } from '@akimat/service-kit';
import { DeliveryJobData, DeliveryProcessor } from './delivery.processor';
import { enabledChannels, NotificationsConfig, queueName } from './delivery-settings';

/**
 * One worker per enabled channel, started once the app is up and closed before the database, so
 * in-flight sends finish. The limiter caps each channel's rate across all instances.
 */
@Injectable()
export class DeliveryWorkers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DeliveryWorkers.name);
  private readonly workers: Worker[] = [];

  constructor(
    private readonly processor: DeliveryProcessor,
    @Inject(SERVICE_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  onApplicationBootstrap(): void {
    const enabled = enabledChannels(this.config);
    const rates = { email: this.config.EMAIL_RATE_PER_SECOND, sms: this.config.SMS_RATE_PER_SECOND };
    for (const channel of ['email', 'sms'] as const) {
      if (!enabled[channel]) continue;
      const worker = new Worker<DeliveryJobData>(
        queueName(channel),
        (job, token) => this.processor.process(job, token),
        {
          connection: bullConnection(this.config),
          prefix: this.config.QUEUE_PREFIX,
          concurrency: this.config.DELIVERY_CONCURRENCY,
          limiter: { max: rates[channel], duration: 1_000 },
        },
      );
      // Without a listener an 'error' event (Redis gone) would crash the process.
      worker.on('error', (error) => this.logger.warn({ msg: 'delivery worker error', channel, error: error.message }));
      this.workers.push(worker);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
  }
}
