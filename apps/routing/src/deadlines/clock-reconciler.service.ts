import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { REDIS, SERVICE_CONFIG, ServiceConfig } from '@akimat/service-kit';
import { RoutingEnv } from '../app/routing-env.schema';
import { DEADLINE_QUEUE } from './clock-job';
import { CLOCK_COLUMNS, ClockRow, toScheduledClock } from './clock-row';
import { ClockScheduler } from './clock-scheduler.service';

const PAGE = 5_000;

/**
 * Makes Redis hold a job for every pending clock row. A full pass runs whenever the marker key is
 * missing (Redis lost its data: FLUSHALL, a restart without AOF); every pass, the one at start-up
 * included, re-adds the clocks due before the next two ticks (overdue ones too), which covers a job
 * that ran before its row was committed or that Redis never took. A start-up with Redis intact
 * therefore costs what is due soon, not every open clock of the office. Adding an existing job id is
 * a no-op, so instances may reconcile side by side; a clock whose time passed while Redis was empty
 * gets delay 0 and fires at once — once, as the firing claims its row.
 */
@Injectable()
export class ClockReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ClockReconciler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly scheduler: ClockScheduler,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig<RoutingEnv>,
  ) {}

  private get markerKey(): string {
    return `${this.config.QUEUE_PREFIX}:${DEADLINE_QUEUE}:reconciled`;
  }

  onApplicationBootstrap(): void {
    this.running = this.run();
    this.timer = setInterval(() => {
      this.running ??= this.run();
    }, this.config.CLOCK_RECONCILE_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One reconciliation: every pending clock when Redis lost its data, else those due soon. */
  async reconcile(): Promise<{ full: boolean; count: number }> {
    const lost = (await this.redis.set(this.markerKey, new Date().toISOString(), 'NX')) === 'OK';
    try {
      const horizon = lost ? null : new Date(Date.now() + 2 * this.config.CLOCK_RECONCILE_INTERVAL_MS);
      return { full: lost, count: await this.schedulePending(horizon) };
    } catch (error) {
      // The next tick must try the full pass again.
      if (lost) await this.redis.del(this.markerKey).catch(() => undefined);
      throw error;
    }
  }

  private async run(): Promise<void> {
    try {
      const { full, count } = await this.reconcile();
      if (count > 0) this.logger.log({ msg: 'clocks reconciled', full, clocks: count });
    } catch (error) {
      this.logger.error({ msg: 'clock reconciliation failed', error: (error as Error).message });
    } finally {
      this.running = undefined;
    }
  }

  /** Pages through pending clocks in firing order (up to `horizon`, or all) and adds their jobs. */
  private async schedulePending(horizon: Date | null): Promise<number> {
    let after: { fireAt: Date; id: string } | null = null;
    let count = 0;
    for (;;) {
      const rows: ClockRow[] = await this.dataSource.query(
        `SELECT ${CLOCK_COLUMNS} FROM deadline_clocks
          WHERE state = 'pending'
            AND ($1::timestamptz IS NULL OR fire_at <= $1)
            AND ($2::timestamptz IS NULL OR (fire_at, id) > ($2, $3::bigint))
          ORDER BY fire_at, id LIMIT ${PAGE}`,
        [horizon, after?.fireAt ?? null, after?.id ?? null],
      );
      const clocks = rows.map(toScheduledClock);
      await this.scheduler.schedule(clocks);
      count += clocks.length;
      if (rows.length < PAGE) return count;
      after = { fireAt: rows[rows.length - 1].fire_at, id: rows[rows.length - 1].id };
    }
  }
}
