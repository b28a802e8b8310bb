import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { bullConnection, registerQueueDepth, SERVICE_CONFIG } from '@akimat/service-kit';
import { Clock } from '../clock/clock';
import { deliveryRetryPolicy, RetryPolicy, retryWaits } from './delivery-retry';
import { enabledChannels, NotificationsConfig, QueuedChannel, queueName } from './delivery-settings';

export interface DeliveryJobRef {
  id: string;
  channel: QueuedChannel;
  deliverAfter: Date | null;
}

/** Rows younger than this are left to the enqueue that follows their commit. */
const RECONCILE_GRACE_MS = 5_000;
const RECONCILE_BATCH = 1_000;
const FLUSH_DELAY_MS = 5;

/**
 * One BullMQ queue per channel. The job id is the delivery id, so adding a job twice (after the
 * commit, by the reconciler, by another instance) keeps one job. PostgreSQL is the source of truth:
 * the reconciler re-adds every row still waiting, which also covers Redis losing its data.
 */
@Injectable()
export class DeliveryQueue implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DeliveryQueue.name);
  private readonly queues = new Map<QueuedChannel, Queue>();
  private timer?: NodeJS.Timeout;
  private flushTimer?: NodeJS.Timeout;
  private readonly pending: DeliveryJobRef[] = [];
  private readonly retryPolicy: RetryPolicy;
  private unregisterDepth?: () => void;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: NotificationsConfig,
  ) {
    this.retryPolicy = deliveryRetryPolicy(config);
    const enabled = enabledChannels(config);
    for (const channel of ['email', 'sms'] as const) {
      if (!enabled[channel]) continue;
      this.queues.set(
        channel,
        new Queue(queueName(channel), { connection: bullConnection(config), prefix: config.QUEUE_PREFIX }),
      );
    }
  }

  queue(channel: QueuedChannel): Queue | undefined {
    return this.queues.get(channel);
  }

  /**
   * Enqueues soon, in one round trip per channel for everything scheduled meanwhile, so the Kafka
   * consumer does not wait for Redis. Rows are committed already: if the process dies before the
   * flush (or Redis refuses it), they stay `queued` and the reconciler adds them.
   */
  schedule(deliveries: DeliveryJobRef[]): void {
    this.pending.push(...deliveries);
    this.flushTimer ??= setTimeout(() => void this.flush(), FLUSH_DELAY_MS);
  }

  async flush(): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const batch = this.pending.splice(0);
    if (batch.length === 0) return;
    await this.enqueue(batch).catch((error: Error) =>
      this.logger.warn({
        msg: 'enqueue failed; the reconciler will retry',
        deliveries: batch.length,
        error: error.message,
      }),
    );
  }

  async enqueue(deliveries: DeliveryJobRef[]): Promise<void> {
    const now = this.clock.now().getTime();
    for (const [channel, queue] of this.queues) {
      const jobs = deliveries
        .filter((delivery) => delivery.channel === channel)
        .map((delivery) => ({
          name: 'deliver',
          data: { deliveryId: delivery.id },
          opts: this.jobOptions(
            delivery.id,
            delivery.deliverAfter ? Math.max(0, delivery.deliverAfter.getTime() - now) : 0,
          ),
        }));
      if (jobs.length > 0) await queue.addBulk(jobs);
    }
  }

  /** Enqueues every row still waiting; returns how many it looked at. */
  async reconcile(): Promise<number> {
    let seen = 0;
    // Cursor as text: a JS Date would drop PostgreSQL's microseconds and revisit rows.
    let after: [string, string] = ['-infinity', '00000000-0000-0000-0000-000000000000'];
    for (;;) {
      const rows: { id: string; channel: QueuedChannel; deliver_after: Date | null; cursor: string }[] =
        await this.dataSource.query(
          `SELECT id, channel, deliver_after, created_at::text AS cursor FROM deliveries
         WHERE status IN ('queued', 'retrying') AND created_at < now() - make_interval(secs => $1) AND (created_at, id) > ($2::timestamptz, $3::uuid)
         ORDER BY created_at, id LIMIT $4`,
          [RECONCILE_GRACE_MS / 1000, ...after, RECONCILE_BATCH],
        );
      if (rows.length === 0) return seen;
      await this.enqueue(rows.map((row) => ({ id: row.id, channel: row.channel, deliverAfter: row.deliver_after })));
      seen += rows.length;
      const last = rows[rows.length - 1];
      after = [last.cursor, last.id];
      if (rows.length < RECONCILE_BATCH) return seen;
    }
  }

  onApplicationBootstrap(): void {
    if (this.queues.size === 0) return;
    this.unregisterDepth = registerQueueDepth(this.config.serviceName, [...this.queues.values()]);
    const waits = retryWaits(this.retryPolicy);
    this.logger.log({
      msg: 'deliveries retried with exponential backoff',
      attempts: this.retryPolicy.attempts,
      lastTryAfterSeconds: waits.reduce((sum, wait) => sum + wait, 0) / 1000,
    });
    const run = () =>
      this.reconcile()
        .then((count) => count > 0 && this.logger.log({ msg: 'reconciled waiting deliveries', count }))
        .catch((error: Error) => this.logger.warn({ msg: 'delivery reconciliation failed', error: error.message }));
    void run();
    this.timer = setInterval(run, this.config.DELIVERY_RECONCILE_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.unregisterDepth?.();
    clearInterval(this.timer);
    await this.flush();
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }

  private jobOptions(jobId: string, delay: number): JobsOptions {
    return {
      jobId,
      delay,
      ...this.retryPolicy,
      removeOnComplete: true,
      removeOnFail: { count: 10_000 },
    };
  }
}
